import { describe, expect, it } from "vitest";
import { DatabaseUrlError, resolveDatabaseUrl } from "@/lib/db-url";

describe("resolveDatabaseUrl", () => {
  it("defaults to SQLite in data/ when DATABASE_URL is unset or blank", () => {
    expect(resolveDatabaseUrl(undefined, "/srv/app")).toEqual({ provider: "sqlite", url: "file:/srv/app/data/factdeck.db", file: "/srv/app/data/factdeck.db" });
    expect(resolveDatabaseUrl("  ", "/srv/app").provider).toBe("sqlite");
  });
  it("resolves relative and absolute file: URLs", () => {
    expect(resolveDatabaseUrl("file:./x/y.db", "/srv/app")).toMatchObject({ provider: "sqlite", file: "/srv/app/x/y.db" });
    expect(resolveDatabaseUrl("file:/tmp/z.db", "/srv/app")).toMatchObject({ provider: "sqlite", file: "/tmp/z.db" });
    expect(resolveDatabaseUrl("file:///tmp/z.db", "/srv/app")).toMatchObject({ provider: "sqlite", file: "/tmp/z.db" });
  });
  it("accepts postgres:// and postgresql:// URLs with a host and a database", () => {
    expect(resolveDatabaseUrl("postgresql://u:p@db:5432/fd")).toEqual({ provider: "postgresql", url: "postgresql://u:p@db:5432/fd" });
    expect(resolveDatabaseUrl("postgres://db/fd").provider).toBe("postgresql");
  });
  it.each([
    ["mysql://x/y", /must start with file:/],
    ["postgresql://db:5432", /names no database/],
    ["postgresql://", /no host|not a valid/],
    ["file:", /needs a path/],
    ["file:./a.db?mode=ro", /no query string/],
  ])("rejects %s with a message naming DATABASE_URL", (raw, why) => {
    expect(() => resolveDatabaseUrl(raw)).toThrow(DatabaseUrlError);
    expect(() => resolveDatabaseUrl(raw)).toThrow(why);
    expect(() => resolveDatabaseUrl(raw)).toThrow(/DATABASE_URL/);
  });
});

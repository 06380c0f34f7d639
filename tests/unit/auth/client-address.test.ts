import { describe, expect, it } from "vitest";
import { clientAddress, normalisePeerAddress, PEER_HEADER } from "@/lib/auth/client-address";

const h = (xff?: string, peer?: string) => new Headers({ ...(xff ? { "x-forwarded-for": xff } : {}), ...(peer ? { [PEER_HEADER]: peer } : {}) });
const served = (trustedProxies: number) => ({ trustedProxies, peerHeaderTrusted: true });

describe("clientAddress", () => {
  it("with no trusted proxy uses the socket's peer and ignores X-Forwarded-For, whatever the client sends", () => {
    // Regression: the last X-Forwarded-For entry was used with 0 trusted proxies, so a rotating header beat every per-address limit.
    expect(clientAddress(h("1.1.1.1, 2.2.2.2, 3.3.3.3", "127.0.0.1"), served(0))).toBe("127.0.0.1");
    expect(clientAddress(h("9.9.9.9", "203.0.113.5"), served(-1))).toBe("203.0.113.5");
    expect(clientAddress(h(undefined, "203.0.113.5"), served(0))).toBe("203.0.113.5");
  });

  it("with N trusted proxies takes the entry the outermost of them appended, never one the client wrote", () => {
    // client → P1 → P2 → app: P1 appends the client, P2 appends P1; a forged entry sits left of them.
    expect(clientAddress(h("6.6.6.6, 1.1.1.1, 10.0.0.1", "10.0.0.2"), served(2))).toBe("1.1.1.1");
    expect(clientAddress(h("6.6.6.6, 1.1.1.1", "10.0.0.1"), served(1))).toBe("1.1.1.1");
    expect(clientAddress(h("1.1.1.1, 2.2.2.2"), served(5))).toBe("1.1.1.1");
    expect(clientAddress(h(undefined, "10.0.0.1"), served(1))).toBe("10.0.0.1");
  });

  it("believes the peer header only where our server sets it", () => {
    expect(clientAddress(h("4.4.4.4", "5.5.5.5"), { trustedProxies: 0, peerHeaderTrusted: false })).toBe("4.4.4.4");
    expect(clientAddress(h(), { trustedProxies: 0, peerHeaderTrusted: false })).toBe("127.0.0.1");
  });

  it("shows IPv4-mapped socket addresses as IPv4", () => {
    expect(normalisePeerAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalisePeerAddress("::1")).toBe("::1");
    expect(normalisePeerAddress(undefined)).toBe("");
  });
});

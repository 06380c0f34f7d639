import { findUserByEmail } from "../data/users";
import { ensureDemoClass } from "../data/classes";
import { getAuth } from "./auth-server";
import type { Role } from "./roles";

/** The quickstart's accounts, listed in the README. Never created on PostgreSQL unless asked for. */
export const DEMO_PASSWORD = "factdeck-demo";
export const DEMO_ACCOUNTS: { name: string; email: string; role: Role }[] = [
  { name: "Demo Teacher", email: "teacher@factdeck.test", role: "teacher" },
  { name: "Ani Student", email: "ani@factdeck.test", role: "student" },
  { name: "Boris Student", email: "boris@factdeck.test", role: "student" },
  { name: "Chloe Student", email: "chloe@factdeck.test", role: "student" },
];

/**
 * Whether the seed should create demo accounts: on SQLite (the embedded
 * quickstart database) unless `SEED_DEMO=0`; on PostgreSQL only with `SEED_DEMO=1`.
 */
export function wantsDemoAccounts(provider: "sqlite" | "postgresql", seedDemo: string | undefined): boolean {
  if (seedDemo === "1" || seedDemo === "true") return true;
  if (seedDemo === "0" || seedDemo === "false") return false;
  return provider === "sqlite";
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function ensureDemoAccounts(): Promise<number> {
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByEmail(a.email)) continue;
    await getAuth().api.signUpEmail({ body: { ...a, password: DEMO_PASSWORD } });
    created++;
  }
  return created;
}

/**
 * The demo class (taught by the demo teacher, with the three demo students
 * and one review assignment). Idempotent; run by the seed after `ensureDemoAccounts`.
 */
export async function ensureDemoClassroom(now = new Date()): Promise<{ created: boolean; added: number } | null> {
  const teacher = DEMO_ACCOUNTS.find((a) => a.role === "teacher")!;
  return ensureDemoClass({ teacherEmail: teacher.email, studentEmails: DEMO_ACCOUNTS.filter((a) => a.role === "student").map((a) => a.email), now });
}

export const ROLES = ["student", "teacher"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: what every guard and every page needs to know, nothing more. */
export type Viewer = { id: string; name: string; email: string; role: Role };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

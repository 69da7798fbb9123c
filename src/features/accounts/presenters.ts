import type { users } from "../../platform/auth/tables";

type UserRow = typeof users.$inferSelect;

/**
 * What an operation tells its caller about an account it signed in (sign-in, a confirmed sign-up,
 * an accepted invitation): an allow-list. The password hash, the disabled flag and any column the
 * table gains later stay in the database unless they are added here on purpose.
 */
export function presentUser(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale };
}

export type SignedInUser = ReturnType<typeof presentUser>;

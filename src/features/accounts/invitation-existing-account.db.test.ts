import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { users } from "../../platform/auth/tables";
import { outboxMessages } from "../../platform/mail/tables";
import { acceptInvitation, invitePerson } from "./operations/invitations";
import { roleGrants } from "./tables";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

async function inviteLink(to: string) {
  const [m] = await t.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, "invitation")))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return /\/invitation\/([\w-]+)/.exec(m!.bodyText)![1]!;
}

// Whoever can read an invitation link (the inviter, a mailbox admin) must not
// be able to use it to take over an account that already exists.
describe("an invitation to an email that already has an account", () => {
  it("needs that account's current password and never changes it", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const result = await invitePerson(staff, { email: demo.admin, role: "reviewer" });
    expect(result).not.toHaveProperty("secret");
    const token = await inviteLink(demo.admin);
    const [before] = await t.db.select().from(users).where(eq(users.email, demo.admin));

    await expect(
      acceptInvitation(ctxFor(t.db), { token, name: "Intruder", password: "attacker-chosen-password" }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });
    const [after] = await t.db.select().from(users).where(eq(users.email, demo.admin));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    expect(after!.name).toBe(before!.name);
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, before!.id));
    expect(grants.map((g) => g.role)).not.toContain("reviewer");

    // The owner, who knows the password, accepts and gains the role.
    const accepted = await acceptInvitation(ctxFor(t.db), { token, name: "Admin", password: demo.password });
    expect(accepted.user.id).toBe(before!.id);
    const roles = (await t.db.select().from(roleGrants).where(eq(roleGrants.userId, before!.id))).map((g) => g.role);
    expect(roles).toContain("reviewer");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueEmail } from "../../platform/mail/outbox";
import { can } from "../../platform/permissions/policy";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, clock, ctxFor, demo, openTestDb, testConfig, type TestDb } from "../../../tests/support/db";
import { invitePerson } from "../accounts/operations/invitations";
import { readOutbox } from "./operations/outbox";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // Start from an empty outbox so counts below are this file's own.
  await t.db.delete(outboxMessages);
  const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  await invitePerson(staff, { email: "new.staff@example.pk", role: "organiser_staff" });
  await queueEmail(t.db, clock(), {
    kind: "password_reset",
    to: "admin@demo.numaish.pk",
    subject: "Reset your Numaish password",
    text: "Open http://numaish.test/reset-password/SECRET within one hour",
  });
});
afterAll(async () => t?.close());

describe("readOutbox", () => {
  it("never shows organiser staff a password-reset link", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    // The policy may open the outbox to staff or keep it to admins; either way no reset link leaks.
    if (!can(staff.actor, "outbox.read")) {
      await expect(readOutbox(staff, {})).rejects.toMatchObject({ code: "forbidden" });
      return;
    }
    const box = await readOutbox(staff, {});
    expect(box.messages.find((m) => m.kind === "invitation")?.text).toContain("http://numaish.test/invitation/");
    expect(box.messages.find((m) => m.kind === "password_reset")?.text).toBeNull();
  });

  it("shows a platform admin every message and body", async () => {
    const box = await readOutbox(ctxFor(t.db, await actorFor(t.db, demo.admin)), {});
    expect(box.smtpConfigured).toBe(false);
    const invite = box.messages.find((m) => m.kind === "invitation");
    expect(invite?.to).toBe("new.staff@example.pk");
    expect(invite?.text).toContain("http://numaish.test/invitation/");
    const reset = box.messages.find((m) => m.kind === "password_reset");
    expect(reset?.status).toBe("pending");
    expect(reset?.text).toContain("SECRET");
  });

  it("filters by status and pages", async () => {
    const admin = ctxFor(t.db, await actorFor(t.db, demo.admin));
    expect((await readOutbox(admin, { status: "sent" })).messages).toEqual([]);
    const pending = await readOutbox(admin, { status: "pending", page: "1" });
    expect(pending.messages).toHaveLength(2);
    expect(pending.hasNext).toBe(false);
    expect((await readOutbox(admin, { page: "2" })).messages).toEqual([]);
    await expect(readOutbox(admin, { status: "lost" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("reports whether SMTP is configured", async () => {
    const admin = ctxFor(t.db, await actorFor(t.db, demo.admin));
    const withSmtp = { ...admin, config: { ...testConfig, smtp: { host: "mail.example", port: 587, secure: false } } };
    expect((await readOutbox(withSmtp, {})).smtpConfigured).toBe(true);
  });

  it("is refused to visitors, exhibitors and anonymous callers", async () => {
    await expect(readOutbox(ctxFor(t.db, await actorFor(t.db, demo.visitor)), {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(readOutbox(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(readOutbox(ctxFor(t.db), {})).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

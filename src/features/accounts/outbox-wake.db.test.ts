import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clock, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { inTransaction } from "../../platform/context";
import { queueEmail } from "../../platform/mail/outbox";
import { outboxMessages } from "../../platform/mail/tables";
import { onOutboxWrite } from "../../platform/mail/wake";
import { startOutboxWorker, type MailTransport } from "../../platform/mail/worker";
import { invitePerson } from "./operations/invitations";

// The outbox wakes on commit (platform/db/after-commit.ts, platform/mail/wake.ts): an operation
// that queues mail gets it sent at once, without any adapter calling a wake, and never before its
// transaction commits. The worker below polls once an hour, so only a wake can send in time.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // This file owns the outbox: what seeding queued is not its business.
  await t.db.delete(outboxMessages);
});
afterAll(async () => t?.close());

const SLOW = { timeout: 15_000, interval: 50 };

describe("the outbox wakes on commit", () => {
  it("sends the mail an operation queued without any adapter waking the worker", async () => {
    const sent: string[] = [];
    const transport: MailTransport = {
      async send(m) {
        sent.push(m.to);
      },
      close() {},
    };
    // Queued before the worker starts: its first round sends it; after that it sleeps an hour.
    await queueEmail(t.db, clock(), { kind: "test", to: "first-round@example.pk", subject: "s", text: "t" });
    const worker = startOutboxWorker({ db: t.db, clock: clock(), transport, from: "Numaish <no-reply@numaish.test>", pollMs: 3_600_000 });
    try {
      await expect.poll(() => sent, SLOW).toContain("first-round@example.pk");
      await new Promise((r) => setTimeout(r, 300));
      const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
      await invitePerson(staff, { email: "woken@example.pk", role: "reviewer" });
      await expect.poll(() => sent, SLOW).toContain("woken@example.pk");
    } finally {
      await worker.stop();
    }
  });

  it("wakes once after the outermost commit, and not at all after a rollback", async () => {
    let wakes = 0;
    const stop = onOutboxWrite(t.db, () => void wakes++);
    try {
      const ctx = ctxFor(t.db);
      const message = { kind: "test", to: "nested@example.pk", subject: "s", text: "t" };
      await inTransaction(ctx, async (tx, inner) => {
        await queueEmail(tx, clock(), message);
        await inTransaction(inner, async (sp) => {
          await queueEmail(sp, clock(), message);
        });
        expect(wakes).toBe(0);
      });
      expect(wakes).toBe(1);
      await expect(
        inTransaction(ctx, async (tx) => {
          await queueEmail(tx, clock(), message);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(wakes).toBe(1);
    } finally {
      stop();
    }
  });
});

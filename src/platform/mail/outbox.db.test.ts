import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inArray, like } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { openTestDb, type TestDb } from "../../../tests/support/db";
import { startSmtpSink, type SmtpSink } from "../../../tests/support/smtp";
import { fixedClock } from "../clock";
import { MAX_ATTEMPTS, backoffMs, queueEmail } from "./outbox";
import { outboxMessages } from "./tables";
import { drainOutbox, smtpTransport, startOutboxWorker, type MailTransport } from "./worker";

const FROM = "Numaish <no-reply@numaish.test>";
// expect.poll's default second is too short on a loaded 2-core CI machine.
const SLOW = { timeout: 15_000, interval: 50 };
let t: TestDb;
let sink: SmtpSink;

beforeAll(async () => {
  t = await openTestDb();
  sink = await startSmtpSink({
    // The relay refuses one mailbox, so the failure path runs over real SMTP too.
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refused")) {
        const err = new Error("550 mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
  });
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
});
// Each test owns the outbox: whatever seeding or earlier tests queued is cleared.
beforeEach(async () => {
  await t.db.delete(outboxMessages);
});

const smtp = () => smtpTransport({ host: "127.0.0.1", port: sink.port, secure: false });
const rows = (ids: string[]) => t.db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
const msg = (to: string, n = 0) => ({ kind: "test", to, subject: `Test ${n} ✓ سلام`, text: `Hello ${n}\nسلام` });

describe("queueing", () => {
  it("writes the message in the caller's transaction: a rollback queues nothing", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    await expect(
      t.db.transaction(async (tx) => {
        await queueEmail(tx, clock, msg("rolled-back@numaish.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.select().from(outboxMessages)).toHaveLength(0);

    const id = await t.db.transaction((tx) => queueEmail(tx, clock, msg("committed@numaish.test")));
    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: "pending", attempts: 0, toAddress: "committed@numaish.test" });
  });
});

describe("the worker", () => {
  it("delivers through a real SMTP server and marks the message sent", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const id = await queueEmail(t.db, clock, msg("delivered@numaish.test", 1));
    const worker = startOutboxWorker({ db: t.db, clock, transport: smtp(), from: FROM, pollMs: 50 });
    try {
      const received = await sink.waitFor((m) => m.to.includes("delivered@numaish.test"));
      expect(received.subject).toBe("Test 1 ✓ سلام");
      expect(received.text).toContain("Hello 1");
      expect(received.text).toContain("سلام");
      expect(received.from).toBe("no-reply@numaish.test");
      // The row is marked after the SMTP answer; give the worker its turn.
      await expect.poll(async () => (await rows([id]))[0]?.status, SLOW).toBe("sent");
    } finally {
      await worker.stop();
    }
    const [row] = await rows([id]);
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row!.sentAt?.toISOString()).toBe("2026-01-10T08:00:00.000Z");
  });

  it("retries a refused message with growing backoff, then gives up as dead", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const id = await queueEmail(t.db, clock, msg("refused@numaish.test"));
    const okId = await queueEmail(t.db, clock, msg("fine@numaish.test"));
    const transport = smtp();
    try {
      const first = await drainOutbox(t.db, clock, transport, FROM);
      expect(first).toEqual({ sent: 1, failed: 1 });
      let [row] = await rows([id]);
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row!.lastError).toMatch(/550|mailbox unavailable/);
      expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(backoffMs(1));

      // Not due yet: a drain a second early sends nothing and does not count an attempt.
      clock.advance(backoffMs(1) - 1000);
      expect(await drainOutbox(t.db, clock, transport, FROM)).toEqual({ sent: 0, failed: 0 });
      expect((await rows([id]))[0]!.attempts).toBe(1);

      const delays: number[] = [backoffMs(1)];
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        [row] = await rows([id]);
        clock.set(row!.nextAttemptAt);
        expect(await drainOutbox(t.db, clock, transport, FROM)).toEqual({ sent: 0, failed: 1 });
        [row] = await rows([id]);
        expect(row!.attempts).toBe(attempt);
        delays.push(row!.nextAttemptAt.getTime() - clock.now().getTime());
      }
      expect(row!.status).toBe("dead");
      // Backoff grows and never shrinks.
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
      expect(delays[1]).toBeGreaterThan(delays[0]!);

      // A dead message stays dead however much time passes.
      clock.advance(30 * 86_400_000);
      expect(await drainOutbox(t.db, clock, transport, FROM)).toEqual({ sent: 0, failed: 0 });
      expect((await rows([id]))[0]).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
      expect((await rows([okId]))[0]!.status).toBe("sent");
      expect(sink.messages.filter((m) => m.to.includes("fine@numaish.test"))).toHaveLength(1);
    } finally {
      transport.close();
    }
  });

  it("counts a relay that is down (closed port) as a failed attempt", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const closed = new SMTPServer({ authOptional: true, logger: false });
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));

    const id = await queueEmail(t.db, clock, msg("nobody-home@numaish.test"));
    const transport = smtpTransport({ host: "127.0.0.1", port, secure: false });
    try {
      expect(await drainOutbox(t.db, clock, transport, FROM)).toEqual({ sent: 0, failed: 1 });
    } finally {
      transport.close();
    }
    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + backoffMs(1));
  });

  it("never sends a message twice when two drains run at once", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await queueEmail(t.db, clock, msg(`twice-${i}@numaish.test`, i)));
    const sent: string[] = [];
    // A slow transport widens the window in which the two drains overlap.
    const slow = (): MailTransport => ({
      async send(m) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.to);
      },
      close() {},
    });
    const [a, b] = await Promise.all([
      drainOutbox(t.db, clock, slow(), FROM),
      drainOutbox(t.db, clock, slow(), FROM),
    ]);
    expect(a.sent + b.sent).toBe(25);
    expect(sent).toHaveLength(25);
    expect(new Set(sent).size).toBe(25);
    const after = await t.db.select().from(outboxMessages).where(like(outboxMessages.toAddress, "twice-%"));
    expect(after.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("takes back a message whose worker died mid-send once the lease runs out", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const id = await queueEmail(t.db, clock, msg("lease@numaish.test"));
    const hanging: MailTransport = { send: () => new Promise(() => {}), close() {} };
    // The first drain claims and then hangs forever, like a process killed mid-send.
    void drainOutbox(t.db, clock, hanging, FROM);
    await expect.poll(async () => (await rows([id]))[0]?.status, SLOW).toBe("sending");
    const counting = { n: 0 };
    const ok: MailTransport = { send: async () => void counting.n++, close() {} };
    expect(await drainOutbox(t.db, clock, ok, FROM)).toEqual({ sent: 0, failed: 0 });
    clock.advance(61_000);
    expect(await drainOutbox(t.db, clock, ok, FROM)).toEqual({ sent: 1, failed: 0 });
    expect((await rows([id]))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

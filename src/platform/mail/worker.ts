import nodemailer from "nodemailer";
import type { Clock } from "../clock";
import type { SmtpConfig } from "../config";
import type { Db } from "../db/types";
import { claimDue, markFailed, markSent } from "./outbox";
import { onOutboxWrite } from "./wake";

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string; html?: string; attachments?: { filename: string; contentType: string; content: string }[] }): Promise<void>;
  close(): void;
}

export function smtpTransport(smtp: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    // Local relays and test sinks often offer STARTTLS with a self-signed certificate.
    tls: { rejectUnauthorized: false },
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(m) {
      await transporter.sendMail(m);
    },
    close: () => transporter.close(),
  };
}

/** Send every due message once. Returns how many were sent and how many failed. */
export async function drainOutbox(db: Db, clock: Clock, transport: MailTransport, from: string) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimDue(db, clock, 10);
    if (batch.length === 0) return { sent, failed };
    for (const m of batch) {
      try {
        await transport.send({
          from,
          to: m.toAddress,
          subject: m.subject,
          text: m.bodyText,
          html: m.bodyHtml ?? undefined,
          attachments: m.attachments ?? undefined,
        });
        await markSent(db, clock, m.id);
        sent++;
      } catch (e) {
        await markFailed(db, clock, m.id, m.attempts, e instanceof Error ? e.message : String(e));
        failed++;
      }
    }
  }
}

/** A background loop: polls, and wakes early when a request queued mail. */
export function startOutboxWorker(options: {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  from: string;
  pollMs: number;
  onError?: (e: unknown) => void;
}) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await drainOutbox(options.db, options.clock, options.transport, options.from);
      } while (again && !stopped);
    } catch (e) {
      options.onError?.(e);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, options.pollMs);
    }
  };
  timer = setTimeout(tick, 0);
  const notify = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, 0);
  };
  // A commit that queued mail wakes the worker (platform/mail/wake.ts), whoever committed it.
  const unsubscribe = onOutboxWrite(options.db, notify);

  return {
    notify,
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
      options.transport.close();
    },
  };
}

import { and, eq, inArray, like } from "drizzle-orm";
import type { Db } from "../../src/platform/db/types";
import { bucketTotals } from "../../src/features/registration/operations/places";
import { registrations } from "../../src/features/registration/tables";

// A registration rush over HTTP against app processes (process.ts), and what the database says
// afterwards. The public answer names nobody (202 {accepted, count}): an acknowledged email must be
// in the database exactly once, which `outcome` counts.

export interface Rush {
  acknowledged: Set<string>;
  /** People whose request got no answer (connection refused or reset): never acknowledged. */
  unanswered: Set<number>;
  statuses: Record<string, number>;
  /** The body of the last refusal of each status, for failure messages. */
  refusals: Record<string, unknown>;
}

export const rushEmail = (prefix: string, i: number) => `${prefix}${i}@rush.example`;

/**
 * `clients` loops post the people `people` (indexes) in order; person i goes to targets[i % n] with
 * the idempotency key `${prefix}-key-${i}`, so a retry of an unanswered person (another call with the
 * same prefix) is the same request again. `afterAnswer` runs after each answer (e.g. kill a server).
 */
export async function rushRegistrations(options: {
  targets: () => string[];
  editionId: string;
  categoryId: string;
  prefix: string;
  people: number[];
  clients: number;
  days: number[];
  afterAnswer?: (r: Rush) => void | Promise<void>;
}): Promise<Rush> {
  const r: Rush = { acknowledged: new Set(), unanswered: new Set(), statuses: {}, refusals: {} };
  const queue = [...options.people];
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const targets = options.targets();
        const base = targets[i % targets.length]!;
        const email = rushEmail(options.prefix, i);
        try {
          const res = await fetch(`${base}/api/v1/editions/${options.editionId}/registrations`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: base, "idempotency-key": `${options.prefix}-key-${i}` },
            body: JSON.stringify({ categoryId: options.categoryId, name: `Rush ${i}`, email, days: options.days, consentData: true, consentScan: true }),
          });
          const body = (await res.json().catch(() => ({}))) as { accepted?: boolean };
          if (res.status !== 202) r.refusals[res.status] = body;
          r.statuses[res.status] = (r.statuses[res.status] ?? 0) + 1;
          if (res.status === 202 && body.accepted === true) r.acknowledged.add(email);
          else r.unanswered.add(i);
        } catch {
          r.statuses.network = (r.statuses.network ?? 0) + 1;
          r.unanswered.add(i);
        }
        await options.afterAnswer?.(r);
      }
    }),
  );
  return r;
}

/** What the database holds for the rush's people, and the capped bucket's counts. */
export async function rushOutcome(db: Db, editionId: string, categoryId: string, categoryCode: string, prefix: string) {
  const rows = await db
    .select({ email: registrations.email, number: registrations.number })
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), like(registrations.email, `${prefix}%@rush.example`)));
  const perEmail = new Map<string, number>();
  for (const row of rows) perEmail.set(row.email, (perEmail.get(row.email) ?? 0) + 1);
  const holding = (
    await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.editionId, editionId), eq(registrations.categoryId, categoryId), inArray(registrations.status, ["approved", "pending"])))
  ).length;
  const bucket = (await bucketTotals(db, editionId)).find((b) => b.bucket === `cat:${categoryCode}`);
  return {
    perEmail,
    duplicated: [...perEmail.values()].reduce((s, n) => s + n - 1, 0) + rows.length - new Set(rows.map((x) => x.number)).size,
    /** Approved or pending in the category (the seed's too), against the bucket's limit and count. */
    holding,
    /** The bucket's limit and count; NaN before a limit is set. */
    capacity: bucket?.capacity ?? NaN,
    bucketUsed: bucket?.used ?? NaN,
  };
}

import { and, eq, inArray, like } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import type { Edition } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { registrations } from "#features/registration";
import { leads, leadScans } from "./tables";

// The 2026 show's stall leads (issue #14, item 9), once its days are over and its crowd seeded
// (checkin/demo-footfall.ts): every exhibitor scanned 3–10 visitors; about a third of those
// visitors do not share their details (their consent is turned off here), and of the requests to
// stay in touch they received about a third were accepted, a fifth declined, the rest left
// waiting; a few consenting visitors let an exhibitor keep their details after the 90 days, and a
// few withdrew. Deterministic; once per edition; a few hundred rows in two statements.

const DAY_MS = 86_400_000;

export async function seedLeadsDemo(tx: Executor, edition: Edition, now: Date): Promise<{ leads: number }> {
  const endOfShow = new Date(`${edition.endsOn}T23:59:59Z`);
  if (endOfShow > now) return { leads: 0 };
  if ((await tx.select({ id: leads.id }).from(leads).where(eq(leads.editionId, edition.id)).limit(1)).length) return { leads: 0 };
  const crowd = await tx
    .select({ id: registrations.id, number: registrations.number })
    .from(registrations)
    .where(and(eq(registrations.editionId, edition.id), eq(registrations.status, "approved"), like(registrations.email, "%@visitors.demo.numaish.pk")))
    .orderBy(registrations.number)
    .limit(600);
  const exhibitors = (await editionExhibitorIds(tx, edition.id)).sort();
  if (crowd.length < 20 || exhibitors.length === 0) return { leads: 0 };
  const random = seededRandom(2026_07);
  // A third of the crowd keeps its details to itself.
  const private_ = new Set(crowd.filter(() => random() < 0.33).map((r) => r.id));
  const keeping = [...private_];
  const sharing = crowd.map((r) => r.id).filter((id) => !private_.has(id));
  if (keeping.length === 0 || sharing.length === 0) return { leads: 0 };
  if (private_.size) await tx.update(registrations).set({ consentScan: false }).where(inArray(registrations.id, [...private_]));
  const first = new Date(`${edition.startsOn}T05:00:00Z`).getTime();
  const days = Math.round((new Date(`${edition.endsOn}T00:00:00Z`).getTime() - new Date(`${edition.startsOn}T00:00:00Z`).getTime()) / DAY_MS) + 1;
  const rows: (typeof leads.$inferInsert)[] = [];
  for (const enterpriseId of exhibitors) {
    const n = 3 + Math.floor(random() * 8);
    // Every stall met at least one visitor who shares and one who does not (exhibitor ids are
    // random UUIDs, so which stall draws which visitors differs from one seeding to the next).
    // Those two stay so: the sharer does not withdraw, the other has not (yet) agreed to stay in touch.
    const [sharer, keeper] = [pick(sharing, random), pick(keeping, random)];
    const seen = new Set<string>([sharer, keeper]);
    while (seen.size < n) seen.add(crowd[Math.floor(random() * crowd.length)]!.id);
    for (const registrationId of seen) {
      const at = new Date(first + Math.floor(random() * days) * DAY_MS + Math.floor(random() * 8 * 3600_000));
      const scans = random() < 0.15 ? 2 : 1;
      const later = new Date(at.getTime() + 2 * DAY_MS);
      const consent = !private_.has(registrationId);
      const r = random();
      const touch = consent ? "none" : registrationId === keeper ? "pending" : r < 0.33 ? "accepted" : r < 0.53 ? "declined" : "pending";
      const withdrawn = consent && random() < 0.05 && registrationId !== sharer;
      const keep = touch === "accepted" || (consent && !withdrawn && random() < 0.3);
      const rated = random() < 0.6;
      rows.push({
        editionId: edition.id,
        enterpriseId,
        registrationId,
        firstScannedAt: at,
        lastScannedAt: scans > 1 ? new Date(at.getTime() + 3600_000) : at,
        scanCount: scans,
        rating: rated ? 1 + Math.floor(random() * 5) : null,
        note: rated && random() < 0.4 ? "Asked for the price list and samples" : "",
        tags: rated && random() < 0.5 ? [random() < 0.5 ? "export" : "distributor"] : [],
        touch,
        touchDecidedAt: touch === "accepted" || touch === "declined" ? later : null,
        // Every request was emailed at the first scan (as operations/scan.ts does): the demo sends none about the past.
        touchEmailedAt: touch === "none" ? null : at,
        withdrawnAt: withdrawn ? later : null,
        keepAgreedAt: keep ? later : null,
        updatedAt: later,
      });
    }
  }
  const made = await tx.insert(leads).values(rows).returning({ id: leads.id, editionId: leads.editionId, enterpriseId: leads.enterpriseId, at: leads.firstScannedAt });
  // One scan row per lead (its first), so the lead's history is not empty; nonces are per lead.
  await tx.insert(leadScans).values(
    made.map((l, i) => ({ editionId: l.editionId, enterpriseId: l.enterpriseId, nonce: `demo${String(i).padStart(18, "0")}`, leadId: l.id, code: "demo", result: "counted" as const, reason: "ok", deviceId: "stall-phone", scannedAt: l.at, uploadedAt: l.at })),
  );
  return { leads: made.length };
}

function pick(ids: string[], random: () => number): string {
  return ids[Math.floor(random() * ids.length)]!;
}

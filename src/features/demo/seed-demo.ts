import { and, eq, like } from "drizzle-orm";
import { hashPassword } from "../../platform/auth/password";
import { users } from "../../platform/auth/tables";
import { outboxMessages } from "../../platform/mail/tables";
import type { Clock } from "../../platform/clock";
import type { Db, Executor } from "../../platform/db/types";
import type { Role } from "../../platform/permissions/actor";
import { actorForUser, roleGrants } from "#features/accounts";
import { enterprises, products } from "#features/editions";
import { clusters, demoEdition, generateDemoEnterprises, sectors, tradeBodies } from "#features/catalogue";
import * as t from "#features/editions";
import { seedDemoCall } from "#features/selection";
import { seedDemoOpenCall } from "#features/selection";
import { localDate } from "#features/checkin";
import { checkinRehearsals } from "#features/checkin";
import { defaultScanEdition } from "#features/editions";
import { seedCheckinDemo } from "#features/checkin";
import { seedDemoFootfall } from "#features/checkin";
import { seedB2bDemo, seedB2bDemoPeople, seedB2bDemoTryout } from "#features/b2b";
import { seedBuyerBadges } from "#features/b2b";
import { sealingKey } from "#features/checkin";
import { loadConfig, type AppConfig } from "../../platform/config";
import type { Ctx } from "../../platform/context";
import { seedDemoFloor } from "#features/floor";
import { copyFloorPlan } from "#features/floor";
import { seedDemoAgenda } from "#features/programme";
import { seedDemoAwards } from "#features/awards";
import { seedExhibitorsDemo } from "#features/exhibitors";
import { seedMeetdayDemo } from "#features/meetday";
import { seedPrivacyDemo } from "#features/privacy";
import { seedBaselineDemo } from "#features/baseline";
import { seedLeadsDemo } from "#features/leads";

export const DEMO_PASSWORD = "numaish-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  binding?: { tradeBodySlug?: string; enterpriseIndex?: number };
}

export const demoAccounts: DemoAccount[] = [
  { email: "admin@demo.numaish.pk", name: "Platform Admin (demo)", role: "platform_admin" },
  { email: "organiser@demo.numaish.pk", name: "Organiser Staff (demo)", role: "organiser_staff" },
  { email: "chamber@demo.numaish.pk", name: "Chamber Representative (demo)", role: "trade_body_rep", binding: { tradeBodySlug: "lcci" } },
  { email: "exhibitor@demo.numaish.pk", name: "Exhibitor Owner (demo)", role: "exhibitor", binding: { enterpriseIndex: 0 } },
  { email: "reviewer@demo.numaish.pk", name: "Reviewer (demo)", role: "reviewer" },
  // More reviewers for the demo's completed nomination call (three reviews per application).
  ...[2, 3, 4, 5, 6].map((n): DemoAccount => ({ email: `reviewer${n}@demo.numaish.pk`, name: `Reviewer ${n} (demo)`, role: "reviewer" })),
  { email: "gate@demo.numaish.pk", name: "Gate Staff (demo)", role: "gate_staff" },
  { email: "lounge@demo.numaish.pk", name: "Lounge Staff (demo)", role: "lounge_staff" },
  { email: "visitor@demo.numaish.pk", name: "Visitor (demo)", role: "visitor" },
];

async function one<T>(rows: Promise<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/**
 * Seeds the "Made in Pakistan: SME Cluster Showcase 2026" demo edition.
 * Idempotent: every insert skips rows that exist (by their natural keys), so a
 * second run changes nothing and a partial run is completed.
 */
export async function seedDemo(db: Db, clock: Clock, options: { accounts?: boolean; config?: Pick<AppConfig, "keyEncryptionKey"> } = {}) {
  const passwordHash = options.accounts === false ? null : await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const o = demoEdition.organiser;
    await tx.insert(t.organisers).values({ slug: o.slug, nameEn: o.nameEn, nameUr: o.nameUr, shortName: o.shortName }).onConflictDoNothing();
    const organiser = (await one(tx.select().from(t.organisers).where(eq(t.organisers.slug, o.slug))))!;

    const v = demoEdition.venue;
    await tx
      .insert(t.venues)
      .values({ organiserId: organiser.id, slug: v.slug, nameEn: v.nameEn, nameUr: v.nameUr, address: v.address, addressUr: v.addressUr, lat: v.lat, lon: v.lon })
      .onConflictDoNothing();
    // A demo seeded before venues had an Urdu address gets it (an address typed since is kept).
    await tx
      .update(t.venues)
      .set({ addressUr: v.addressUr })
      .where(and(eq(t.venues.organiserId, organiser.id), eq(t.venues.slug, v.slug), eq(t.venues.addressUr, "")));
    const venue = (await one(tx.select().from(t.venues).where(and(eq(t.venues.organiserId, organiser.id), eq(t.venues.slug, v.slug)))))!;
    await tx
      .insert(t.venueSpaces)
      .values(v.spaces.map((s, i) => ({ venueId: venue.id, slug: s.slug, kind: s.kind, nameEn: s.nameEn, nameUr: s.nameUr, sort: i })))
      .onConflictDoNothing();

    const e = demoEdition;
    await tx
      .insert(t.editions)
      .values({
        organiserId: organiser.id,
        slug: e.slug,
        year: e.year,
        nameEn: e.nameEn,
        nameUr: e.nameUr,
        taglineEn: e.taglineEn,
        taglineUr: e.taglineUr,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        timezone: e.timezone,
        venueId: venue.id,
        status: "published",
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .onConflictDoNothing();
    const edition = (await one(tx.select().from(t.editions).where(eq(t.editions.slug, e.slug))))!;

    await tx
      .insert(t.visitorCategories)
      .values(e.visitorCategories.map((c, i) => ({ editionId: edition.id, ...c, sort: i, badgeIndex: i })))
      .onConflictDoNothing();
    await tx
      .insert(t.sectors)
      .values(sectors.map((s, i) => ({ editionId: edition.id, code: s.code, nameEn: s.nameEn, nameUr: s.nameUr, sort: i })))
      .onConflictDoNothing();
    const sectorRows = await tx.select().from(t.sectors).where(eq(t.sectors.editionId, edition.id));
    const sectorId = new Map(sectorRows.map((s) => [s.code, s.id]));
    await tx
      .insert(t.clusters)
      .values(
        clusters.map((c) => ({
          editionId: edition.id,
          sectorId: c.sectorCode ? sectorId.get(c.sectorCode)! : null,
          slug: c.slug,
          nameEn: c.nameEn,
          nameUr: c.nameUr,
          district: c.district,
          province: c.province,
          hsCodes: c.hsCodes,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(t.tradeBodies)
      .values(tradeBodies.map((b) => ({ organiserId: organiser.id, slug: b.slug, kind: b.kind, nameEn: b.nameEn, nameUr: b.nameUr, city: b.city, province: b.province })))
      .onConflictDoNothing();
    const bodyRows = await tx.select().from(t.tradeBodies).where(eq(t.tradeBodies.organiserId, organiser.id));
    const bodyId = new Map(bodyRows.map((b) => [b.slug, b.id]));
    await tx
      .insert(t.editionTradeBodies)
      .values(tradeBodies.map((b) => ({ editionId: edition.id, tradeBodyId: bodyId.get(b.slug)!, nominationQuota: b.nominationQuota })))
      .onConflictDoNothing();

    const demoEnterprises = generateDemoEnterprises();
    const inserted = await tx
      .insert(enterprises)
      .values(
        demoEnterprises.map((x) => ({
          organiserId: organiser.id,
          slug: x.slug,
          nameEn: x.nameEn,
          nameUr: x.nameUr,
          ntn: x.ntn,
          sizeClass: x.sizeClass,
          womenLed: x.womenLed,
          employees: x.employees,
          annualTurnoverPkr: x.annualTurnoverPkr,
          clusterSlug: x.clusterSlug,
          district: x.district,
          province: x.province,
          foundedYear: x.foundedYear,
          certifications: x.certifications,
          exportMarkets: x.exportMarkets,
          descriptionEn: x.descriptionEn,
          nominatedBySlug: x.nominatedBy,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: enterprises.id, slug: enterprises.slug });
    // Products only for enterprises created in this run, so reruns add no duplicates.
    const bySlug = new Map(demoEnterprises.map((x) => [x.slug, x]));
    const productRows = inserted.flatMap((row) =>
      bySlug.get(row.slug)!.products.map((p, i) => ({
        enterpriseId: row.id,
        nameEn: p.nameEn,
        nameUr: p.nameUr,
        hsCode: p.hsCode,
        descriptionEn: p.descriptionEn,
        sort: i,
      })),
    );
    if (productRows.length) await tx.insert(products).values(productRows);

    await seedCheckinDemo(tx, edition.id, (await one(tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.organiserId, organiser.id), eq(enterprises.slug, demoEnterprises[0]!.slug)))))?.id ?? null);
    if (passwordHash) await seedAccounts(tx, clock, passwordHash, organiser.id, bodyId, demoEnterprises[0]!.slug);
    await seedDemoCall(tx, { organiserId: organiser.id, editionId: edition.id });
    // The show's B2B programme: three days of sessions, lounge tables, stalls and interpreters.
    await seedB2bDemo(tx, edition, clock.now());
    // The show's floor: Halls 1–3 with their pavilions and enclaves, the selection placed by the
    // allocation engine, a few exhibitors moved by the demo organiser, and confirmed
    // (floor/demo-plan.ts): the organiser's own runs page and audit log show it.
    // Exhibitors' profiles first: the allocation reads the stall needs they state there.
    await seedExhibitorsDemo(tx, edition.id);
    await seedDemoFloor(tx, edition.id, await organiserCtx(tx, clock, options.config));
    // Once its days are over, the 2026 show has had its crowd: visitors and their gate scans, so
    // its footfall dashboard shows a picture (nothing is seeded while the show is ahead or on).
    await seedDemoFootfall(tx, edition.id, clock.now());
    // Next year's edition with its nomination call open, so a trade body can try nominating. Its
    // days are ahead, so it also takes visitor registration, with the same zones and gates: a new
    // user can register, be approved and get a badge (the 2026 show's days are over).
    const next = await seedDemoOpenCall(tx, { organiserId: organiser.id, editionId: edition.id, now: clock.now() });
    if (next.created && next.editionId) {
      await tx.update(t.editions).set({ status: "published" }).where(eq(t.editions.id, next.editionId));
      await seedCheckinDemo(tx, next.editionId, null);
      // Next year's plan is this year's, every stall available (as copying an edition does).
      await copyFloorPlan(tx, edition.id, next.editionId);
    }
    // Next year's matchmaking is on with its window open, so an organiser can try it.
    const nextEdition = next.editionId ? await one(tx.select().from(t.editions).where(eq(t.editions.id, next.editionId))) : undefined;
    if (nextEdition) await seedB2bDemo(tx, nextEdition, clock.now());
    await seedDemoAgenda(tx, edition.id, nextEdition?.id ?? null, clock.now());
    // The 2026 baseline answered by every exhibitor; next year's survey open (baseline/seed.ts).
    await seedBaselineDemo(tx, edition.id, nextEdition?.id ?? null, clock.now());
    await seedDemoAwards(tx, edition.id, organiser.id, nextEdition?.id ?? null);
    // Once the 2026 show's matchmaking window has closed, its programme as it happened: every
    // exhibitor and ~150 buyers with profiles, ~1,200 requests and the published schedule; and next
    // year's to try: a few participants and requests (b2b/seed.ts). After the footfall: its crowd is
    // seeded only into an edition without registrations.
    const b2b = await seedB2bDemoPeople(tx, edition, clock.now());
    if (nextEdition && b2b.due) await seedB2bDemoTryout(tx, nextEdition, clock.now());
    // Their buyer-side people are approved registrations: each holds its badge, so it passes the
    // gate and checks in at its meetings (b2b/seed-badges.ts; signed with the app's sealing key).
    for (const e of [edition, nextEdition]) if (e) await seedBuyerBadges(tx, e, sealingKey(options.config ?? {}));
    // The meeting day as it happened (issue #14): check-ins, no-shows, outcomes, 30-day follow-ups.
    await seedMeetdayDemo(tx, edition, clock.now());
    await seedPrivacyDemo(tx, [edition.id, nextEdition?.id], clock.now());
    // Stall leads with and without the visitors' consent (leads/seed.ts), after the crowd.
    await seedLeadsDemo(tx, edition, clock.now());
    // Whatever the day, every badge would be "not valid today" at the gate (the shows are not on
    // today): the first seeding starts a door rehearsal of day 1, for today, of the edition the
    // scanner opens on (check-in set-up page; it ends at midnight, an organiser can start another).
    if (inserted.length > 0) {
      const shows = await tx.select().from(t.editions).where(eq(t.editions.organiserId, organiser.id));
      const today = localDate(clock.now(), edition.timezone);
      const gateEdition = defaultScanEdition(shows, today);
      if (gateEdition && !(gateEdition.startsOn <= today && today <= gateEdition.endsOn)) {
        await tx.insert(checkinRehearsals).values({ editionId: gateEdition.id, onDate: today, dayIndex: 0, startedAt: clock.now() }).onConflictDoNothing();
      }
    }
    // The demo's exhibitors have fictional addresses (…@exhibitors.demo.numaish.pk, selection/demo-call.ts):
    // what the seed queued to them (nomination and selection news, B2B requests and schedules) is
    // the demo's history and is never delivered. Left pending, a demo server with SMTP set up would
    // mail a domain that is not ours, and a real message would wait behind hundreds of them (two
    // journeys timed out waiting for theirs). Marked sent, they stay readable in the outbox page.
    await tx
      .update(outboxMessages)
      .set({ status: "sent", sentAt: clock.now() })
      .where(and(eq(outboxMessages.status, "pending"), like(outboxMessages.toAddress, "%@exhibitors.demo.numaish.pk")));
    return { organiserId: organiser.id, editionId: edition.id, enterprisesCreated: inserted.length };
  });
}

/** The demo organiser's context, for a seed that acts through operations (the audit log names
 *  it); null when the demo has no organiser account (seeded without accounts). */
async function organiserCtx(tx: Executor, clock: Clock, config: Pick<AppConfig, "keyEncryptionKey"> = {}): Promise<Ctx | null> {
  const organiser = demoAccounts.find((a) => a.role === "organiser_staff")!;
  const [user] = await tx.select().from(users).where(eq(users.email, organiser.email));
  if (!user) return null;
  const actor = await actorForUser(tx, user);
  if (actor.kind !== "user" || !actor.grants.some((g) => g.role === "organiser_staff")) return null;
  // The server passes its whole configuration (the links in any email); tests and the CLI, defaults.
  return { db: tx, actor, clock, config: { ...loadConfig({}), ...config }, locale: "en" };
}

async function seedAccounts(
  tx: Executor,
  clock: Clock,
  passwordHash: string,
  organiserId: string,
  bodyId: Map<string, string>,
  firstEnterpriseSlug: string,
) {
  const [firstEnterprise] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.organiserId, organiserId), eq(enterprises.slug, firstEnterpriseSlug)));
  for (const a of demoAccounts) {
    await tx.insert(users).values({ email: a.email, name: a.name, passwordHash, createdAt: clock.now() }).onConflictDoNothing();
    const [user] = await tx.select().from(users).where(eq(users.email, a.email));
    const grants: (typeof roleGrants.$inferInsert)[] = [];
    if (a.role === "platform_admin") {
      grants.push({ userId: user!.id, role: "platform_admin" });
      grants.push({ userId: user!.id, role: "organiser_staff", organiserId });
    } else if (a.role === "trade_body_rep") {
      grants.push({ userId: user!.id, role: a.role, organiserId, tradeBodyId: bodyId.get(a.binding!.tradeBodySlug!) ?? null });
    } else if (a.role === "exhibitor") {
      grants.push({ userId: user!.id, role: a.role, organiserId, enterpriseId: firstEnterprise!.id });
    } else if (a.role === "visitor") {
      grants.push({ userId: user!.id, role: a.role });
    } else {
      grants.push({ userId: user!.id, role: a.role, organiserId });
    }
    await tx.insert(roleGrants).values(grants).onConflictDoNothing();
  }
}

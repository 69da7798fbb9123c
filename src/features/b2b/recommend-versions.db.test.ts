import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne, sql } from "drizzle-orm";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../platform/db/open";
import type { Db } from "../../platform/db/types";
import { actorFor, copyPostgresTemplate, ctxFor, demo, demoShow } from "../../../tests/support/db";
import { clusters, sectors } from "../editions/tables";
import { enterprises, products } from "../editions/enterprise-tables";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { registrations } from "../registration/tables";
import { enrolExhibitors, joinAsBuyer } from "./operations/participants";
import { updateMyProfile } from "./operations/profiles";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { recommendationsFor } from "./operations/recommendations";
import { b2bParticipants, b2bProfiles, b2bRecommendVersions } from "./tables";

// Recommendations' per-process cache (operations/recommend-input.ts) against writes made elsewhere
// (issue #11's speed, issue #17's rule that no per-process cache outlives a change): a write by a
// second connection, through no operation and without updated_at, counts at the very next call,
// because database triggers bump the side's version row in the writer's transaction. On PostgreSQL
// the writer is a second pool (what another app process is); on PGlite, which is one process's own
// single-connection database, it is a transaction handle other than the one the cache is keyed by.

const onPostgres = process.env.NUMAISH_TEST_DB === "postgres";

let reader: Database;
let writer: { db: Db; close(): Promise<void> };
let drop: (() => Promise<void>) | undefined;
let editionId: string;
let smeId: string;
let unsavedId: string;
let buyer: { id: string; token: string; registrationId: string };

const db = () => reader.db;
const reasonsOf = async (id: string) =>
  (await recommendationsFor(ctxFor(db()), { token: buyer.token, limit: 50 })).recommendations.find((r) => r.card.id === id)?.reasons.map((r) => r.code) ?? null;
const versionOf = async (side: "sme" | "buyer") =>
  Number((await db().select().from(b2bRecommendVersions).where(and(eq(b2bRecommendVersions.editionId, editionId), eq(b2bRecommendVersions.side, side))))[0]?.version ?? 0);

beforeAll(async () => {
  if (onPostgres) {
    const copy = await copyPostgresTemplate();
    drop = copy.drop;
    reader = await openDatabase({ kind: "postgres", url: copy.url, poolSize: 3 });
    const second = await openDatabase({ kind: "postgres", url: copy.url, poolSize: 1 });
    writer = { db: second.db, close: second.close };
  } else {
    reader = await openDatabase({ kind: "pglite", loadDataDir: new Blob([fs.readFileSync(inject("pgliteSnapshot"))]) });
    writer = { db: reader.db, close: async () => {} };
  }
  const show = await demoShow(db());
  editionId = show.editionId;
  const organiser = ctxFor(db(), await actorFor(db(), demo.organiser));
  const exhibitor = await actorFor(db(), demo.exhibitor);
  const { programme } = await getB2bProgramme(organiser, { editionId });
  await setB2bProgramme(organiser, { editionId, ...programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" });
  await enrolExhibitors(organiser, { editionId });
  const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [p] = await db().select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId)));
  smeId = p!.id;
  await updateMyProfile(ctxFor(db(), exhibitor), { participantId: smeId, optedIn: true, profile: { offersEn: "Surgical forceps", hsCodes: ["9018.90"], languages: ["ur"] } });
  // Another exhibitor, listed but never saved: it counts with its registry products.
  const [other] = await db().select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"), ne(b2bParticipants.id, smeId))).limit(1);
  unsavedId = other!.id;
  await db().update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, unsavedId));

  const r = await register(ctxFor(db()), { editionId, categoryId: show.cat.corporate_buyer, name: "Version Buyer", email: "versions@example.com", phone: "+923001234567", days: [0], consentData: true, consentScan: false });
  await decideRegistrations(organiser, { editionId, ids: [r.registrations[0]!.id], decision: "approve" });
  const joined = await joinAsBuyer(ctxFor(db()), { registrationToken: r.manageTokens![0]!, kind: "buyer_procurement" });
  buyer = { id: joined.participant.id, token: joined.accessToken!, registrationId: r.registrations[0]!.id };
  await updateMyProfile(ctxFor(db()), { token: buyer.token, profile: { needsEn: "We source surgical forceps", hsCodes: ["9018"], languages: ["ur"] } });
}, 60_000);

afterAll(async () => {
  await writer?.close();
  await reader?.close();
  await drop?.();
});

/** A write as another process makes it: its own connection, its own transaction, no operation. */
const elsewhere = (write: (w: Db) => Promise<unknown>) => writer.db.transaction(async (tx) => void (await write(tx as unknown as Db)));

describe(`recommendations' cache against another connection's writes (${onPostgres ? "PostgreSQL: a second pool" : "PGlite: another transaction handle"})`, () => {
  it("a profile, a registry product or a listing changed elsewhere counts at the very next call", async () => {
    expect(await reasonsOf(smeId)).toContain("hs_match"); // builds the SME side's cache
    await elsewhere((w) => w.update(b2bProfiles).set({ hsCodes: [] }).where(eq(b2bProfiles.participantId, smeId)));
    expect(await reasonsOf(smeId)).not.toContain("hs_match");
    await elsewhere((w) => w.execute(sql`update b2b_profiles set hs_codes = '["9018.90"]'::jsonb where participant_id = ${smeId}`));
    expect(await reasonsOf(smeId)).toContain("hs_match");

    // The never-saved exhibitor's registry: a product it makes, added elsewhere.
    const [ent] = await db().select({ id: b2bParticipants.enterpriseId }).from(b2bParticipants).where(eq(b2bParticipants.id, unsavedId));
    await elsewhere((w) => w.delete(products).where(eq(products.enterpriseId, ent!.id!)));
    expect((await reasonsOf(unsavedId)) ?? []).not.toContain("hs_match");
    await elsewhere((w) => w.insert(products).values({ enterpriseId: ent!.id!, nameEn: "Tissue forceps", hsCode: "9018.90" }));
    expect(await reasonsOf(unsavedId)).toContain("hs_match");

    // Unlisted elsewhere: gone at once; listed again: back.
    await elsewhere((w) => w.update(b2bParticipants).set({ optedIn: false }).where(eq(b2bParticipants.id, smeId)));
    expect(await reasonsOf(smeId)).toBeNull();
    await elsewhere((w) => w.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, smeId)));
    expect(await reasonsOf(smeId)).toContain("hs_match");
  });

  it("each table the input is built from bumps its side's version; what it does not read does not", async () => {
    const bumps = async (write: (w: Db) => Promise<unknown>) => {
      const before = [await versionOf("sme"), await versionOf("buyer")];
      await elsewhere(write);
      return [(await versionOf("sme")) - before[0]!, (await versionOf("buyer")) - before[1]!];
    };
    const [sme] = await db().select().from(b2bParticipants).where(eq(b2bParticipants.id, smeId));
    const [ent] = await db().select().from(enterprises).where(eq(enterprises.id, sme!.enterpriseId!));
    const [cluster] = await db().select().from(clusters).where(and(eq(clusters.editionId, editionId), eq(clusters.slug, ent!.clusterSlug!)));
    expect(await bumps((w) => w.update(enterprises).set({ womenLed: !ent!.womenLed }).where(eq(enterprises.id, ent!.id)))).toEqual([1, 0]);
    expect(await bumps((w) => w.update(clusters).set({ nameEn: `${cluster!.nameEn} ` }).where(eq(clusters.id, cluster!.id)))).toEqual([1, 1]);
    expect(await bumps((w) => w.update(sectors).set({ nameEn: sql`${sectors.nameEn} || ' '` }).where(eq(sectors.id, cluster!.sectorId!)))).toEqual([1, 1]);
    expect(await bumps((w) => w.update(b2bProfiles).set({ languages: ["ur", "en"] }).where(eq(b2bProfiles.participantId, buyer.id)))).toEqual([0, 1]);
    expect(await bumps((w) => w.update(b2bParticipants).set({ withdrawnAt: new Date() }).where(eq(b2bParticipants.id, buyer.id)))).toEqual([0, 1]);
    expect(await bumps((w) => w.update(b2bParticipants).set({ withdrawnAt: null }).where(eq(b2bParticipants.id, buyer.id)))).toEqual([0, 1]);
    // A buyer-side card's name comes from its registration; its phone is never shown.
    expect(await bumps((w) => w.update(registrations).set({ organisation: "Versions Ltd" }).where(eq(registrations.id, buyer.registrationId)))).toEqual([0, 1]);
    expect(await bumps((w) => w.update(registrations).set({ phone: "+923001234568" }).where(eq(registrations.id, buyer.registrationId)))).toEqual([0, 0]);
    // Not read by recommendations: a calendar token, the locale, a write that changes nothing.
    expect(await bumps((w) => w.update(b2bParticipants).set({ calendarTokenHash: "versions-calendar", locale: "ur" }).where(eq(b2bParticipants.id, buyer.id)))).toEqual([0, 0]);
    expect(await bumps((w) => w.update(b2bProfiles).set({ languages: ["ur", "en"] }).where(eq(b2bProfiles.participantId, buyer.id)))).toEqual([0, 0]);
    // A rolled-back write leaves the version as it was.
    const before = await versionOf("sme");
    await expect(
      writer.db.transaction(async (tx) => {
        await tx.update(b2bProfiles).set({ hsCodes: [] }).where(eq(b2bProfiles.participantId, smeId));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await versionOf("sme")).toBe(before);
    expect(await reasonsOf(smeId)).toContain("hs_match");
  });

  it("lists the cards as they are after a rename elsewhere", async () => {
    const [sme] = await db().select().from(b2bParticipants).where(eq(b2bParticipants.id, smeId));
    await elsewhere((w) => w.update(enterprises).set({ nameEn: "Renamed Surgical Works" }).where(eq(enterprises.id, sme!.enterpriseId!)));
    const list = await recommendationsFor(ctxFor(db()), { token: buyer.token });
    expect(list.recommendations.find((r) => r.card.id === smeId)?.card.nameEn).toBe("Renamed Surgical Works");
  });
});

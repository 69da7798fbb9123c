import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type DemoCategory, type TestDb } from "../../../tests/support/db";
import type { Actor } from "../../platform/permissions/actor";
import { enterprises } from "../editions/enterprise-tables";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { directory } from "./operations/directory";
import { participantCard } from "./operations/participant-card";
import { listParticipants } from "./operations/participants-admin";
import { enrolExhibitors, joinAsBuyer, withdrawParticipant } from "./operations/participants";
import { getMyProfile, updateMyProfile } from "./operations/profiles";
import { recommendationsFor } from "./operations/recommendations";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bRequests, b2bSmeStaff } from "./tables";
import { exhibitorFiles, exhibitorProfiles } from "../exhibitors/tables";
import { baselineReadinessPort } from "../baseline/b2b-readiness-port";

type BuyerKind = Parameters<typeof joinAsBuyer>[1]["kind"];

// The directory and recommendations (issue #11, item 3) and the organiser's list (item 4): only
// the other side, only the visible (approved, opted in, not withdrawn), never contact details;
// search in English and Urdu and by HS prefix; filters; recommendations with reasons in the
// reader's language that leave out the requested, declined, own enterprise, withdrawn and full.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;
let exhibitor: Actor;
let smeId: string;
let others: string[];
let buyerA: { id: string; token: string; registrationId: string };
let investor: { id: string; token: string };
let hidden: { id: string; token: string };
let gone: { id: string; token: string };

const organiser = () => ctxFor(t.db, staff);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

async function buyer(email: string, code: DemoCategory, kind: BuyerKind) {
  const r = await register(ctxFor(t.db), { editionId, categoryId: cat[code], name: `Buyer ${email.split("@")[0]}`, email, phone: "+923001234567", days: [0], consentData: true, consentScan: false });
  await decideRegistrations(organiser(), { editionId, ids: [r.registrations[0]!.id], decision: "approve" });
  const joined = await joinAsBuyer(ctxFor(t.db), { registrationToken: r.manageTokens![0]!, kind });
  return { id: joined.participant.id, token: joined.accessToken!, registrationId: r.registrations[0]!.id };
}

beforeAll(async () => {
  t = await openTestDb();
  const show = await demoShow(t.db);
  editionId = show.editionId;
  cat = show.cat;
  staff = await actorFor(t.db, demo.organiser);
  exhibitor = await actorFor(t.db, demo.exhibitor);
  const { programme } = await getB2bProgramme(organiser(), { editionId });
  await setB2bProgramme(organiser(), { editionId, ...programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" });
  await enrolExhibitors(organiser(), { editionId });
  const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [p] = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId)));
  smeId = p!.id;
  others = (await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"), ne(b2bParticipants.id, smeId)))).map((r) => r.id);
  expect(others.length).toBeGreaterThanOrEqual(3);

  await updateMyProfile(ctxFor(t.db, exhibitor), {
    participantId: smeId,
    optedIn: true,
    profile: { offersUr: "جراحی کے آلات اور قینچیاں", offersEn: "Surgical forceps and scissors", hsCodes: ["9018.90"], certifications: ["ISO 13485"], languages: ["ur", "en"], exportReadiness: "regular" },
  });
  // Two other exhibitors opt in (one making gloves, one surgical too), the third stays unlisted.
  await t.db.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, others[0]!));
  await t.db.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, others[1]!));

  buyerA = await buyer("hub-a@example.com", "corporate_buyer", "buyer_procurement");
  await updateMyProfile(ctxFor(t.db), {
    token: buyerA.token,
    profile: { needsEn: "We source surgical forceps for hospitals", hsCodes: ["9018"], requiredCertifications: ["ISO 13485"], languages: ["ur", "de"], markets: ["DE"] },
  });
  investor = await buyer("hub-inv@example.com", "corporate_buyer", "investor");
  await updateMyProfile(ctxFor(t.db), { token: investor.token, profile: { needsEn: "Surgical instrument makers to invest in", sectors: ["surgical"], languages: ["en"] } });
  hidden = await buyer("hub-hidden@example.com", "corporate_buyer", "buyer_procurement");
  await updateMyProfile(ctxFor(t.db), { token: hidden.token, optedIn: false, profile: { needsEn: "surgical" } });
  gone = await buyer("hub-gone@example.com", "corporate_buyer", "buyer_procurement");
  await withdrawParticipant(ctxFor(t.db), { token: gone.token });
});

afterAll(async () => {
  await t?.close();
});

describe("the directory", () => {
  it("shows the other side only, only the listed, never an email or phone", async () => {
    const forBuyer = await directory(ctxFor(t.db), { token: buyerA.token });
    expect(forBuyer.cards.every((c) => c.side === "sme")).toBe(true);
    expect(forBuyer.cards.map((c) => c.id).sort()).toEqual([smeId, others[0]!, others[1]!].sort());
    expect(forBuyer.total).toBe(3);

    const forSme = await directory(ctxFor(t.db, exhibitor), { participantId: smeId });
    expect(forSme.cards.map((c) => c.id).sort()).toEqual([buyerA.id, investor.id].sort());
    const json = JSON.stringify(forSme);
    expect(json).not.toMatch(/hub-a@example\.com|\+923001234567|"email"|"phone"/);
    expect(forSme.cards.find((c) => c.id === buyerA.id)).toMatchObject({ kind: "buyer_procurement", nameEn: "Buyer hub-a" });
  });

  it("searches Urdu text, HS codes by prefix, and filters", async () => {
    const ctx = ctxFor(t.db);
    expect((await directory(ctx, { token: buyerA.token, q: "جراحی" })).cards.map((c) => c.id)).toEqual([smeId]);
    expect((await directory(ctx, { token: buyerA.token, q: "9018" })).cards.map((c) => c.id)).toEqual([smeId]);
    expect((await directory(ctx, { token: buyerA.token, q: "9018.9" })).cards.map((c) => c.id)).toEqual([smeId]);
    expect((await directory(ctx, { token: buyerA.token, q: "9021" })).cards).toEqual([]);
    expect((await directory(ctx, { token: buyerA.token, q: "forceps" })).cards.map((c) => c.id)).toEqual([smeId]);

    const [me] = await t.db.select().from(enterprises).innerJoin(b2bParticipants, eq(b2bParticipants.enterpriseId, enterprises.id)).where(eq(b2bParticipants.id, smeId));
    const e = me!.enterprises;
    const byWomen = await directory(ctx, { token: buyerA.token, womenLed: e.womenLed });
    expect(byWomen.cards.map((c) => c.id)).toContain(smeId);
    expect(byWomen.cards.every((c) => c.womenLed === e.womenLed)).toBe(true);
    const bySize = await directory(ctx, { token: buyerA.token, sizeClass: e.sizeClass });
    expect(bySize.cards.every((c) => c.sizeClass === e.sizeClass)).toBe(true);
    if (e.clusterSlug) expect((await directory(ctx, { token: buyerA.token, cluster: e.clusterSlug })).cards.every((c) => c.cluster?.slug === e.clusterSlug)).toBe(true);
    if (e.province) expect((await directory(ctx, { token: buyerA.token, province: e.province })).cards.map((c) => c.id)).toContain(smeId);
    expect((await directory(ctx, { token: buyerA.token, certification: "13485" })).cards.map((c) => c.id)).toEqual([smeId]);
    expect((await directory(ctx, { token: buyerA.token, exportReadiness: "regular" })).cards.map((c) => c.id)).toEqual([smeId]);
    expect((await directory(ctxFor(t.db, exhibitor), { participantId: smeId, kind: "investor" })).cards.map((c) => c.id)).toEqual([investor.id]);
    // Paged: the second page is empty here.
    expect((await directory(ctx, { token: buyerA.token, page: 2 })).cards).toEqual([]);
  });

  it("shows exhibitors' baseline export-readiness scores and keeps those at or above a band", async () => {
    const ctx = ctxFor(t.db);
    const scores = await baselineReadinessPort.exportScores(t.db, editionId);
    const all = await directory(ctx, { token: buyerA.token });
    for (const c of all.cards) expect(c.exportScore ?? null).toEqual(scores.get((await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, c.id)))[0]!.enterpriseId!) ?? null);
    const mine = all.cards.find((c) => c.id === smeId)!.exportScore;
    expect(mine, "the demo exhibitor answered the 2026 baseline").toBeTruthy();
    const order = ["emerging", "developing", "ready", "advanced"];
    for (const band of ["developing", "ready", "advanced"] as const) {
      const kept = await directory(ctx, { token: buyerA.token, exportBand: band });
      expect(kept.cards.every((c) => c.exportScore && order.indexOf(c.exportScore.band) >= order.indexOf(band))).toBe(true);
      expect(kept.cards.map((c) => c.id).includes(smeId)).toBe(order.indexOf(mine!.band) >= order.indexOf(band));
      expect(kept.total).toBe(all.cards.filter((c) => c.exportScore && order.indexOf(c.exportScore.band) >= order.indexOf(band)).length);
    }
    // Buyers have no baseline: the exhibitor's view of them carries no score.
    expect((await directory(ctxFor(t.db, exhibitor), { participantId: smeId })).cards.every((c) => c.exportScore === null)).toBe(true);
  });

  it("is the participant's own: a token reads its own profile only; withdrawn and made-up links are refused", async () => {
    expect((await getMyProfile(ctxFor(t.db), { token: buyerA.token })).participant.id).toBe(buyerA.id);
    expect(await refusal(getMyProfile(ctxFor(t.db), { token: buyerA.token, participantId: investor.id }))).toBe("validation_failed");
    expect(await refusal(getMyProfile(ctxFor(t.db), { participantId: investor.id }))).toBe("unauthenticated");
    expect(await refusal(directory(ctxFor(t.db), { token: "z".repeat(32) }))).toBe("token_invalid");
    expect(await refusal(directory(ctxFor(t.db), { token: gone.token }))).toBe("b2b_participant_withdrawn");
    expect(await refusal(directory(organiser(), { participantId: smeId }))).toBe("forbidden");
  });
});

describe("recommendations", () => {
  it("rank the matching exhibitor first, with reasons in English and in Urdu", async () => {
    const en = await recommendationsFor(ctxFor(t.db), { token: buyerA.token });
    expect(en.recommendations[0]!.card.id).toBe(smeId);
    const codes = en.recommendations[0]!.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["hs_match", "certifications_met", "shared_language"]));
    const texts = en.recommendations[0]!.reasons.map((r) => r.text);
    expect(texts).toContain("Holds ISO 13485, as you require");
    expect(texts).toContain("Speaks Urdu, as you do");
    expect(texts.find((x) => x.startsWith("Makes HS 9018"))).toBeDefined();
    const ur = await recommendationsFor(ctxFor(t.db, undefined, "ur"), { token: buyerA.token });
    expect(ur.recommendations[0]!.reasons.map((r) => r.text)).toContain("آپ کی طرح اردو بولتے ہیں");
    expect(ur.recommendations[0]!.reasons.every((r) => /[\u0600-\u06ff]/.test(r.text))).toBe(true);
    // Never a hidden or withdrawn buyer for the exhibitor.
    const forSme = await recommendationsFor(ctxFor(t.db, exhibitor), { participantId: smeId });
    const ids = forSme.recommendations.map((r) => r.card.id);
    expect(ids).toContain(buyerA.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(gone.id);
    expect(JSON.stringify(forSme)).not.toMatch(/hub-a@example\.com|\+923001234567/);
  });

  it("see a profile change at the next call, made through the operation or by any other writer", async () => {
    const reasonsOf = async (id: string) => (await recommendationsFor(ctxFor(t.db, exhibitor), { participantId: smeId })).recommendations.find((r) => r.card.id === id)?.reasons.map((r) => r.code) ?? [];
    // The first call builds the buyer side's cached input: the buyer sources 9018, as the exhibitor makes.
    const profile = { needsEn: "We source surgical forceps for hospitals", requiredCertifications: ["ISO 13485"], languages: ["ur", "de"], markets: ["DE"] };
    expect(await reasonsOf(buyerA.id)).toContain("hs_match");
    await updateMyProfile(ctxFor(t.db), { token: buyerA.token, profile: { ...profile, hsCodes: [] } });
    expect(await reasonsOf(buyerA.id)).not.toContain("hs_match");
    // A write that leaves updated_at alone (another process, a fix by hand) counts too.
    await t.db.update(b2bProfiles).set({ hsCodes: ["9018"] }).where(eq(b2bProfiles.participantId, buyerA.id));
    expect(await reasonsOf(buyerA.id)).toContain("hs_match");
    // A participant who stops being listed leaves the list at once.
    await t.db.update(b2bParticipants).set({ optedIn: false }).where(eq(b2bParticipants.id, buyerA.id));
    expect(await reasonsOf(buyerA.id)).toEqual([]);
    await t.db.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, buyerA.id));
    expect(await reasonsOf(buyerA.id)).toContain("hs_match");
  });

  it("leave out a requested (any status), same-enterprise, withdrawn or fully booked counterpart", async () => {
    // A profile change counts at once: another exhibitor becomes a match too.
    await t.db.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, others[2]!));
    const has = async (id: string) => (await recommendationsFor(ctxFor(t.db), { token: buyerA.token, limit: 50 })).recommendations.some((r) => r.card.id === id);
    expect(await has(smeId)).toBe(true);

    // Declined long ago, asked by the exhibitor: still never suggested again.
    const [req] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: smeId, buyerParticipantId: buyerA.id, requestedBy: "sme", status: "declined" }).returning();
    expect(await has(smeId)).toBe(false);
    expect((await recommendationsFor(ctxFor(t.db, exhibitor), { participantId: smeId })).recommendations.some((r) => r.card.id === buyerA.id)).toBe(false);
    await t.db.delete(b2bRequests).where(eq(b2bRequests.id, req!.id));
    expect(await has(smeId)).toBe(true);

    // The buyer is on the exhibitor's staff: the same enterprise.
    const [staffRow] = await t.db.insert(b2bSmeStaff).values({ participantId: smeId, name: "A", registrationId: buyerA.registrationId }).returning();
    expect(await has(smeId)).toBe(false);
    await t.db.delete(b2bSmeStaff).where(eq(b2bSmeStaff.id, staffRow!.id));

    // Fully booked: as many scheduled meetings as its days allow (here 1 a day, 1 day).
    const { programme } = await getB2bProgramme(organiser(), { editionId });
    await setB2bProgramme(organiser(), { editionId, ...programme, days: [programme.days.find((d) => d.sessions.length > 0)!], maxMeetingsPerDay: 1 });
    const [other] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: smeId, buyerParticipantId: investor.id, requestedBy: "buyer", status: "accepted" }).returning();
    await t.db.insert(b2bMeetings).values({ editionId, requestId: other!.id, smeParticipantId: smeId, buyerParticipantId: investor.id, day: 1, startMinute: 600, place: "stall", uid: "hub-full@numaish.test" });
    expect(await has(smeId)).toBe(false);
    await t.db.delete(b2bMeetings).where(eq(b2bMeetings.requestId, other!.id));
    await t.db.delete(b2bRequests).where(eq(b2bRequests.id, other!.id));
    await setB2bProgramme(organiser(), { editionId, ...programme });
    expect(await has(smeId)).toBe(true);

    // Withdrawn: gone from the list.
    await withdrawParticipant(ctxFor(t.db, exhibitor), { participantId: smeId });
    expect(await has(smeId)).toBe(false);
    await t.db.update(b2bParticipants).set({ withdrawnAt: null }).where(eq(b2bParticipants.id, smeId));
  });
});

describe("the organiser's list", () => {
  it("counts both sides, narrows to empty or incomplete profiles, and is the organiser's only", async () => {
    const all = await listParticipants(organiser(), { editionId });
    expect(all.counts.buyer).toBe(4);
    expect(all.counts.sme).toBe(others.length + 1);
    expect(all.counts.withdrawn).toBe(1);
    const a = all.participants.find((p) => p.id === buyerA.id)!;
    expect(a).toMatchObject({ kind: "buyer_procurement", optedIn: true, withdrawnAt: null, saved: true });
    expect(JSON.stringify(all)).not.toMatch(/hub-a@example\.com|\+923001234567/);
    const chase = await listParticipants(organiser(), { editionId, incomplete: true });
    expect(chase.participants.every((p) => p.completeness < 100 && !p.withdrawnAt)).toBe(true);
    expect(chase.participants.map((p) => p.id)).toContain(others[2]!);
    expect(chase.participants.map((p) => p.id)).not.toContain(gone.id);
    expect(await refusal(listParticipants(ctxFor(t.db, exhibitor), { editionId }))).toBe("forbidden");
    expect(await refusal(listParticipants(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
  });
});

describe("a participant's page", () => {
  it("shows a listed participant of the other side, or one it meets even unlisted; its contact only after an accepted request; anything else reads as missing", async () => {
    const asBuyer = (id: string) => participantCard(ctxFor(t.db), { token: buyerA.token, id });
    const listed = await asBuyer(others[0]!);
    expect(listed).toMatchObject({ listed: true, meets: false, contact: null, card: { id: others[0], side: "sme" } });
    // An exhibitor's pictures are its published catalogue profile's: the logo and photos, and the catalogue page.
    const [firm] = await t.db.select({ slug: enterprises.slug, id: enterprises.id }).from(b2bParticipants).innerJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId)).where(eq(b2bParticipants.id, others[0]!));
    const files = await t.db.select({ id: exhibitorFiles.id, kind: exhibitorFiles.kind }).from(exhibitorFiles).innerJoin(exhibitorProfiles, eq(exhibitorProfiles.id, exhibitorFiles.profileId)).where(and(eq(exhibitorProfiles.enterpriseId, firm!.id), eq(exhibitorProfiles.editionId, editionId)));
    expect(files.some((f) => f.kind === "logo")).toBe(true);
    expect(listed.media).toEqual({
      catalogue: expect.stringMatching(new RegExp(`^/editions/[^/]+/catalogue/${firm!.slug}$`)),
      logo: expect.stringContaining(`/files/${files.find((f) => f.kind === "logo")!.id}`),
      photos: files.filter((f) => f.kind === "photo").map((f) => expect.stringContaining(`/files/${f.id}`)),
    });
    // Unpublished, nothing of it shows; a buyer-side person has no pictures.
    await t.db.update(exhibitorProfiles).set({ published: false }).where(and(eq(exhibitorProfiles.enterpriseId, firm!.id), eq(exhibitorProfiles.editionId, editionId)));
    expect((await asBuyer(others[0]!)).media).toBeNull();
    await t.db.update(exhibitorProfiles).set({ published: true }).where(and(eq(exhibitorProfiles.enterpriseId, firm!.id), eq(exhibitorProfiles.editionId, editionId)));
    expect((await participantCard(ctxFor(t.db, exhibitor), { participantId: smeId, id: buyerA.id })).media).toBeNull();
    // Unlisted (the third exhibitor leaves the directory again), of its own side, made up: the same refusal.
    await t.db.update(b2bParticipants).set({ optedIn: false }).where(eq(b2bParticipants.id, others[2]!));
    expect(await refusal(asBuyer(others[2]!))).toBe("not_found");
    expect(await refusal(asBuyer(investor.id))).toBe("not_found");
    expect(await refusal(asBuyer(randomUUID()))).toBe("not_found");
    const asExhibitor = (id: string) => participantCard(ctxFor(t.db, exhibitor), { participantId: smeId, id });
    expect(await refusal(asExhibitor(gone.id))).toBe("not_found");
    expect(await refusal(asExhibitor(hidden.id))).toBe("not_found");
    // Once the two meet (an accepted request, a meeting), the unlisted buyer's page and contact are the exhibitor's to read.
    const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: smeId, buyerParticipantId: hidden.id, requestedBy: "buyer", status: "accepted" }).returning();
    await t.db.insert(b2bMeetings).values({ editionId, requestId: r!.id, smeParticipantId: smeId, buyerParticipantId: hidden.id, day: 3, startMinute: 1430, place: "table", tableNo: 1, uid: `${randomUUID()}@numaish.test` });
    expect(await asExhibitor(hidden.id)).toMatchObject({ listed: false, meets: true, contact: { email: "hub-hidden@example.com", phone: "+923001234567" } });
    // Nobody else's: another participant's page is not the organiser's way in.
    expect(await refusal(participantCard(organiser(), { participantId: smeId, id: hidden.id }))).toBe("forbidden");
  });
});

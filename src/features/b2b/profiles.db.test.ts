import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type DemoCategory, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { anonymous, type Actor } from "../../platform/permissions/actor";
import { enterprises, products } from "../editions/enterprise-tables";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { enrolExhibitors, joinAsBuyer, withdrawParticipant } from "./operations/participants";
import { getMyProfile, updateMyProfile, visibleParticipants } from "./operations/profiles";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { b2bParticipants, b2bProfiles } from "./tables";

type BuyerKind = Parameters<typeof joinAsBuyer>[1]["kind"];

// Profiles: an exhibitor's starts from its registry entry; each kind is asked for its own things;
// only the participant itself reads and writes it; consent decides who is visible to others.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;
let exhibitor: Actor;
let smeId: string;
let enterpriseId: string;

const organiser = () => ctxFor(t.db, staff);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const fields = (p: Promise<unknown>) =>
  p.then(
    () => [] as string[],
    (e: { fields?: { path: string; code: string }[] }) => (e.fields ?? []).map((f) => `${f.path}:${f.code}`),
  );

/** An approved registration of the category that joins with the kind, by its manage link. */
async function buyer(email: string, code: DemoCategory, kind: BuyerKind) {
  const r = await register(ctxFor(t.db), { editionId, categoryId: cat[code], name: `Person ${email}`, email, days: [0], consentData: true, consentScan: false });
  await decideRegistrations(organiser(), { editionId, ids: [r.registrations[0]!.id], decision: "approve" });
  const joined = await joinAsBuyer(ctxFor(t.db), { registrationToken: r.manageTokens![0]!, kind });
  return { id: joined.participant.id, token: joined.accessToken! };
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
  enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [p] = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId)));
  smeId = p!.id;
});

afterAll(async () => {
  await t?.close();
});

describe("an exhibitor's profile", () => {
  it("starts pre-filled from the enterprise and its products; women-led, size, cluster and district beside it", async () => {
    const [e] = await t.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    const items = await t.db.select().from(products).where(eq(products.enterpriseId, enterpriseId));
    const mine = await getMyProfile(ctxFor(t.db, exhibitor), { participantId: smeId });
    expect(mine.saved).toBe(false);
    expect(mine.about).toMatchObject({ nameEn: e!.nameEn, womenLed: e!.womenLed, sizeClass: e!.sizeClass, cluster: e!.clusterSlug, district: e!.district });
    expect(new Set(mine.profile.hsCodes)).toEqual(new Set(items.map((i) => i.hsCode)));
    expect(mine.profile.certifications).toEqual(e!.certifications);
    expect(mine.profile.markets).toEqual(e!.exportMarkets);
    for (const i of items) expect(mine.profile.productsEn).toContain(i.nameEn);
    expect(mine.missing).toEqual(expect.arrayContaining(["lookingFor", "languages"]));
    expect(mine.completeness).toBeLessThan(100);
  });

  it("is the participant's own: another account, anonymous, a made-up link are refused", async () => {
    expect(await refusal(getMyProfile(organiser(), { participantId: smeId }))).toBe("forbidden");
    expect(await refusal(getMyProfile(ctxFor(t.db), { participantId: smeId }))).toBe("unauthenticated");
    expect(await refusal(getMyProfile(ctxFor(t.db), { token: "y".repeat(32) }))).toBe("token_invalid");
    expect(await refusal(updateMyProfile(organiser(), { participantId: smeId, profile: { offersEn: "x" } }))).toBe("forbidden");
    expect(await refusal(getMyProfile(ctxFor(t.db), {}))).toBe("validation_failed");
  });

  it("is completed in English and Urdu; the score is stored; the change audited; the exhibitor opts in", async () => {
    const r = await updateMyProfile(ctxFor(t.db, exhibitor), {
      participantId: smeId,
      optedIn: true,
      profile: { offersUr: "جراحی کے آلات", lookingFor: ["distributor", "export_partner"], languages: ["ur", "en"], exportReadiness: "occasional" },
    });
    expect(r.saved).toBe(true);
    expect(r.participant.optedIn).toBe(true);
    expect(r.profile).toMatchObject({ offersUr: "جراحی کے آلات", lookingFor: ["distributor", "export_partner"], languages: ["ur", "en"] });
    // What was pre-filled and not sent is kept.
    expect(r.profile.hsCodes.length).toBeGreaterThan(0);
    const [row] = await t.db.select().from(b2bProfiles).where(eq(b2bProfiles.participantId, smeId));
    expect(row!.completeness).toBe(r.completeness);
    expect(r.completeness).toBeGreaterThanOrEqual(75);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.profile_updated"), eq(auditEntries.entityId, smeId)));
    expect(audit!.data).toMatchObject({ changed: expect.arrayContaining(["offersUr", "lookingFor", "languages", "exportReadiness"]), optedIn: true, completeness: r.completeness });
  });

  it("refuses, field by field, what is not its kind's or not well formed", async () => {
    const ctx = ctxFor(t.db, exhibitor);
    expect(await fields(updateMyProfile(ctx, { participantId: smeId, profile: { ticketMin: 5 } }))).toEqual(["profile.ticketMin:unrecognized_key"]);
    expect(await fields(updateMyProfile(ctx, { participantId: smeId, profile: { hsCodes: ["9018.90", "90X"] } }))).toEqual(["profile.hsCodes.1:b2b_hs_code"]);
    expect(await fields(updateMyProfile(ctx, { participantId: smeId, profile: { lookingFor: ["friends"] } }))).toEqual(["profile.lookingFor.0:invalid_value"]);
    expect(await fields(updateMyProfile(ctx, { participantId: smeId, profile: { offersEn: "x".repeat(2001) } }))).toEqual(["profile.offersEn:too_long"]);
  });
});

describe("buyer-side profiles by kind", () => {
  it("a mission gives its country and sectors; an investor its ticket, in order; a bank its financing products", async () => {
    const mission = await buyer("p-mission@example.com", "foreign_mission", "foreign_mission");
    const m = await updateMyProfile(ctxFor(t.db), { token: mission.token, profile: { country: "DE", sectors: ["surgical instruments"], needsEn: "Exporters to Germany" } });
    expect(m).toMatchObject({ participant: { kind: "foreign_mission" }, profile: { country: "DE" }, missing: ["languages"], completeness: 75 });
    expect(await fields(updateMyProfile(ctxFor(t.db), { token: mission.token, profile: { country: "Germany" } }))).toEqual(["profile.country:invalid_regex"]);
    expect(await fields(updateMyProfile(ctxFor(t.db), { token: mission.token, profile: { volumes: "x" } }))).toEqual(["profile.volumes:unrecognized_key"]);

    const investor = await buyer("p-investor@example.com", "corporate_buyer", "investor");
    expect(await fields(updateMyProfile(ctxFor(t.db), { token: investor.token, profile: { ticketMin: 10, ticketMax: 5 } }))).toEqual(["profile.ticketMax:b2b_ticket_order"]);
    await updateMyProfile(ctxFor(t.db), { token: investor.token, profile: { ticketMin: 10_000_000 } });
    // Against the stored minimum too.
    expect(await fields(updateMyProfile(ctxFor(t.db), { token: investor.token, profile: { ticketMax: 5 } }))).toEqual(["profile.ticketMax:b2b_ticket_order"]);

    const bank = await buyer("p-bank@example.com", "financial_institution", "bank");
    const b = await updateMyProfile(ctxFor(t.db), { token: bank.token, profile: { financingProducts: ["Working capital", "Export refinance"], offersUr: "برآمدی مالیات" } });
    expect(b.missing).toEqual(["sectors", "ticket", "languages"]);
    expect(b.completeness).toBe(40);
  });

  it("is refused after withdrawing, and outside the window", async () => {
    const dp = await buyer("p-dp@example.com", "development_partner", "development_partner");
    expect(await refusal(updateMyProfile(ctxFor(t.db, anonymous, "en", fixedClock("2026-01-23T00:00:00Z")), { token: dp.token, profile: { sectors: ["x"] } }))).toBe("b2b_window_closed");
    await withdrawParticipant(ctxFor(t.db), { token: dp.token });
    expect(await refusal(updateMyProfile(ctxFor(t.db), { token: dp.token, profile: { sectors: ["x"] } }))).toBe("b2b_participant_withdrawn");
    // Reading stays possible.
    expect((await getMyProfile(ctxFor(t.db), { token: dp.token })).participant.withdrawnAt).not.toBeNull();
  });
});

describe("who others may see", () => {
  it("only the opted-in, approved, not withdrawn participants of the edition, by side", async () => {
    const smes = await visibleParticipants(t.db, editionId, "sme");
    // The exhibitor opted in above; no other exhibitor has.
    expect(smes.map((s) => s.id)).toEqual([smeId]);
    const buyers = await visibleParticipants(t.db, editionId, "buyer");
    expect(buyers.every((b) => b.side === "buyer")).toBe(true);
    const kinds = buyers.map((b) => b.kind).sort();
    // The development partner withdrew.
    expect(kinds).toEqual(["bank", "foreign_mission", "investor"]);

    // Opting out hides again.
    await updateMyProfile(ctxFor(t.db, exhibitor), { participantId: smeId, optedIn: false, profile: {} });
    expect(await visibleParticipants(t.db, editionId, "sme")).toEqual([]);
    // An unapproved participant is never visible, whatever its consent.
    const [bankRow] = await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, buyers.find((b) => b.kind === "bank")!.id));
    await t.db.update(b2bParticipants).set({ approved: false }).where(eq(b2bParticipants.id, bankRow!.id));
    expect((await visibleParticipants(t.db, editionId)).map((b) => b.kind).sort()).toEqual(["foreign_mission", "investor"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type DemoCategory, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { anonymous, type Actor } from "../../platform/permissions/actor";
import { enterprises } from "../editions/enterprise-tables";
import { selections } from "../nominations/tables";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { enrolExhibitors, joinAsBuyer, participantByToken, sendAccessLink, withdrawParticipant } from "./operations/participants";
import { b2bParticipants } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Who takes part: the organiser enrols the selected exhibitors; approved trade visitors opt in with
// their kind; signed links; withdrawal. What is refused, with which code, and what is audited.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;

const organiser = () => ctxFor(t.db, staff);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

/** A registration in the category, approved unless told, with its manage-link token. */
async function visitor(email: string, code: DemoCategory, approve = true) {
  const r = await register(ctxFor(t.db), { editionId, categoryId: cat[code], name: `Person ${email}`, email, days: [0], consentData: true, consentScan: false });
  const reg = r.registrations[0]!;
  if (approve) await decideRegistrations(organiser(), { editionId, ids: [reg.id], decision: "approve" });
  return { id: reg.id, token: r.manageTokens![0]! };
}

beforeAll(async () => {
  t = await openTestDb();
  const show = await demoShow(t.db);
  editionId = show.editionId;
  cat = show.cat;
  staff = await actorFor(t.db, demo.organiser);
  // A known window around the test clock (2026-01-10): 5 to 22 January.
  const { programme } = await getB2bProgramme(organiser(), { editionId });
  await setB2bProgramme(organiser(), { editionId, ...programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" });
});

afterAll(async () => {
  await t?.close();
});

describe("SME side: enrolling the selected exhibitors", () => {
  it("enrols every selected exhibitor once, idempotently, and only organisers may", async () => {
    expect(await refusal(enrolExhibitors(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    expect(await refusal(enrolExhibitors(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId }))).toBe("forbidden");

    const [sel] = await t.db.select().from(selections).where(eq(selections.editionId, editionId));
    const selected = (sel!.result as { decisions: { status: string }[] }).decisions.filter((d) => d.status === "selected").length;
    const first = await enrolExhibitors(organiser(), { editionId });
    expect(first.enrolled + first.withoutEnterprise).toBe(selected);
    expect(first.enrolled).toBeGreaterThan(100);
    const again = await enrolExhibitors(organiser(), { editionId });
    expect(again).toEqual({ enrolled: 0, already: first.enrolled, withoutEnterprise: first.withoutEnterprise });

    const rows = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme")));
    expect(rows).toHaveLength(first.enrolled);
    expect(rows.every((r) => r.kind === "sme" && r.approved && !r.optedIn && r.enterpriseId)).toBe(true);
    // Every one is an enterprise of the organiser's registry.
    const [e] = await t.db.select().from(enterprises).where(eq(enterprises.id, rows[0]!.enterpriseId!));
    expect(e).toBeDefined();
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.exhibitors_enrolled"), eq(auditEntries.entityId, editionId)));
    expect(audit.map((a) => a.data)).toEqual([first, again]);
  });

  it("is refused while the selection is unpublished", async () => {
    const [sel] = await t.db.select().from(selections).where(eq(selections.editionId, editionId));
    await t.db.update(selections).set({ publishedAt: null }).where(eq(selections.editionId, editionId));
    try {
      expect(await refusal(enrolExhibitors(organiser(), { editionId }))).toBe("b2b_selection_unpublished");
    } finally {
      await t.db.update(selections).set({ publishedAt: sel!.publishedAt }).where(eq(selections.editionId, editionId));
    }
  });
});

describe("buyer side: joining with a kind", () => {
  it("an approved buyer joins by account or manage link, idempotently; the link gives a B2B token", async () => {
    const v = await visitor("b2b-buyer@example.com", "corporate_buyer");
    // Anonymous with a registration id: no.
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationId: v.id, kind: "buyer_procurement" }))).toBe("unauthenticated");
    // Someone else's account: no.
    expect(await refusal(joinAsBuyer(organiser(), { registrationId: v.id, kind: "buyer_procurement" }))).toBe("forbidden");

    const joined = await joinAsBuyer(ctxFor(t.db), { registrationToken: v.token, kind: "buyer_procurement" });
    expect(joined).toMatchObject({ created: true, participant: { side: "buyer", kind: "buyer_procurement", optedIn: true, registrationId: v.id } });
    expect(joined.accessToken).toMatch(/^[\w-]{20,}$/);
    const [row] = await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, v.id));
    expect(row!.accessTokenHash).toBe(hashSecret(joined.accessToken!));
    expect(await participantByToken(ctxFor(t.db), { token: joined.accessToken! })).toMatchObject({ id: row!.id, kind: "buyer_procurement" });

    // Again, as an investor: the same participant, the new kind.
    const again = await joinAsBuyer(ctxFor(t.db), { registrationToken: v.token, kind: "investor" });
    expect(again).toMatchObject({ created: false, participant: { id: row!.id, kind: "investor" } });
    // The older B2B link stopped working.
    expect(await refusal(participantByToken(ctxFor(t.db), { token: joined.accessToken! }))).toBe("token_invalid");
    expect(await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, v.id))).toHaveLength(1);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.buyer_joined"), eq(auditEntries.entityId, row!.id)));
    expect(audit.map((a) => [a.actorRegistrationId, (a.data as { again: boolean }).again])).toEqual([
      [v.id, false],
      [v.id, true],
    ]);
  });

  it("lets a regulator opt in only while the organiser allows regulators, as a development partner", async () => {
    const { programme } = await getB2bProgramme(organiser(), { editionId });
    expect(programme.allowRegulators).toBe(false);
    const regulator = await visitor("b2b-regulator-2@example.com", "regulatory_stakeholder");
    const join = (kind: Parameters<typeof joinAsBuyer>[1]["kind"]) => joinAsBuyer(ctxFor(t.db), { registrationToken: regulator.token, kind });
    expect(await refusal(join("development_partner"))).toBe("b2b_regulators_not_allowed");
    await setB2bProgramme(organiser(), { editionId, ...programme, allowRegulators: true });
    expect((await getB2bProgramme(organiser(), { editionId })).programme.allowRegulators).toBe(true);
    expect(await refusal(join("buyer_procurement"))).toBe("b2b_kind_not_for_category");
    const joined = await join("development_partner");
    expect(joined.participant).toMatchObject({ side: "buyer", kind: "development_partner", optedIn: true });
    // Switched off again: the next regulator is refused (one already in stays, as with a closed window).
    await setB2bProgramme(organiser(), { editionId, ...programme, allowRegulators: false });
    const late = await visitor("b2b-regulator-3@example.com", "regulatory_stakeholder");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: late.token, kind: "development_partner" }))).toBe("b2b_regulators_not_allowed");
  });

  it("refuses with a clear code: not approved, not a trade category, a kind the category does not fit, a bad link", async () => {
    const pending = await visitor("b2b-pending@example.com", "corporate_buyer", false);
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: pending.token, kind: "buyer_procurement" }))).toBe("b2b_registration_not_approved");
    const student = await visitor("b2b-student@example.com", "student");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: student.token, kind: "buyer_procurement" }))).toBe("b2b_not_trade_category");
    const regulator = await visitor("b2b-regulator@example.com", "regulatory_stakeholder");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: regulator.token, kind: "development_partner" }))).toBe("b2b_regulators_not_allowed");
    const mission = await visitor("b2b-mission@example.com", "foreign_mission");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: mission.token, kind: "bank" }))).toBe("b2b_kind_not_for_category");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: "x".repeat(32), kind: "bank" }))).toBe("token_invalid");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), { kind: "bank" }))).toBe("validation_failed");
    expect(await refusal(joinAsBuyer(ctxFor(t.db), invalid({ registrationToken: mission.token, kind: "sme" })))).toBe("validation_failed");
    expect(await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, mission.id))).toHaveLength(0);
  });

  it("is refused before the window opens, after it closes, and while matchmaking is off", async () => {
    const bank = await visitor("b2b-bank@example.com", "financial_institution");
    const at = (iso: string) => ctxFor(t.db, anonymous, "en", fixedClock(iso));
    expect(await refusal(joinAsBuyer(at("2026-01-01T00:00:00Z"), { registrationToken: bank.token, kind: "bank" }))).toBe("b2b_window_closed");
    expect(await refusal(joinAsBuyer(at("2026-01-23T00:00:00Z"), { registrationToken: bank.token, kind: "bank" }))).toBe("b2b_window_closed");
    // Turned off: refused whatever the time.
    const { programme } = await getB2bProgramme(organiser(), { editionId });
    await setB2bProgramme(organiser(), { editionId, ...programme, enabled: false });
    try {
      expect(await refusal(joinAsBuyer(ctxFor(t.db), { registrationToken: bank.token, kind: "bank" }))).toBe("b2b_matchmaking_off");
    } finally {
      await setB2bProgramme(organiser(), { editionId, ...programme });
    }
    expect((await joinAsBuyer(ctxFor(t.db), { registrationToken: bank.token, kind: "bank" })).created).toBe(true);
  });
});

describe("signed links and withdrawal", () => {
  it("an organiser emails a participant its link (only the hash is kept); the holder withdraws, once, audited", async () => {
    // An exhibitor's link goes to its application's contact (the demo's are fictional addresses).
    const [sme] = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"))).limit(1);
    expect(await refusal(sendAccessLink(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { participantId: sme!.id }))).toBe("forbidden");
    expect(await sendAccessLink(organiser(), { participantId: sme!.id })).toEqual({ sent: true });
    const [smeMail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "b2b_access_link"), like(outboxMessages.toAddress, "%@exhibitors.demo.numaish.pk")));
    expect(hashSecret(/\/b2b\/([\w-]+)/.exec(smeMail!.bodyText)![1]!)).toBe((await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, sme!.id)))[0]!.accessTokenHash);

    const v = await visitor("b2b-dp@example.com", "development_partner");
    const { participant } = await joinAsBuyer(ctxFor(t.db), { registrationToken: v.token, kind: "development_partner" });
    expect(await sendAccessLink(organiser(), { participantId: participant.id })).toEqual({ sent: true });
    const [mail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "b2b_access_link"), eq(outboxMessages.toAddress, "b2b-dp@example.com")));
    const token = /\/b2b\/([\w-]+)/.exec(mail!.bodyText)![1]!;
    const [row] = await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, participant.id));
    expect(row!.accessTokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(await t.db.select().from(auditEntries).where(eq(auditEntries.action, "b2b.access_link_issued")))).not.toContain(token);

    // Someone else's account cannot withdraw it; the link's holder can.
    expect(await refusal(withdrawParticipant(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { participantId: participant.id }))).toBe("forbidden");
    const w = await withdrawParticipant(ctxFor(t.db), { token });
    expect(w.withdrawnAt).toBe("2026-01-10T08:00:00.000Z");
    const twice = await withdrawParticipant(ctxFor(t.db), { token });
    expect(twice.withdrawnAt).toBe(w.withdrawnAt);
    expect(await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.participant_withdrawn"), eq(auditEntries.entityId, participant.id)))).toHaveLength(1);
    // Joining again undoes the withdrawal.
    expect((await joinAsBuyer(ctxFor(t.db), { registrationToken: v.token, kind: "development_partner" })).participant.withdrawnAt).toBeNull();
  });

  it("an exhibitor acts by its account for its own enterprise only", async () => {
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")?.enterpriseId : null;
    const [own] = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId!)));
    expect(own, "the demo exhibitor is a selected exhibitor of the 2026 show").toBeDefined();
    expect((await withdrawParticipant(ctxFor(t.db, exhibitor), { participantId: own!.id })).withdrawnAt).not.toBeNull();
    const [other] = await t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"))).limit(2);
    const notOwn = other!.id === own!.id ? (await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.side, "sme")).limit(2))[1]! : other!;
    expect(await refusal(withdrawParticipant(ctxFor(t.db, exhibitor), { participantId: notOwn.id }))).toBe("forbidden");
    expect(await refusal(withdrawParticipant(ctxFor(t.db, exhibitor), { participantId: "00000000-0000-4000-8000-000000000000" }))).toBe("forbidden");
  });
});

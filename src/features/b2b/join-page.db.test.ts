import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type DemoCategory, type TestDb } from "../../../tests/support/db";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { TRADE_CATEGORIES } from "../registration/categories";
import { kindsOfCategory, participantByToken, REGULATOR_CATEGORY } from "./operations/participants";
import { action, loader } from "./pages/join";
import { b2bParticipants } from "./tables";

// A trade visitor joins B2B matchmaking from their registration's manage link, without an account
// (/registration/:token/b2b): the page's loader and action as the router calls them. Joining,
// joining again (one participant, a new link), and the refusals with their stable codes: a
// category outside trade, a registration not yet approved, a kind the category does not fit.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;

type Args = Parameters<typeof loader>[0];
const call = <T,>(fn: (a: Args) => Promise<T>, token: string, form?: Record<string, string>, locale: "en" | "ur" = "en") => {
  const url = `http://numaish.test/registration/${token}/b2b`;
  let request = new Request(url);
  if (form) {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) body.set(k, v);
    request = new Request(url, { method: "POST", body });
  }
  return fn({ request, params: { token }, context: { ctx: ctxFor(t.db, undefined, locale) } } as unknown as Args);
};
const thrown = (p: Promise<unknown>) => p.then(() => "no error", (e: unknown) => e);

async function visitor(email: string, code: DemoCategory, approve = true) {
  const r = await register(ctxFor(t.db), { editionId, categoryId: cat[code], name: `Person ${email}`, email, days: [0], consentData: true, consentScan: false });
  const reg = r.registrations[0]!;
  if (approve) await decideRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId, ids: [reg.id], decision: "approve" });
  return { id: reg.id, token: r.manageTokens![0]! };
}

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId, cat } = await demoShow(t.db));
  // The window open around the test clock (2026-01-10).
  const organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  const { programme } = await getB2bProgramme(organiser, { editionId });
  await setB2bProgramme(organiser, { editionId, ...programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" });
});
afterAll(async () => t?.close());

describe(`joining B2B matchmaking from the manage link (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("an approved foreign mission joins, once; joining again keeps one participant and replaces the link", async () => {
    const v = await visitor("join-mission@example.com", "foreign_mission");
    expect(await call(loader, v.token)).toMatchObject({ kinds: ["foreign_mission"], refusal: null, participant: null, category: { code: "foreign_mission" } });

    const first = (await call(action, v.token, { kind: "foreign_mission" }, "ur")) as { joined: { created: boolean; path: string; link: string } };
    expect(first.joined.created).toBe(true);
    expect(first.joined.link.endsWith(first.joined.path)).toBe(true);
    const token = first.joined.path.replace("/b2b/", "");
    const participant = await participantByToken(ctxFor(t.db), { token });
    expect(participant).toMatchObject({ side: "buyer", kind: "foreign_mission", registrationId: v.id, optedIn: true, locale: "ur" });
    expect(await call(loader, v.token)).toMatchObject({ participant: { kind: "foreign_mission", withdrawn: false } });

    const again = (await call(action, v.token, { kind: "foreign_mission" })) as { joined: { created: boolean; path: string } };
    expect(again.joined.created).toBe(false);
    expect(again.joined.path).not.toBe(first.joined.path);
    expect(await participantByToken(ctxFor(t.db), { token: again.joined.path.replace("/b2b/", "") })).toMatchObject({ id: participant.id });
    expect(await thrown(participantByToken(ctxFor(t.db), { token }))).toMatchObject({ code: "token_invalid" });
    expect(await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, v.id))).toHaveLength(1);
  });

  it("refuses a category outside trade, an unapproved registration and a kind the category does not fit, with their codes; nothing is joined", async () => {
    const student = await visitor("join-student@example.com", "student");
    expect(await call(loader, student.token)).toMatchObject({ kinds: [], refusal: { code: "b2b_not_trade_category" } });
    expect(await call(action, student.token, { kind: "buyer_procurement" })).toMatchObject({ init: { status: 409 }, data: { ok: false, code: "b2b_not_trade_category" } });

    const pending = await visitor("join-pending@example.com", "corporate_buyer", false);
    expect(await call(loader, pending.token)).toMatchObject({ kinds: [], refusal: { code: "b2b_registration_not_approved" } });
    const refused = await call(action, pending.token, { kind: "buyer_procurement" }, "ur");
    expect(refused).toMatchObject({ init: { status: 409 }, data: { ok: false, code: "b2b_registration_not_approved", values: { kind: "buyer_procurement" } } });
    // In the reader's language.
    expect((refused as { data: { message: string } }).data.message).toMatch(/[\u0600-\u06ff]/);

    const bank = await visitor("join-bank@example.com", "financial_institution");
    expect((await call(loader, bank.token)).kinds).toEqual(["bank", "investor"]);
    expect(await call(action, bank.token, { kind: "foreign_mission" })).toMatchObject({ init: { status: 409 }, data: { code: "b2b_kind_not_for_category" } });
    expect(await call(action, bank.token, {})).toMatchObject({ init: { status: 400 }, data: { code: "validation_failed" } });
    for (const r of [student, pending, bank]) expect(await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, r.id))).toHaveLength(0);
  });

  it("the registration page links exactly the categories that may join", () => {
    expect(new Set(TRADE_CATEGORIES)).toEqual(new Set([...Object.keys(kindsOfCategory), REGULATOR_CATEGORY]));
  });

  it("answers an unknown link with 410, on the page and on a post", async () => {
    const unknown = "q".repeat(32);
    expect(await thrown(call(loader, unknown))).toMatchObject({ init: { status: 410 }, data: { code: "token_invalid" } });
    expect(await call(action, unknown, { kind: "bank" })).toMatchObject({ init: { status: 410 }, data: { code: "token_invalid" } });
  });
});

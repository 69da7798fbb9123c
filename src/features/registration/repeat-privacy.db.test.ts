import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { outboxMessages } from "../../platform/mail/tables";
import { anonymous } from "../../platform/permissions/actor";
import { ur } from "../../messages";
import { getOwnRegistration } from "./operations/own";
import { register } from "./operations/register";
import { registrations } from "./tables";

// Issue #9, item 7: registering someone tells nothing about them. A repeat registration (same
// email, same edition) is answered exactly like a new one, over the API and on the forms, and the
// person already registered is emailed a new link (in their own language) instead.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
const cat = {} as DemoCategories;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const show = await demoShow(t.db);
  editionId = show.editionId;
  Object.assign(cat, show.cat);
});
afterAll(async () => t?.close());

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  name: "Sadia Noor",
  email,
  days: [0],
  consentData: true,
  ...extra,
});
const one = (json: unknown, headers: Record<string, string> = {}) => api.call(`/api/v1/editions/${editionId}/registrations`, { json, headers });
const group = (json: unknown, headers: Record<string, string> = {}) => api.call(`/api/v1/editions/${editionId}/registrations/group`, { json, headers });
const mails = (to: string, kind: string) => t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)));
const tokenIn = (text: string) => /\/registration\/([\w-]{20,})/.exec(text)![1]!;
/** Status, body bytes and header names: everything a caller can tell two answers apart by. */
const shape = (r: { status: number; text: string; headers: Headers }) => ({ status: r.status, text: r.text, headers: [...r.headers.keys()].sort() });

describe("a repeat registration over the API", () => {
  it("answers byte for byte like a new one; the registrant is emailed a new link in their language, the old link dies", async () => {
    // Someone registered earlier, in Urdu, and has their link from the first email.
    await register(ctxFor(t.db, anonymous, "ur"), { editionId, categoryId: cat.corporate_buyer, ...person("known@example.com", { organisation: "Noor Traders" }) });
    const [first] = await mails("known@example.com", "registration_received");
    const oldToken = tokenIn(first!.bodyText);

    const fresh = await one({ categoryId: cat.corporate_buyer, ...person("unknown@example.com", { organisation: "X" }), locale: "en" });
    const repeat = await one({ categoryId: cat.general_public, ...person("KNOWN@example.com", { days: [1, 2] }), locale: "en" });
    expect(fresh.status).toBe(202);
    expect(shape(repeat)).toEqual(shape(fresh));
    expect(repeat.body).toEqual({ accepted: true, count: 1 });

    // Nothing about the earlier registration changed.
    const [row] = await t.db.select().from(registrations).where(eq(registrations.email, "known@example.com"));
    expect(row).toMatchObject({ status: "pending", days: [0], categoryId: cat.corporate_buyer, organisation: "Noor Traders" });
    // Its owner is told, in Urdu (their language, not the caller's), with a new link that works.
    const [already] = await mails("known@example.com", "registration_already");
    expect(already!.subject).toMatch(/پہلے سے رجسٹرڈ/);
    expect(already!.bodyText.startsWith(ur["registration.email.already.body"].split("{name}")[0]!)).toBe(true);
    const newToken = tokenIn(already!.bodyText);
    expect((await getOwnRegistration(ctxFor(t.db), { token: newToken })).registration.email).toBe("known@example.com");
    await expect(getOwnRegistration(ctxFor(t.db), { token: oldToken })).rejects.toMatchObject({ code: "token_invalid" });
    // The new person got their ordinary confirmation and link.
    expect(await mails("unknown@example.com", "registration_received")).toHaveLength(1);
  });

  it("keeps Idempotency-Key semantics for a repeat: the same body answers the same (no second email), another body is 409", async () => {
    await register(ctxFor(t.db), { editionId, categoryId: cat.general_public, ...person("keyed@example.com") });
    const headers = { "idempotency-key": "repeat-key-0001" };
    const a = await one({ categoryId: cat.general_public, ...person("keyed@example.com") }, headers);
    const b = await one({ categoryId: cat.general_public, ...person("keyed@example.com") }, headers);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.text).toBe(a.text);
    expect(await mails("keyed@example.com", "registration_already")).toHaveLength(1);
    const reused = await one({ categoryId: cat.general_public, ...person("keyed-other@example.com") }, headers);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    // Exactly as for a key whose request made a registration.
    const newHeaders = { "idempotency-key": "repeat-key-0002" };
    await one({ categoryId: cat.general_public, ...person("keyed-new@example.com") }, newHeaders);
    const reusedNew = await one({ categoryId: cat.general_public, ...person("keyed-new-other@example.com") }, newHeaders);
    expect(shape(reusedNew)).toEqual(shape(reused));
  });

  it("sends at most five such emails per address in a quarter of an hour, and still answers the same", async () => {
    await register(ctxFor(t.db), { editionId, categoryId: cat.general_public, ...person("target@example.com") });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await one({ categoryId: cat.general_public, ...person("target@example.com") }));
    expect(new Set(answers.map((a) => JSON.stringify(shape(a)))).size).toBe(1);
    expect(answers[0]!.status).toBe(202);
    expect(await mails("target@example.com", "registration_already")).toHaveLength(5);
  });

  it("links a signed-in account's registration to the account only when the email is the account's own", async () => {
    const visitor = await actorFor(t.db, demo.visitor);
    const other = await register(ctxFor(t.db, visitor), { editionId, categoryId: cat.general_public, ...person("not-the-visitor@example.com") });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, other.registrations[0]!.id)))[0]!.userId).toBeNull();
    const own = await register(ctxFor(t.db, visitor), { editionId, categoryId: cat.general_public, ...person(demo.visitor.toUpperCase()) });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, own.registrations[0]!.id)))[0]!.userId).toBe(visitor.kind === "user" ? visitor.userId : "");
  });
});

describe("a repeat in a delegation", () => {
  it("answers like a new delegation; the member already registered is left as they are and emailed, the others register", async () => {
    await register(ctxFor(t.db), { editionId, categoryId: cat.general_public, ...person("member-known@example.com") });
    const members = (a: string, b: string) => [person(a, { name: "Member A" }), person(b, { name: "Member B" })];
    const fresh = await group({ categoryId: cat.foreign_mission, members: members("m1@mission.example", "m2@mission.example") });
    const mixed = await group({ categoryId: cat.foreign_mission, members: members("m3@mission.example", "Member-Known@example.com") });
    const all = await group({ categoryId: cat.foreign_mission, members: members("m1@mission.example", "m2@mission.example") });
    expect(fresh.status).toBe(202);
    expect(fresh.body).toEqual({ accepted: true, count: 2 });
    expect(shape(mixed)).toEqual(shape(fresh));
    expect(shape(all)).toEqual(shape(fresh));

    const [known] = await t.db.select().from(registrations).where(eq(registrations.email, "member-known@example.com"));
    expect(known).toMatchObject({ categoryId: cat.general_public, groupId: null, name: "Sadia Noor" });
    expect(await mails("member-known@example.com", "registration_already")).toHaveLength(1);
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "m3@mission.example"))).toMatchObject([{ categoryId: cat.foreign_mission }]);
    for (const m of ["m1@mission.example", "m2@mission.example"]) {
      expect(await t.db.select().from(registrations).where(eq(registrations.email, m))).toHaveLength(1);
      expect(await mails(m, "registration_already")).toHaveLength(1);
    }
  });
});

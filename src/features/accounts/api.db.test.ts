import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { outboxMessages } from "../../platform/mail/tables";
import { accountTokens } from "./tables";

// Accounts over the API: sign-up, sign-in and out, the own account, password
// reset by emailed token, and invitations.

let t: TestDb;
let api: ReturnType<typeof testApp>;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
});
afterAll(async () => t?.close());

const cookieOf = (r: { headers: Headers }) => r.headers.get("set-cookie")!.split(";")[0]!;
const mailTo = async (to: string, kind: string) =>
  (await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind))))[0];

describe("accounts over the API", () => {
  it("signs up a visitor by emailed link: 202 for any address, then the token and a password make the account and set the cookie", async () => {
    const before = api.notified();
    const r = await api.call("/api/v1/auth/sign-up", { json: { email: "Amna@Example.PK", name: "Amna", locale: "ur" } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toEqual({ ok: true });
    expect(r.headers.get("set-cookie")).toBeNull();
    expect(api.notified()).toBeGreaterThan(before);
    const mail = await mailTo("amna@example.pk", "sign_up_confirm");
    const token = /\/sign-up\/([\w-]+)/.exec(mail!.bodyText)![1]!;
    const made = await api.call("/api/v1/auth/sign-up/confirm", { json: { token, password: "a-long-password" } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ email: "amna@example.pk", name: "Amna", locale: "ur", grants: [{ role: "visitor" }] });
    expect(await mailTo("amna@example.pk", "welcome")).toBeTruthy();
    const me = await api.call("/api/v1/me", { cookie: cookieOf(made) });
    expect(me.body.email).toBe("amna@example.pk");
    const reused = await api.call("/api/v1/auth/sign-up/confirm", { json: { token, password: "a-long-password" } });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe("token_invalid");
    // The address has an account now: the same 202, and its owner is emailed instead.
    const again = await api.call("/api/v1/auth/sign-up", { json: { email: "amna@example.pk", name: "Amna 2" } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(r.body);
    expect(await mailTo("amna@example.pk", "sign_up_existing")).toBeTruthy();
    const bad = await api.call("/api/v1/auth/sign-up", { json: { email: "not-an-email", name: "X" } });
    expect(bad.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(["email:invalid_email"]);
    const short = await api.call("/api/v1/auth/sign-up/confirm", { json: { token: "x".repeat(30), password: "short" } });
    expect(short.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(["password:too_short"]);
  });

  it("changes the own name and language", async () => {
    const signIn = await api.call("/api/v1/auth/sign-in", { json: { email: demo.visitor, password: demo.password } });
    const cookie = cookieOf(signIn);
    const r = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { locale: "ur" } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ email: demo.visitor, locale: "ur", name: "Visitor (demo)" });
    const bad = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { locale: "fr", name: "" } });
    expect(bad.status).toBe(400);
    // Nothing to change is no error: the account as it is.
    const empty = await api.call("/api/v1/me", { method: "PATCH", cookie, json: {} });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ email: demo.visitor, locale: "ur" });
  });

  it("refuses a wrong password with 401 and signs out by deleting the session", async () => {
    const wrong = await api.call("/api/v1/auth/sign-in", { json: { email: demo.reviewer, password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("invalid_credentials");
    const cookie = cookieOf(await api.call("/api/v1/auth/sign-in", { json: { email: demo.reviewer, password: demo.password } }));
    expect((await api.call("/api/v1/me", { cookie })).status).toBe(200);
    const out = await api.call("/api/v1/auth/sign-out", { method: "POST", cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^numaish_session=; .*Max-Age=0/);
    expect((await api.call("/api/v1/me", { cookie })).status).toBe(401);
  });

  it("resets a password with the emailed token, once, and ends the old sessions", async () => {
    const email = "amna@example.pk";
    const oldCookie = cookieOf(await api.call("/api/v1/auth/sign-in", { json: { email, password: "a-long-password" } }));
    const unknown = await api.call("/api/v1/auth/password-reset", { json: { email: "nobody@example.pk" } });
    const known = await api.call("/api/v1/auth/password-reset", { json: { email } });
    // The same answer either way: the form does not reveal who has an account.
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    const mail = await mailTo(email, "password_reset");
    expect(await mailTo("nobody@example.pk", "password_reset")).toBeUndefined();
    const token = mail!.bodyText.match(/reset-password\/(\S+)/)![1]!;
    const weak = await api.call("/api/v1/auth/password-reset/confirm", { json: { token, password: "short" } });
    expect(weak.status).toBe(400);
    const ok = await api.call("/api/v1/auth/password-reset/confirm", { json: { token, password: "a-new-long-password" } });
    expect(ok.status).toBe(200);
    const reused = await api.call("/api/v1/auth/password-reset/confirm", { json: { token, password: "yet-another-password" } });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe("token_invalid");
    expect((await api.call("/api/v1/me", { cookie: oldCookie })).status).toBe(401);
    const signIn = await api.call("/api/v1/auth/sign-in", { json: { email, password: "a-new-long-password" } });
    expect(signIn.status).toBe(200);
  });

  it("lets organiser staff invite a reviewer, emailing the link but not returning it", async () => {
    const cookie = cookieOf(await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } }));
    const r = await api.call("/api/v1/invitations", { cookie, json: { email: "judge@example.pk", role: "reviewer" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(Object.keys(r.body)).toEqual(["invitationId"]);
    const [token] = await t.db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.id, r.body.invitationId), eq(accountTokens.kind, "invitation")));
    expect(token?.email).toBe("judge@example.pk");
    expect(await mailTo("judge@example.pk", "invitation")).toBeTruthy();
    const unbound = await api.call("/api/v1/invitations", { cookie, json: { email: "rep@example.pk", role: "trade_body_rep" } });
    expect(unbound.status).toBe(400);
    expect(unbound.body.error.fields).toMatchObject([{ path: "tradeBodyId", code: "required" }]);
    const admin = await api.call("/api/v1/invitations", { cookie, json: { email: "boss@example.pk", role: "platform_admin" } });
    expect(admin.status).toBe(400);
  });
});

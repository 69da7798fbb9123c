import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, isNull } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { auditEntries } from "../../platform/audit/tables";
import { findSessionUser } from "../../platform/auth/sessions";
import { sessions, users } from "../../platform/auth/tables";
import { fixedClock } from "../../platform/clock";
import { outboxMessages } from "../../platform/mail/tables";
import { tradeBodies } from "../editions/tables";
import { actorForUser } from "./grants";
import { acceptInvitation, getInvitation, invitePerson } from "./operations/invitations";
import { requestPasswordReset, resetPassword } from "./operations/password-reset";
import { signIn, signOut } from "./operations/sign-in";
import { confirmSignUp, getSignUp, signUp } from "./operations/sign-up";
import { accountTokens, roleGrants } from "./tables";
import { ur } from "../../messages";
import type { Ctx } from "../../platform/context";
import { invalid } from "../../../tests/support/invalid";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const PASSWORD = "correct horse battery";
const cookieOf = (secret: string) => `numaish_session=${secret}`;

/** The newest email queued for an address, and the link in it. */
async function lastEmail(to: string, kind: string) {
  const [m] = await t.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  if (!m) throw new Error(`no ${kind} email to ${to}`);
  // A sentence may end right after the link: its full stop is not part of it.
  const link = /https?:\/\/\S+/.exec(m.bodyText)?.[0]?.replace(/[.,;:)]+$/, "");
  return { message: m, link: link!, secret: link!.split("/").pop()! };
}

let nextIp = 0;
/** An account made as a person makes one: the form, the emailed link, a password. */
async function createAccount(ctx: Ctx, input: { email: string; password: string; name: string; locale?: "en" | "ur" }) {
  await signUp(ctx, { email: input.email, name: input.name, locale: input.locale, ip: `10.200.0.${nextIp++}` });
  const { secret } = await lastEmail(input.email.trim().toLowerCase(), "sign_up_confirm");
  return confirmSignUp(ctx, { token: secret, password: input.password });
}

describe("sign-up", () => {
  it("emails a link; the link's password makes a visitor account with an argon2id hash, a session, an audit entry and a welcome email", async () => {
    const ctx = ctxFor(t.db);
    await signUp(ctx, { email: "  Amna@Example.PK ", name: "Amna Khan", locale: "ur", ip: "10.7.0.1" });
    // No account until the link is used.
    expect(await t.db.select().from(users).where(eq(users.email, "amna@example.pk"))).toHaveLength(0);
    const mail = await lastEmail("amna@example.pk", "sign_up_confirm");
    expect(mail.link).toMatch(/^http:\/\/numaish\.test\/sign-up\/[\w-]{20,}$/);
    expect(mail.message.subject).toBe(ur["accounts.email.confirm.subject"]);
    // Only the hash of the link is kept.
    const [token] = await t.db.select().from(accountTokens).where(and(eq(accountTokens.email, "amna@example.pk"), eq(accountTokens.kind, "sign_up")));
    expect(token!.tokenHash).not.toContain(mail.secret);
    expect(await getSignUp(ctx, mail.secret)).toEqual({ email: "amna@example.pk", name: "Amna Khan" });

    const { user, session } = await confirmSignUp(ctx, { token: mail.secret, password: PASSWORD });
    expect(user).toMatchObject({ email: "amna@example.pk", name: "Amna Khan", locale: "ur" });
    // The answer names the account and nothing more; the hash stays in the database.
    expect(user).not.toHaveProperty("passwordHash");
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(stored!.passwordHash).not.toContain(PASSWORD);
    expect((await findSessionUser(t.db, ctx.clock, session.secret))?.id).toBe(user.id);
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(grants.map((g) => g.role)).toEqual(["visitor"]);
    const welcome = await lastEmail("amna@example.pk", "welcome");
    expect(welcome.link).toBe("http://numaish.test/sign-in");
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "account.created"), eq(auditEntries.entityId, user.id)));
    expect(audit).toMatchObject({ entityType: "user", data: { via: "sign_up", role: "visitor" } });
  });

  it("answers a taken email exactly as a new one, and emails the account's owner in their language instead", async () => {
    const { call } = testApp(t.db);
    await createAccount(ctxFor(t.db), { email: "owner@example.pk", password: PASSWORD, name: "Owner", locale: "ur" });
    const before = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "owner@example.pk"));
    const fresh = await call("/api/v1/auth/sign-up", { json: { email: "fresh-one@example.pk", name: "Someone", locale: "en" } });
    const taken = await call("/api/v1/auth/sign-up", { json: { email: "OWNER@example.pk", name: "Someone", locale: "en" } });
    expect([fresh.status, taken.status]).toEqual([202, 202]);
    expect(taken.body).toEqual(fresh.body);
    expect(taken.text).toBe(fresh.text);
    expect([...taken.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort());
    expect(taken.headers.get("set-cookie")).toBeNull();
    // The owner is told, in the account's language (Urdu), not in the language of whoever asked.
    const existing = await lastEmail("owner@example.pk", "sign_up_existing");
    expect(existing.message.subject).toBe(ur["accounts.email.existing.subject"]);
    expect(existing.message.bodyText).toContain("http://numaish.test/forgot-password");
    const after = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "owner@example.pk"));
    expect(after.length - before.length).toBe(1);
    // No link to make another account for the address, and the account is unchanged.
    expect(await t.db.select().from(accountTokens).where(and(eq(accountTokens.email, "owner@example.pk"), eq(accountTokens.kind, "sign_up"), isNull(accountTokens.usedAt)))).toHaveLength(0);
    await expect(signIn(ctxFor(t.db), { email: "owner@example.pk", password: PASSWORD, ip: "10.7.0.2" })).resolves.toBeTruthy();
  });

  it("uses the link once only; other links of the address die with it; an expired link is refused", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ctx = ctxFor(t.db, undefined, "en", clock);
    await signUp(ctx, { email: "once@example.pk", name: "Once", ip: "10.7.1.1" });
    const first = (await lastEmail("once@example.pk", "sign_up_confirm")).secret;
    clock.advance(60_000);
    await signUp(ctx, { email: "once@example.pk", name: "Once Again", ip: "10.7.1.1" });
    const second = (await lastEmail("once@example.pk", "sign_up_confirm")).secret;
    expect(second).not.toBe(first);
    await confirmSignUp(ctx, { token: second, password: PASSWORD });
    await expect(confirmSignUp(ctx, { token: second, password: "another password!" })).rejects.toMatchObject({ code: "token_invalid" });
    await expect(confirmSignUp(ctx, { token: first, password: "another password!" })).rejects.toMatchObject({ code: "token_invalid" });
    await expect(getSignUp(ctx, second)).rejects.toMatchObject({ code: "token_invalid" });
    expect(await t.db.select().from(users).where(eq(users.email, "once@example.pk"))).toHaveLength(1);
    await expect(signIn(ctx, { email: "once@example.pk", password: PASSWORD, ip: "10.7.1.2" })).resolves.toBeTruthy();

    await signUp(ctx, { email: "late@example.pk", name: "Late", ip: "10.7.1.1" });
    const late = (await lastEmail("late@example.pk", "sign_up_confirm")).secret;
    clock.advance(24 * 60 * 60_000 + 1);
    await expect(confirmSignUp(ctx, { token: late, password: PASSWORD })).rejects.toMatchObject({ code: "token_invalid" });
    expect(await t.db.select().from(users).where(eq(users.email, "late@example.pk"))).toHaveLength(0);
  });

  it("turns two links used at once into one account", async () => {
    const ctx = ctxFor(t.db);
    await signUp(ctx, { email: "double@example.pk", name: "Double Click", ip: "10.7.2.1" });
    const { secret } = await lastEmail("double@example.pk", "sign_up_confirm");
    const results = await Promise.allSettled([confirmSignUp(ctx, { token: secret, password: PASSWORD }), confirmSignUp(ctx, { token: secret, password: PASSWORD })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "token_invalid" });
    expect(await t.db.select().from(users).where(eq(users.email, "double@example.pk"))).toHaveLength(1);
  });

  it("limits the emails one address can be sent, whether or not it has an account", async () => {
    const ctx = ctxFor(t.db);
    for (let i = 0; i < 5; i++) await signUp(ctx, { email: demo.visitor, name: "Spam", ip: `10.7.3.${i}` });
    await expect(signUp(ctx, { email: demo.visitor, name: "Spam", ip: "10.7.3.9" })).rejects.toMatchObject({ code: "rate_limited" });
    for (let i = 0; i < 5; i++) await signUp(ctx, { email: "nobody-yet@example.pk", name: "Spam", ip: `10.7.4.${i}` });
    await expect(signUp(ctx, { email: "nobody-yet@example.pk", name: "Spam", ip: "10.7.4.9" })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("refuses a bad email and an empty name with field codes, and a short password at the link", async () => {
    const e = await signUp(ctxFor(t.db), { email: "not-an-email", name: "" }).catch((x) => x);
    expect(e.code).toBe("validation_failed");
    expect(e.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "name"]);
    await signUp(ctxFor(t.db), { email: "short@example.pk", name: "Short", ip: "10.7.5.1" });
    const { secret } = await lastEmail("short@example.pk", "sign_up_confirm");
    const short = await confirmSignUp(ctxFor(t.db), { token: secret, password: "short" }).catch((x) => x);
    expect(short).toMatchObject({ code: "validation_failed", fields: [{ path: "password" }] });
    // A refused password does not use the link up.
    await expect(confirmSignUp(ctxFor(t.db), { token: secret, password: PASSWORD })).resolves.toBeTruthy();
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password, the session works over HTTP, and sign-out ends it", async () => {
    const ctx = ctxFor(t.db);
    await createAccount(ctx, { email: "inout@example.pk", password: PASSWORD, name: "In Out" });
    const { session, user } = await signIn(ctx, { email: "INOUT@example.pk", password: PASSWORD, ip: "10.0.0.1" });
    expect(user.email).toBe("inout@example.pk");
    // The answer is an allow-list of the account: never its password hash or disabled flag.
    expect(Object.keys(user).sort()).toEqual(["email", "id", "locale", "name"]);
    const { call } = testApp(t.db);
    const me = await call("/api/v1/me", { cookie: cookieOf(session.secret) });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe("inout@example.pk");

    await signOut(ctx, session.secret);
    expect(await findSessionUser(t.db, ctx.clock, session.secret)).toBeNull();
    expect((await call("/api/v1/me", { cookie: cookieOf(session.secret) })).status).toBe(401);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const ctx = ctxFor(t.db);
    await expect(signIn(ctx, { email: demo.visitor, password: "wrong password!", ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await expect(signIn(ctx, { email: "ghost@example.pk", password: PASSWORD, ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
  });

  it("rate-limits an email after 5 failures, even with the right password, until the window passes", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ctx = ctxFor(t.db, undefined, "en", clock);
    await createAccount(ctx, { email: "limited@example.pk", password: PASSWORD, name: "Limited" });
    for (let i = 0; i < 5; i++) {
      // Each from another address: the per-email limit is what holds here.
      await expect(signIn(ctx, { email: "limited@example.pk", password: "not the password", ip: `10.1.0.${i}` })).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    await expect(signIn(ctx, { email: "limited@example.pk", password: PASSWORD, ip: "10.1.1.1" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    // Other accounts are not affected.
    await expect(signIn(ctx, { email: demo.visitor, password: demo.password, ip: "10.1.1.1" })).resolves.toBeTruthy();
    clock.advance(16 * 60_000);
    await expect(signIn(ctx, { email: "limited@example.pk", password: PASSWORD, ip: "10.1.1.1" })).resolves.toBeTruthy();
  });
});

describe("sign-in refusals", () => {
  it("refuses a disabled account even with the right password", async () => {
    const ctx = ctxFor(t.db);
    const { user } = await createAccount(ctx, { email: "disabled@example.pk", password: PASSWORD, name: "Disabled" });
    await t.db.update(users).set({ disabledAt: ctx.clock.now() }).where(eq(users.id, user.id));
    await expect(signIn(ctx, { email: "disabled@example.pk", password: PASSWORD, ip: "10.4.0.1" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
  });

  it("rate-limits an address that tries many emails", async () => {
    const ctx = ctxFor(t.db, undefined, "en", fixedClock("2026-01-10T08:00:00Z"));
    for (let i = 0; i < 30; i++) {
      await signIn(ctx, { email: `spray-${i}@example.pk`, password: "guess guess", ip: "10.9.9.9" }).catch(() => {});
    }
    await expect(signIn(ctx, { email: demo.visitor, password: demo.password, ip: "10.9.9.9" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(signIn(ctx, { email: demo.visitor, password: demo.password, ip: "10.9.9.10" })).resolves.toBeTruthy();
  });
});

describe("password reset", () => {
  it("works end to end: emailed link, new password, old sessions gone, link used once", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ctx = ctxFor(t.db, undefined, "en", clock);
    const { user, session: oldSession } = await createAccount(ctx, { email: "forgetful@example.pk", password: PASSWORD, name: "Forgetful" });

    await requestPasswordReset(ctx, { email: "Forgetful@example.pk" });
    const { link, secret } = await lastEmail("forgetful@example.pk", "password_reset");
    expect(link).toMatch(/^http:\/\/numaish\.test\/reset-password\/[\w-]{20,}$/);

    clock.advance(30 * 60_000);
    await resetPassword(ctx, { token: secret, password: "a brand new password" });
    expect(await findSessionUser(t.db, clock, oldSession.secret)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    await expect(signIn(ctx, { email: "forgetful@example.pk", password: PASSWORD, ip: "10.2.0.1" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await expect(signIn(ctx, { email: "forgetful@example.pk", password: "a brand new password", ip: "10.2.0.1" })).resolves.toBeTruthy();

    await expect(resetPassword(ctx, { token: secret, password: "yet another password" })).rejects.toMatchObject({
      code: "token_invalid",
    });
  });

  it("voids every other outstanding link when one is used", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ctx = ctxFor(t.db, undefined, "en", clock);
    await createAccount(ctx, { email: "twice@example.pk", password: PASSWORD, name: "Asked Twice" });
    await requestPasswordReset(ctx, { email: "twice@example.pk" });
    const first = (await lastEmail("twice@example.pk", "password_reset")).secret;
    clock.advance(60_000);
    await requestPasswordReset(ctx, { email: "twice@example.pk" });
    const second = (await lastEmail("twice@example.pk", "password_reset")).secret;
    expect(second).not.toBe(first);
    await resetPassword(ctx, { token: second, password: "the password I chose" });
    await expect(resetPassword(ctx, { token: first, password: "an attacker's choice" })).rejects.toMatchObject({ code: "token_invalid" });
    await expect(signIn(ctx, { email: "twice@example.pk", password: "the password I chose", ip: "10.4.0.1" })).resolves.toBeTruthy();
  });

  it("refuses an expired link", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const ctx = ctxFor(t.db, undefined, "en", clock);
    await createAccount(ctx, { email: "slow@example.pk", password: PASSWORD, name: "Slow Reader" });
    await requestPasswordReset(ctx, { email: "slow@example.pk" });
    const { secret } = await lastEmail("slow@example.pk", "password_reset");
    clock.advance(61 * 60_000);
    await expect(resetPassword(ctx, { token: secret, password: "too late password" })).rejects.toMatchObject({
      code: "token_invalid",
    });
    await expect(signIn(ctx, { email: "slow@example.pk", password: PASSWORD, ip: "10.3.0.1" })).resolves.toBeTruthy();
  });

  it("answers the same for an unknown email and queues nothing", async () => {
    await expect(requestPasswordReset(ctxFor(t.db), { email: "nobody@example.pk" })).resolves.toBeUndefined();
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "nobody@example.pk"))).toHaveLength(0);
  });
});

describe("invitations", () => {
  it("invites a trade-body representative bound to one trade body; accepting creates the account with that grant", async () => {
    const organiser = await actorFor(t.db, demo.organiser);
    const staff = ctxFor(t.db, organiser);
    const [body] = await t.db.select().from(tradeBodies).limit(1);
    const { invitationId } = await invitePerson(staff, { email: "rep@chamber.example.pk", role: "trade_body_rep", tradeBodyId: body!.id });
    const { link, secret } = await lastEmail("rep@chamber.example.pk", "invitation");
    expect(link).toMatch(/^http:\/\/numaish\.test\/invitation\//);
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, invitationId));
    expect(audit.map((a) => a.action)).toEqual(["account.invited"]);

    const anon = ctxFor(t.db);
    expect(await getInvitation(anon, secret)).toEqual({ email: "rep@chamber.example.pk", role: "trade_body_rep" });
    const { user, session } = await acceptInvitation(anon, { token: secret, name: "Rep Person", password: PASSWORD });
    expect(user.email).toBe("rep@chamber.example.pk");
    expect((await findSessionUser(t.db, anon.clock, session.secret))?.id).toBe(user.id);
    const actor = await actorForUser(t.db, user);
    expect(actor.kind === "user" && actor.grants).toEqual([
      { role: "trade_body_rep", organiserId: body!.organiserId, tradeBodyId: body!.id, enterpriseId: null },
    ]);

    await expect(acceptInvitation(anon, { token: secret, name: "Again", password: PASSWORD })).rejects.toMatchObject({
      code: "token_invalid",
    });
    await expect(getInvitation(anon, secret)).rejects.toMatchObject({ code: "token_invalid" });
  });

  it("adds the role to an existing account only for whoever knows its password", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    await invitePerson(staff, { email: demo.visitor, role: "reviewer" });
    const { secret } = await lastEmail(demo.visitor, "invitation");
    const anon = ctxFor(t.db);
    // Whoever reads the link cannot take the account over with a password of their own.
    await expect(
      acceptInvitation(anon, { token: secret, name: "Someone Else", password: "an attacker's password" }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(signIn(anon, { email: demo.visitor, password: "an attacker's password", ip: "10.5.0.1" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    // The refused attempt did not use the link up; the owner accepts with their password.
    const { user } = await acceptInvitation(anon, { token: secret, name: "Visitor", password: demo.password });
    const actor = await actorForUser(t.db, user);
    expect(actor.kind === "user" && actor.grants.map((g) => g.role).sort()).toEqual(["reviewer", "visitor"]);
    await expect(signIn(anon, { email: demo.visitor, password: demo.password, ip: "10.5.0.2" })).resolves.toBeTruthy();
  });

  it("refuses an expired invitation and a rep without a trade body", async () => {
    const clock = fixedClock("2026-01-10T08:00:00Z");
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", clock);
    await invitePerson(staff, { email: "late@example.pk", role: "reviewer" });
    const { secret } = await lastEmail("late@example.pk", "invitation");
    clock.advance(8 * 86_400_000);
    await expect(acceptInvitation(ctxFor(t.db, undefined, "en", clock), { token: secret, name: "Late", password: PASSWORD })).rejects.toMatchObject({
      code: "token_invalid",
    });
    const e = await invitePerson(staff, { email: "rep2@example.pk", role: "trade_body_rep" }).catch((x) => x);
    expect(e).toMatchObject({ code: "validation_failed" });
    expect(e.fields.map((f: { path: string }) => f.path)).toContain("tradeBodyId");
  });

  it("refuses invitations from a visitor, an anonymous caller and into platform admin", async () => {
    const [body] = await t.db.select().from(tradeBodies).limit(1);
    const input = { email: "sneaky@example.pk", role: "trade_body_rep" as const, tradeBodyId: body!.id };
    await expect(invitePerson(ctxFor(t.db, await actorFor(t.db, demo.visitor)), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(invitePerson(ctxFor(t.db), input)).rejects.toMatchObject({ code: expect.stringMatching(/^(unauthenticated|forbidden)$/) });
    await expect(
      invitePerson(ctxFor(t.db, await actorFor(t.db, demo.organiser)), invalid({ email: "boss@example.pk", role: "platform_admin" })),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "sneaky@example.pk"))).toHaveLength(0);
  });
});

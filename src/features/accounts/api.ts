import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { clearSessionCookie, sessionCookie } from "../../platform/http/cookies";
import type { AppEnv } from "../../platform/http/request-context";
import { locales } from "../../platform/i18n/locales";
import { apiTokenScopes, roles } from "../../platform/permissions/actor";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, publicErrors, security } from "../../platform/http/openapi";
import { findGrants } from "./grants";
import { createApiToken, listApiTokens, revokeApiToken } from "./operations/api-tokens";
import { invitePerson } from "./operations/invitations";
import { getOwnAccount, updateOwnAccount } from "./operations/own-account";
import { requestPasswordReset, resetPassword } from "./operations/password-reset";
import { signIn, signOut } from "./operations/sign-in";
import { confirmSignUp, signUp } from "./operations/sign-up";
import type { SignedInUser } from "./presenters";

const timestamp = z.iso.datetime().openapi({ example: "2026-01-10T08:00:00.000Z" });
const grantSchema = z.object({
  role: z.enum(roles),
  organiserId: z.string().nullable(),
  tradeBodyId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
});

export const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(locales),
    grants: z.array(grantSchema),
  })
  .openapi("Account");

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The first characters of the token, to recognise it" }),
    scopes: z.array(z.enum(apiTokenScopes)),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .openapi("ApiToken");

const email = z.string().max(254).openapi({ example: "visitor@demo.numaish.pk" });
const password = z.string().max(200);
// Only documented here: the operation checks it, together with its other rules,
// so a caller gets every field issue in one answer.
const newPassword = password.openapi({ minLength: 10 });
const signInBody = z.strictObject({ email, password }).openapi("SignIn");
const signUpBody = z
  .strictObject({ email, name: z.string().max(120), locale: z.enum(locales).optional().openapi({ description: "Language of the email and of the account" }) })
  .openapi("SignUp");
const updateMeBody = z.strictObject({ name: z.string().max(120).optional(), locale: z.enum(locales).optional() });
const createTokenBody = z.strictObject({ name: z.string().max(80), scopes: z.array(z.enum(apiTokenScopes)) });
const inviteBody = z
  .strictObject({
    email,
    role: z.enum(roles).exclude(["platform_admin"]),
    tradeBodyId: z.uuid().nullish().openapi({ description: "Required for trade_body_rep" }),
    enterpriseId: z.uuid().nullish().openapi({ description: "Required for exhibitor" }),
    locale: z.enum(locales).optional().openapi({ description: "Language of the invitation email" }),
  })
  .openapi("Invitation");
const okSchema = z.object({ ok: z.literal(true) });
const noContent = { 204: { description: "Done" } } as const;

type Session = { secret: string; expiresAt: Date };

/** Answer a sign-in or a confirmed sign-up: the account, and the session in an HttpOnly cookie. */
async function signedIn(c: Context<AppEnv>, user: SignedInUser, session: Session) {
  const { ctx } = c.get("req");
  c.header("Set-Cookie", sessionCookie(session.secret, ctx.config.secureCookies));
  const locale = user.locale === "ur" ? "ur" : "en";
  return { id: user.id, email: user.email, name: user.name, locale, grants: await findGrants(ctx.db, user.id) } as const;
}

export function accountsApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["accounts"];

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnAccount",
      path: "/me",
      summary: "The signed-in account and its roles",
      tags,
      security: security.session,
      responses: { 200: jsonResponse(accountSchema, "The account"), ...errorResponses },
    }),
    async (c) => c.json(await getOwnAccount(c.get("req").ctx), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      operationId: "updateOwnAccount",
      path: "/me",
      summary: "Change the signed-in account's name or language",
      tags,
      security: security.session,
      request: { body: jsonBody(updateMeBody) },
      responses: { 200: jsonResponse(accountSchema, "The updated account"), ...errorResponses },
    }),
    async (c) => c.json(await updateOwnAccount(c.get("req").ctx, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "signUp",
      path: "/auth/sign-up",
      summary: "Start a visitor account: email a link to choose the password",
      description:
        "Answers the same whether or not the email has an account, so nobody learns from it who has one. A new address is emailed a link (valid 24 hours, single use) " +
        "whose token `POST /auth/sign-up/confirm` takes with the password; an address that has an account is emailed how to sign in or reset the password. " +
        "Limited per email and per address (`rate_limited`, 429).",
      tags,
      security: security.none,
      request: { body: jsonBody(signUpBody) },
      responses: {
        202: jsonResponse(okSchema, "Accepted: an email is on its way to the address"),
        ...publicErrors,
        429: errorResponse("Too many sign-ups for this email or from this address (`rate_limited`)"),
      },
    }),
    async (c) => {
      const r = c.get("req");
      await signUp(r.ctx, { ...c.req.valid("json"), ip: r.ip });
      return c.json({ ok: true as const }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "confirmSignUp",
      path: "/auth/sign-up/confirm",
      summary: "Create the account with the emailed token and a password, and sign in",
      description: "Sets the session cookie. The token works once; any other sign-up link of the address stops working. Audited (`account.created`).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ token: z.string().max(200), password: newPassword }).openapi("SignUpConfirm")) },
      responses: {
        201: jsonResponse(accountSchema, "The new account"),
        ...publicErrors,
        410: errorResponse("The link is invalid, used or expired (`token_invalid`)"),
      },
    }),
    async (c) => {
      const r = c.get("req");
      const { user, session } = await confirmSignUp(r.ctx, { ...c.req.valid("json"), userAgent: r.userAgent });
      return c.json(await signedIn(c, user, session), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "signIn",
      path: "/auth/sign-in",
      summary: "Sign in with email and password",
      description: "Sets the session cookie. Five failed attempts for one email within 15 minutes block sign-in (`rate_limited`).",
      tags,
      security: security.none,
      request: { body: jsonBody(signInBody) },
      responses: {
        200: jsonResponse(accountSchema, "Signed in"),
        ...publicErrors,
        401: errorResponse("Wrong email or password (`invalid_credentials`)"),
        429: errorResponse("Too many failed attempts (`rate_limited`)"),
      },
    }),
    async (c) => {
      const r = c.get("req");
      const { user, session } = await signIn(r.ctx, { ...c.req.valid("json"), ip: r.ip, userAgent: r.userAgent });
      return c.json(await signedIn(c, user, session), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "signOut",
      path: "/auth/sign-out",
      summary: "End the current session",
      tags,
      security: security.session,
      responses: { ...noContent, 403: errorResponses[403] },
    }),
    async (c) => {
      const r = c.get("req");
      await signOut(r.ctx, r.sessionSecret);
      c.header("Set-Cookie", clearSessionCookie(r.ctx.config.secureCookies));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "requestPasswordReset",
      path: "/auth/password-reset",
      summary: "Email a password-reset link",
      description: "Answers the same whether or not the email has an account.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ email })) },
      responses: { 202: jsonResponse(okSchema, "Queued when the account exists"), ...publicErrors },
    }),
    async (c) => {
      await requestPasswordReset(c.get("req").ctx, c.req.valid("json"));
      return c.json({ ok: true as const }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "resetPassword",
      path: "/auth/password-reset/confirm",
      summary: "Set a new password with the emailed token",
      description: "Signs out every session of the account.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ token: z.string().max(200), password: newPassword })) },
      responses: {
        200: jsonResponse(okSchema, "Password changed"),
        ...publicErrors,
        410: errorResponse("The link is invalid, used or expired (`token_invalid`)"),
      },
    }),
    async (c) => {
      await resetPassword(c.get("req").ctx, c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  );

  const tokenTags = ["api tokens"];
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listApiTokens",
      path: "/api-tokens",
      summary: "The organiser's API tokens (organiser staff)",
      tags: tokenTags,
      security: security.session,
      responses: { 200: jsonResponse(z.array(tokenSchema), "Tokens, newest first"), ...errorResponses },
    }),
    async (c) => c.json(await listApiTokens(c.get("req").ctx), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "createApiToken",
      path: "/api-tokens",
      summary: "Create an API token with scopes (organiser staff)",
      description: "The token is shown once in the answer; only its hash is kept.",
      tags: tokenTags,
      security: security.session,
      request: { body: jsonBody(createTokenBody) },
      responses: {
        201: jsonResponse(z.object({ id: z.string(), token: z.string() }), "The new token"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createApiToken(c.get("req").ctx, c.req.valid("json")), 201),
  );

  api.openapi(
    createRoute({
      method: "delete",
      operationId: "revokeApiToken",
      path: "/api-tokens/{id}",
      summary: "Revoke an API token (organiser staff)",
      tags: tokenTags,
      security: security.session,
      request: { params: idParams },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      await revokeApiToken(c.get("req").ctx, c.req.valid("param"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "invitePerson",
      path: "/invitations",
      summary: "Invite a person into a role of the organiser (organiser staff)",
      description: "The invitation link is emailed to the person; it is valid for 7 days.",
      tags,
      security: security.session,
      request: { body: jsonBody(inviteBody) },
      responses: { 201: jsonResponse(z.object({ invitationId: z.string() }), "Invitation queued"), ...errorResponses },
    }),
    async (c) => {
      const { invitationId } = await invitePerson(c.get("req").ctx, c.req.valid("json"));
      return c.json({ invitationId }, 201);
    },
  );

  return api;
}

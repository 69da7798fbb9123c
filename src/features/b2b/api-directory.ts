import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { directory } from "./operations/directory";
import { participantCard } from "./operations/participant-card";
import { listParticipants } from "./operations/participants-admin";
import { recommendationsFor } from "./operations/recommendations";

// The directory, one participant's card, recommendations and the organiser's participant list over the API (issue #11,
// item 3), over the same operations as the pages. A participant names itself in the body (its id
// when signed in, or its B2B link's token): never in a URL, where logs would keep the token.

const tags = ["b2b matchmaking"];
const uuid = z.string().openapi({ format: "uuid" });
const kind = z.enum(["sme", "buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]);
const refBody = {
  participantId: uuid.optional().openapi({ description: "Signed in: the participant the account acts for" }),
  token: z.string().max(128).optional().openapi({ description: "Without an account: the token of the participant's B2B link" }),
};
const named = z.object({ nameEn: z.string(), nameUr: z.string().nullable() });
const card = z
  .object({
    id: uuid,
    side: z.enum(["sme", "buyer"]),
    kind,
    nameEn: z.string(),
    nameUr: z.string().nullable(),
    organisation: z.string().nullable(),
    designation: z.string().nullable(),
    womenLed: z.boolean(),
    sizeClass: z.enum(["micro", "small", "medium"]).nullable(),
    cluster: named.extend({ slug: z.string() }).nullable(),
    sector: named.extend({ code: z.string() }).nullable(),
    district: z.string().nullable(),
    province: z.string().nullable(),
    productsEn: z.string(),
    productsUr: z.string(),
    offersEn: z.string(),
    offersUr: z.string(),
    needsEn: z.string(),
    needsUr: z.string(),
    hsCodes: z.array(z.string()),
    certifications: z.array(z.string()),
    markets: z.array(z.string()),
    country: z.string().nullable(),
    languages: z.array(z.string()),
    sectors: z.array(z.string()),
    exportReadiness: z.enum(["none", "starting", "occasional", "regular"]).nullable(),
    completeness: z.number().int(),
    exportScore: z
      .object({ score: z.number().int(), band: z.enum(["emerging", "developing", "ready", "advanced"]) })
      .nullable()
      .optional()
      .openapi({ description: "An exhibitor's export-readiness score from its baseline answers, by the published method (/baseline/method); directory only" }),
  })
  .openapi("B2bCard", { description: "A participant as the other side sees it: never an email or phone." });
const viewer = z.object({ id: uuid, side: z.enum(["sme", "buyer"]), kind, editionId: uuid });

const directoryBody = z
  .strictObject({
    ...refBody,
    q: z.string().max(200).optional().openapi({ description: "Words in names, products, offers, needs, cluster (English or Urdu); digits match HS codes by prefix (9018 finds 9018.90)" }),
    kind: kind.optional(),
    sector: z.string().max(80).optional().openapi({ description: "A sector code or name" }),
    cluster: z.string().max(80).optional().openapi({ description: "A cluster's slug" }),
    province: z.string().max(80).optional(),
    womenLed: z.boolean().optional(),
    sizeClass: z.enum(["micro", "small", "medium"]).optional(),
    certification: z.string().max(80).optional(),
    exportReadiness: z.enum(["none", "starting", "occasional", "regular"]).optional(),
    exportBand: z.enum(["emerging", "developing", "ready", "advanced"]).optional().openapi({ description: "Exhibitors whose baseline export-readiness score is in this band or higher" }),
    page: z.number().int().optional().openapi({ description: "1-based; 20 cards a page" }),
  })
  .openapi("B2bDirectoryQuery");

const reason = z
  .object({ code: z.string(), text: z.string().openapi({ description: "The reason in the caller's language (Accept-Language)" }) })
  .catchall(z.unknown())
  .openapi("B2bReason", { description: "A structured reason (code and its parameters, see the matchmaking docs) and its sentence" });

export function b2bDirectoryApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "b2bDirectory",
      path: "/b2b/directory",
      summary: "The other side of the caller's B2B programme",
      description:
        "By account (`participantId`) or B2B link (`token`). Only participants that are approved, opted in and not withdrawn; never contact details. Searched and filtered; 20 a page, the most complete profiles first. A POST so that a token never sits in a URL. A withdrawn caller is `b2b_participant_withdrawn` (409).",
      tags,
      security: security.none,
      request: { body: jsonBody(directoryBody) },
      responses: {
        200: jsonResponse(z.object({ viewer, page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pages: z.number().int(), cards: z.array(card) }), "One page of cards"),
        ...errorResponses,
        409: errorResponse("`b2b_participant_withdrawn`"),
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await directory(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "b2bRecommendations",
      path: "/b2b/recommendations",
      summary: "The caller's recommended counterparts, with reasons",
      description:
        "By account or B2B link. Best first, each with its card, a 0–1 score and reasons (structured, and as sentences in the caller's language). Never someone the caller already has a request with (any status), of its own enterprise, withdrawn or unlisted, or fully booked. Computed from the stored profiles on every call.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...refBody, limit: z.number().int().optional().openapi({ description: "1–50, default 20" }) }).openapi("B2bRecommendationsQuery")) },
      responses: {
        200: jsonResponse(z.object({ viewer, recommendations: z.array(z.object({ card, score: z.number(), reasons: z.array(reason) })) }), "The recommendations"),
        ...errorResponses,
        409: errorResponse("`b2b_participant_withdrawn`"),
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json((await recommendationsFor(c.get("req").ctx, c.req.valid("json"))) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "b2bParticipantCard",
      path: "/b2b/participants/{id}/card",
      summary: "One participant of the other side, as its page shows it",
      description:
        "By account or B2B link, in the body. The participant's card when the directory lists it (`listed`) or when the two have a meeting (`meets`, even once it left the directory); its contact (name, email, phone) only when the two have an accepted request. Anything else, of the caller's own side or made up, is `not_found` (404), as a missing id is.",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject(refBody).openapi("B2bCallerRef")) },
      responses: {
        200: jsonResponse(
          z.object({
            viewer: z.object({ id: uuid, side: z.enum(["sme", "buyer"]) }),
            card,
            listed: z.boolean(),
            meets: z.boolean(),
            contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
            media: z
              .object({ catalogue: z.string(), logo: z.string().nullable(), photos: z.array(z.string()) })
              .nullable()
              .openapi({ description: "An exhibitor's logo and photos (paths) and its catalogue page, when its catalogue profile is published" }),
          }),
          "The participant",
        ),
        ...errorResponses,
        409: errorResponse("`b2b_participant_withdrawn`"),
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await participantCard(c.get("req").ctx, { ...c.req.valid("json"), id: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listB2bParticipants",
      path: "/editions/{id}/b2b-participants",
      summary: "The edition's B2B participants (organisers)",
      description: "Organiser staff (`b2b.manage`). Both sides with kind, completeness, consent and withdrawal, and counts. `incomplete=true`: only the empty or incomplete profiles (not withdrawn), the list to chase.",
      tags,
      security: security.session,
      request: {
        params: idParams,
        query: z.object({ incomplete: z.enum(["true", "false"]).optional(), side: z.enum(["sme", "buyer"]).optional() }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }),
            counts: z.object({ total: z.number().int(), sme: z.number().int(), buyer: z.number().int(), optedIn: z.number().int(), withdrawn: z.number().int(), empty: z.number().int(), incomplete: z.number().int() }),
            participants: z.array(
              z.object({
                id: uuid,
                side: z.enum(["sme", "buyer"]),
                kind,
                nameEn: z.string(),
                nameUr: z.string().nullable(),
                organisation: z.string().nullable(),
                completeness: z.number().int(),
                saved: z.boolean(),
                approved: z.boolean(),
                optedIn: z.boolean(),
                withdrawnAt: z.string().nullable(),
                hasLink: z.boolean(),
              }),
            ),
          }),
          "The participants",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await listParticipants(c.get("req").ctx, { editionId: c.req.valid("param").id, ...(q.incomplete ? { incomplete: q.incomplete === "true" } : {}), ...(q.side ? { side: q.side } : {}) }), 200);
    },
  );
  return api;
}

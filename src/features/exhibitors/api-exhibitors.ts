import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { catalogue, catalogueExhibitor } from "./operations/catalogue";
import { ownPortal, saveProfile } from "./operations/profile";

// The catalogue and the exhibitor's own profile over the API (issue #12, item 7), over the same
// operations as the pages: the catalogue is public (published profiles of a published edition);
// the profile is the signed-in exhibitor's own, read and updated by its session.

const tags = ["exhibitors"];
const slugParam = z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" });
const named = z.object({ slug: z.string(), nameEn: z.string(), nameUr: z.string() });
const product = z.object({ id: z.string().openapi({ format: "uuid" }), nameEn: z.string(), nameUr: z.string(), hsCode: z.string().openapi({ example: "901890" }), descriptionEn: z.string(), descriptionUr: z.string() });
const exhibitor = z
  .object({
    slug: z.string(),
    nameEn: z.string(),
    nameUr: z.string().nullable(),
    fasciaEn: z.string().nullable(),
    fasciaUr: z.string().nullable(),
    descriptionEn: z.string(),
    descriptionUr: z.string(),
    sizeClass: z.enum(["micro", "small", "medium"]),
    womenLed: z.boolean(),
    province: z.string().nullable(),
    district: z.string().nullable(),
    cluster: named.nullable(),
    sector: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
    certifications: z.array(z.string()),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    logoId: z.string().nullable(),
    photoIds: z.array(z.string()),
    stall: z.object({ hall: z.string(), number: z.string() }).nullable().openapi({ description: "The confirmed stall; its page is /editions/{slug}/floor/{hall}/stalls/{number}" }),
    products: z.array(product),
  })
  .openapi("CatalogueExhibitor");
const editionRef = z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string() });
const profileFields = z
  .object({
    descriptionEn: z.string().max(2000).optional(),
    descriptionUr: z.string().max(2000).optional(),
    certifications: z.array(z.string().max(100)).max(20).optional(),
    email: z.string().max(200).nullable().optional(),
    phone: z.string().max(40).nullable().optional().openapi({ description: "A Pakistani mobile number; stored as +923XXXXXXXXX" }),
    website: z.string().max(200).nullable().optional(),
    fasciaEn: z.string().max(60).nullable().optional(),
    fasciaUr: z.string().max(60).nullable().optional(),
    powerNeed: z.enum(["none", "single_phase", "three_phase"]).nullable().optional(),
    stepFree: z.boolean().optional().openapi({ description: "Someone at the stand needs step-free access: a need the allocation meets even outside the pavilion" }),
    wantsCorner: z.boolean().optional().openapi({ description: "A wish for a corner stall, met inside the pavilion when one is free" }),
    stallAreaM2: z.number().gt(0).max(500).nullable().optional().openapi({ description: "The floor area needed, in m² (null: a standard stall)" }),
    womenEnclave: z.boolean().nullable().optional().openapi({ description: "A women-led micro enterprise's choice of the women entrepreneurs' enclave (null: not said, taken as yes)" }),
    samples: z.string().max(500).nullable().optional(),
    published: z.boolean().optional(),
  })
  .openapi("ExhibitorProfileFields");

export function exhibitorsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getCatalogue",
      path: "/editions/{slug}/catalogue",
      summary: "The public catalogue: published exhibitors and their products, filtered and searched (English or Urdu)",
      tags,
      security: security.none,
      request: {
        params: z.object({ slug: slugParam }),
        query: z.object({
          q: z.string().max(200).optional().openapi({ example: "فورسیپس" }),
          sector: z.string().max(40).optional(),
          cluster: z.string().max(100).optional(),
          province: z.string().max(60).optional(),
          district: z.string().max(60).optional(),
          womenLed: z.enum(["true", "false"]).optional(),
          size: z.enum(["micro", "small", "medium"]).optional(),
          page: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ edition: editionRef, total: z.number().int(), count: z.number().int(), pages: z.number().int(), exhibitors: z.array(exhibitor) }).openapi("Catalogue"), "Exhibitors, 40 a page"),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const r = await catalogue(c.get("req").ctx, { slug: c.req.valid("param").slug, ...q, womenLed: q.womenLed === "true" });
      return c.json({ edition: r.edition, total: r.total, count: r.count, pages: r.pages, exhibitors: r.exhibitors } as never, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getCatalogueExhibitor",
      path: "/editions/{slug}/catalogue/{exhibitor}",
      summary: "One published exhibitor of the catalogue, with its products and stall",
      tags,
      security: security.none,
      request: { params: z.object({ slug: slugParam, exhibitor: z.string().max(120).openapi({ param: { name: "exhibitor", in: "path" }, example: "belveta-surgical-works" }) }) },
      responses: { 200: jsonResponse(z.object({ edition: editionRef, exhibitor }), "The exhibitor"), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json((await catalogueExhibitor(c.get("req").ctx, c.req.valid("param"))) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnExhibitorProfile",
      path: "/exhibitor/profile",
      summary: "The signed-in exhibitor's own profile for an edition, its checklist, stall and the organiser's messages",
      tags,
      security: security.session,
      request: { query: z.object({ editionId: z.uuid().optional() }) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("ExhibitorPortal"), "The portal"), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => c.json((await ownPortal(c.get("req").ctx, c.req.valid("query").editionId)) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "updateOwnExhibitorProfile",
      path: "/exhibitor/profile",
      summary: "Update the signed-in exhibitor's own profile for an edition (the enterprise is the account's own, never named)",
      tags,
      security: security.session,
      request: { body: jsonBody(profileFields.extend({ editionId: z.uuid().optional() })) },
      responses: {
        200: jsonResponse(z.object({ profileId: z.string(), editionId: z.string() }), "Saved"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await saveProfile(c.get("req").ctx, c.req.valid("json")), 200),
  );
  return api;
}

import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppServices } from "../../platform/context";
import { DomainError } from "../../platform/errors";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { createCluster, deleteCluster, updateCluster } from "./operations/clusters";
import { copyEdition } from "./operations/copy-edition";
import { getPublicEdition, listEditions } from "./operations/read-editions";
import { addTradeBody, createSector } from "./operations/sectors-and-trade-bodies";
import { patchEdition } from "./operations/update-edition";
import { provinces } from "./schemas";
import { clusters } from "./tables";
import { asOneOf } from "../../web/form-fields";

// Response shapes. Timestamps are ISO strings, calendar days `YYYY-MM-DD`.
const uuid = z.string().openapi({ format: "uuid" });
const day = z.string().openapi({ format: "date", example: "2026-01-24" });
const timestamp = z.iso.datetime();
const status = z.enum(["draft", "published", "archived"]);
const tradeBodyKind = z.enum(["chamber", "women_chamber", "association"]);
const province = z.enum(provinces);

const editionSchema = z
  .object({
    id: uuid,
    organiserId: uuid,
    slug: z.string(),
    year: z.number().int(),
    nameEn: z.string(),
    nameUr: z.string(),
    taglineEn: z.string(),
    taglineUr: z.string(),
    startsOn: day,
    endsOn: day,
    timezone: z.string().openapi({ example: "Asia/Karachi" }),
    venueId: uuid,
    status,
    copiedFromId: uuid.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi("Edition");

const sectorSchema = z
  .object({ id: uuid, editionId: uuid, code: z.string(), nameEn: z.string(), nameUr: z.string(), sort: z.number().int() })
  .openapi("Sector");

const clusterSchema = z
  .object({
    id: uuid,
    editionId: uuid,
    sectorId: uuid.nullable(),
    slug: z.string(),
    nameEn: z.string(),
    nameUr: z.string(),
    district: z.string(),
    province: z.string(),
    hsCodes: z.array(z.string()),
  })
  .openapi("Cluster");

const tradeBodySchema = z
  .object({
    id: uuid,
    organiserId: uuid,
    slug: z.string(),
    kind: tradeBodyKind,
    nameEn: z.string(),
    nameUr: z.string(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    nominationQuota: z.number().int(),
  })
  .openapi("TradeBody");

const named = { nameEn: z.string(), nameUr: z.string() };
const editionDetailsSchema = z
  .object({
    edition: editionSchema,
    organiser: z.object({ id: uuid, slug: z.string(), ...named, shortName: z.string(), createdAt: timestamp }),
    venue: z.object({
      id: uuid,
      organiserId: uuid,
      slug: z.string(),
      ...named,
      address: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
    spaces: z.array(
      z.object({ id: uuid, venueId: uuid, slug: z.string(), kind: z.enum(["hall", "foyer", "auditorium"]), ...named, sort: z.number() }),
    ),
    sectors: z.array(sectorSchema),
    clusters: z.array(clusterSchema),
    tradeBodies: z.array(tradeBodySchema),
    visitorCategories: z.array(
      z.object({
        id: uuid,
        editionId: uuid,
        code: z.string(),
        ...named,
        needsApproval: z.boolean(),
        colour: z.string(),
        sort: z.number(),
      }),
    ),
    enterpriseCount: z.number().int(),
    womenLedCount: z.number().int(),
  })
  .openapi("EditionDetails");

// Request bodies: strict, so an unknown field is a 400 rather than ignored.
const text = (max: number) => z.string().max(max);
const editionPatch = z
  .strictObject({
    nameEn: text(200),
    nameUr: text(200),
    taglineEn: text(300),
    taglineUr: text(300),
    startsOn: day,
    endsOn: day,
    timezone: text(64),
    status,
  })
  .partial()
  .openapi("EditionPatch");
const copyBody = z
  .strictObject({ slug: text(60), year: z.number().int(), startsOn: day })
  .openapi("EditionCopy", { description: "Settings, sectors, clusters and trade bodies are copied; the copy is a draft." });
const sectorBody = z.strictObject({ code: text(60), nameEn: text(200), nameUr: text(200) }).openapi("SectorInput");
const clusterFields = {
  slug: text(60),
  sectorId: z.uuid().nullable(),
  nameEn: text(200),
  nameUr: text(200),
  district: text(80),
  province,
  hsCodes: z.array(z.string().openapi({ example: "9018" })).max(20),
};
const clusterBody = z
  .strictObject({ ...clusterFields, sectorId: clusterFields.sectorId.optional(), hsCodes: clusterFields.hsCodes.optional() })
  .openapi("ClusterInput");
const clusterPatch = z.strictObject(clusterFields).partial().openapi("ClusterPatch");
const tradeBodyBody = z
  .strictObject({
    slug: text(60),
    kind: tradeBodyKind,
    nameEn: text(200),
    nameUr: text(200),
    city: text(80).optional(),
    province: province.optional(),
    nominationQuota: z.number().int().min(0).max(1000).optional().openapi({ description: "Nominations this body may make; default 10" }),
  })
  .openapi("TradeBodyInput");

const noContent = { 204: { description: "Deleted" } } as const;

export function editionsApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["editions"];
  const staffTags = ["editions (organiser)"];

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getCurrentEdition",
      path: "/editions/current",
      summary: "The current published edition with its venue, sectors, clusters and trade bodies",
      tags,
      security: security.none,
      responses: { 200: jsonResponse(editionDetailsSchema, "The edition"), 404: errorResponses[404] },
    }),
    async (c) => {
      const details = await getPublicEdition(c.get("req").ctx);
      if (!details) throw new DomainError("not_found", { params: { what: "edition" } });
      return c.json(details, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getEdition",
      path: "/editions/{slug}",
      summary: "A published edition by its short name (drafts only for its organiser)",
      tags,
      security: security.none,
      request: {
        params: z.object({ slug: z.string().max(60).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }) }),
      },
      responses: { 200: jsonResponse(editionDetailsSchema, "The edition"), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json((await getPublicEdition(c.get("req").ctx, c.req.valid("param").slug))!, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listEditions",
      path: "/editions",
      summary: "The caller's organiser's editions, newest first",
      description: "Organiser staff, or an API token with `catalogue:read`.",
      tags: staffTags,
      security: security.either,
      responses: { 200: jsonResponse(z.array(editionSchema), "Editions"), ...errorResponses },
    }),
    async (c) => c.json(await listEditions(c.get("req").ctx), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      operationId: "updateEdition",
      path: "/editions/{id}",
      summary: "Change an edition's names, dates, timezone or status",
      description: "Fields left out keep their value. Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams, body: jsonBody(editionPatch) },
      responses: { 200: jsonResponse(editionSchema, "The updated edition"), ...errorResponses },
    }),
    async (c) => {
      // The operation locks the row, authorises, merges the given fields and checks the whole.
      return c.json(await patchEdition(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "copyEdition",
      path: "/editions/{id}/copy",
      summary: "Start next year's edition as a copy of this one",
      description: "Organiser staff only. Audited.",
      tags: staffTags,
      security: security.session,
      request: { params: idParams, body: jsonBody(copyBody) },
      responses: { 201: jsonResponse(editionSchema, "The new draft edition"), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await copyEdition(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "addSector",
      path: "/editions/{id}/sectors",
      summary: "Add a sector to an edition",
      description: "Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams, body: jsonBody(sectorBody) },
      responses: { 201: jsonResponse(sectorSchema, "The new sector"), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createSector(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "addCluster",
      path: "/editions/{id}/clusters",
      summary: "Add a cluster to an edition",
      description: "Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams, body: jsonBody(clusterBody) },
      responses: { 201: jsonResponse(clusterSchema, "The new cluster"), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const input = { sectorId: null, hsCodes: [], ...body, editionId: c.req.valid("param").id };
      return c.json(await createCluster(c.get("req").ctx, input), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      operationId: "updateCluster",
      path: "/clusters/{id}",
      summary: "Change a cluster",
      description: "Fields left out keep their value. Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams, body: jsonBody(clusterPatch) },
      responses: { 200: jsonResponse(clusterSchema, "The updated cluster"), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { ctx } = c.get("req");
      const { id } = c.req.valid("param");
      const [current] = await ctx.db.select().from(clusters).where(eq(clusters.id, id));
      if (!current) throw new DomainError("not_found", { params: { what: "cluster" } });
      const { slug, sectorId, nameEn, nameUr, district, province, hsCodes } = current;
      // A stored province outside today's list is passed on as it is, for the operation to refuse.
      const whole = { slug, sectorId, nameEn, nameUr, district, province: asOneOf(province, provinces), hsCodes };
      return c.json(await updateCluster(ctx, { ...whole, ...c.req.valid("json"), clusterId: id }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      operationId: "deleteCluster",
      path: "/clusters/{id}",
      summary: "Delete a cluster",
      description: "Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams },
      responses: { ...noContent, ...errorResponses },
    }),
    async (c) => {
      await deleteCluster(c.get("req").ctx, { clusterId: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "addTradeBody",
      path: "/editions/{id}/trade-bodies",
      summary: "Add a trade body to an edition with its nomination quota",
      description:
        "Reuses the organiser's trade body with the same slug, or registers a new one. Organiser staff, or a token with `catalogue:write`. Audited.",
      tags: staffTags,
      security: security.either,
      request: { params: idParams, body: jsonBody(tradeBodyBody) },
      responses: { 201: jsonResponse(tradeBodySchema, "The trade body"), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await addTradeBody(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );

  return api;
}

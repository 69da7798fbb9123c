import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonResponse, security } from "../../platform/http/openapi";
import { publicPlan, publicStall } from "./operations/plan";
import { searchFloor } from "./operations/search";

// The public floor over the API (issue #12, item 7, read-only part): what /editions/:slug/floor
// shows, over the same operations and with the same visibility: a published edition (or a draft,
// for its organiser's staff), and an exhibitor only on a confirmed stall.

const tags = ["floor"];
const slugParam = z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" });
const point = z.object({ x: z.number(), y: z.number() });
const named = z.object({ slug: z.string(), nameEn: z.string(), nameUr: z.string() });
const exhibitor = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    slug: z.string(),
    nameEn: z.string(),
    nameUr: z.string().nullable(),
    womenLed: z.boolean(),
    cluster: named.nullable(),
    products: z.array(z.object({ nameEn: z.string(), nameUr: z.string().nullable(), hsCode: z.string() })),
  })
  .openapi("FloorExhibitor");
const stall = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    hallId: z.string().openapi({ format: "uuid" }),
    areaId: z.string().nullable(),
    number: z.string().openapi({ example: "2-114" }),
    seq: z.number().int().openapi({ description: "Order along the hall's aisles" }),
    rect: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).nullable().openapi({ description: "Metres in the hall's frame (x right, y down from the top-left corner); null for a polygon stall" }),
    polygon: z.array(point).nullable(),
    areaM2: z.number(),
    type: z.enum(["shell_scheme", "raw_space", "corner", "island"]),
    power: z.boolean(),
    water: z.boolean(),
    corner: z.boolean(),
    accessible: z.boolean(),
    blocked: z.boolean(),
    exhibitor: exhibitor.nullable().openapi({ description: "Only on a confirmed stall; null on every other (a draft allocation is not public)" }),
  })
  .openapi("FloorStall");
const hall = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    code: z.string().openapi({ example: "H2" }),
    nameEn: z.string(),
    nameUr: z.string(),
    widthM: z.number(),
    depthM: z.number(),
    entrances: z.array(z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string(), shape: z.record(z.string(), z.unknown()) })),
    obstacles: z.array(z.object({ kind: z.string(), shape: z.record(z.string(), z.unknown()) })),
    stallCount: z.number().int(),
    exhibitorCount: z.number().int(),
  })
  .openapi("FloorHall");
const area = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    hallId: z.string().openapi({ format: "uuid" }),
    kind: z.enum(["cluster_pavilion", "women_enclave", "enclave", "b2b_lounge", "stage", "food_court", "services"]),
    code: z.string(),
    nameEn: z.string(),
    nameUr: z.string(),
    polygon: z.array(point),
    cluster: named.nullable(),
  })
  .openapi("FloorArea");
const editionRef = z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string() });
const plan = z.object({ edition: editionRef, halls: z.array(hall), hall: hall.nullable(), areas: z.array(area), stalls: z.array(stall) }).openapi("FloorPlan");
const hit = z
  .object({
    stall,
    hall: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() }),
    area: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string(), kind: z.string() }).nullable(),
    matched: z.array(z.enum(["stall", "exhibitor", "product", "hs", "cluster", "area"])).openapi({ description: "What matched, best first" }),
    products: z.array(z.object({ nameEn: z.string(), nameUr: z.string().nullable(), hsCode: z.string() })).openapi({ description: "The exhibitor's products that matched" }),
  })
  .openapi("FloorSearchHit");
const notFound = { 400: errorResponses[400], 404: errorResponses[404] };

export function floorApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorPlan",
      path: "/editions/{slug}/floor",
      summary: "The public floor plan: halls, areas, stalls, and the exhibitors of confirmed stalls",
      description: "Anyone, for a published edition. With `hall` (a hall's code, e.g. H2) the areas and stalls of that hall only.",
      tags,
      security: security.none,
      request: {
        params: z.object({ slug: slugParam }),
        query: z.object({ hall: z.string().max(40).optional().openapi({ example: "H2" }) }),
      },
      responses: { 200: jsonResponse(plan, "The plan"), ...notFound },
    }),
    async (c) => c.json((await publicPlan(c.get("req").ctx, { slug: c.req.valid("param").slug, hall: c.req.valid("query").hall })) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "searchFloor",
      path: "/editions/{slug}/floor/search",
      summary: "Search the floor by exhibitor, product, HS code prefix, cluster or stall number, English or Urdu",
      description: "Urdu is matched whatever the keyboard (Arabic or Urdu letter forms, harakat, Urdu digits). At most 60 hits, best first.",
      tags,
      security: security.none,
      request: {
        params: z.object({ slug: slugParam }),
        query: z.object({ q: z.string().max(200).openapi({ example: "قینچی" }) }),
      },
      responses: { 200: jsonResponse(z.object({ edition: editionRef, q: z.string(), hits: z.array(hit) }).openapi("FloorSearch"), "The hits"), ...notFound },
    }),
    async (c) => c.json((await searchFloor(c.get("req").ctx, { slug: c.req.valid("param").slug, q: c.req.valid("query").q })) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorStall",
      path: "/editions/{slug}/floor/{hall}/stalls/{number}",
      summary: "One stall: its exhibitor (when confirmed), area and neighbours",
      tags,
      security: security.none,
      request: {
        params: z.object({
          slug: slugParam,
          hall: z.string().max(40).openapi({ param: { name: "hall", in: "path" }, example: "H2" }),
          number: z.string().max(40).openapi({ param: { name: "number", in: "path" }, example: "2-114" }),
        }),
        query: z.object({ from: z.string().max(40).optional().openapi({ description: "An entrance's code (its QR code), e.g. H2-main", example: "H2-main" }) }),
      },
      responses: {
        200: jsonResponse(
          z
            .object({
              edition: editionRef,
              hall,
              stall,
              area: area.nullable(),
              neighbours: z.array(stall),
              route: z
                .object({ entrance: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }), points: z.array(point), lengthM: z.number() })
                .nullable()
                .openapi({ description: "A walk along the aisles from the entrance (`from`, else the hall's first) to the stall's front" }),
            })
            .openapi("FloorStallPage"),
          "The stall",
        ),
        ...notFound,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const r = await publicStall(c.get("req").ctx, { slug: p.slug, hall: p.hall, number: p.number, from: c.req.valid("query").from });
      return c.json({ edition: r.edition, hall: r.hall, stall: r.stall, area: r.area, neighbours: r.neighbours, route: r.route } as never, 200);
    },
  );
  return api;
}

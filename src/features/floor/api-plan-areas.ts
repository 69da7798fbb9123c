import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Ctx } from "../../platform/context";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { deleteFloorArea, editFloorArea } from "./operations/plan-edit";
import { floorBackgroundImage, floorBackgroundOf, placeFloorBackground, publicFloorBackground, removeFloorBackground, setFloorBackground } from "./operations/plan-background";
import { areaKinds, MAX_BACKGROUND_BYTES } from "./tables";

// The plan editor's second part over the API (issue #12, items 2 and 7): changing and deleting an
// area, and the hall's background drawing (upload, place, remove, read), over the same operations
// as the editor page, so with the same permission (`floor.plan`, organiser staff), the same checks,
// refusals and audit entries. Registered by api-plan.ts's router (tag "floor (organiser)").

const tags = ["floor (organiser)"];
const uuid = z.uuid();
const num = z.number();
const point = z.object({ x: z.number(), y: z.number() });
const refusals = { ...errorResponses, ...conflictResponse };
const areaParams = z.object({
  id: uuid.openapi({ param: { name: "id", in: "path" }, description: "The hall" }),
  areaId: uuid.openapi({ param: { name: "areaId", in: "path" } }),
});
const areaRow = z.object({ id: uuid, hallId: uuid, kind: z.enum(areaKinds), clusterId: uuid.nullable(), code: z.string(), nameEn: z.string(), nameUr: z.string(), polygon: z.array(point) });
const placement = {
  widthM: num.positive().max(2000).openapi({ description: "The metres the image's width covers (its height follows its proportions)" }),
  offsetX: num.min(-2000).max(2000).optional().openapi({ description: "Where the image's top-left corner lies in the hall's frame, metres (default 0)" }),
  offsetY: num.min(-2000).max(2000).optional(),
  public: z.boolean().optional().openapi({ description: "Show the drawing under the public map (default false)" }),
};
const backgroundMeta = z
  .object({
    contentType: z.enum(["image/png", "image/jpeg"]),
    size: z.number().int(),
    pixelWidth: z.number().int(),
    pixelHeight: z.number().int(),
    widthM: z.number(),
    offsetX: z.number(),
    offsetY: z.number(),
    public: z.boolean(),
    uploadedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("FloorBackground");
const file = { description: "The image (PNG or JPEG)", content: { "image/png": { schema: z.string().openapi({ format: "binary" }) }, "image/jpeg": { schema: z.string().openapi({ format: "binary" }) } } };
const edit = (operationId: string, method: "put" | "patch" | "delete", path: string, summary: string, description: string) => ({
  method,
  operationId,
  path,
  summary,
  description: `${description} Organiser staff (\`floor.plan\`), signed in. Audited.`,
  tags,
  security: security.session,
});

type Api = OpenAPIHono<any, any, any>;

/** Adds the area and background routes to the plan editor's router. */
export function floorPlanAreaRoutes(api: Api, ctxOf: (c: { get(k: "req"): { ctx: Ctx } }) => Ctx) {
  api.openapi(
    createRoute({
      ...edit(
        "editFloorArea",
        "patch",
        "/floor-halls/{id}/areas/{areaId}",
        "Change an area: kind, cluster, code, names and, with x, y, w and h together, its rectangle",
        "With a new rectangle the stalls inside it become its stalls and its stalls now outside it leave it (in no area). Undone by the hall's undo. Refusals: `floor_code_taken`, `floor_outside_hall`; `validation_failed` with `floor_cluster_required` or `floor_cluster_only_pavilion` on `clusterId`, `floor_area_rect` when only some of x, y, w, h are given.",
      ),
      request: {
        params: areaParams,
        body: jsonBody(
          z.object({
            kind: z.enum(areaKinds),
            clusterId: uuid.nullable().optional(),
            code: z.string().max(40),
            nameEn: z.string().max(120),
            nameUr: z.string().max(120),
            x: num.optional(),
            y: num.optional(),
            w: num.optional(),
            h: num.optional(),
            grid: num.optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse(z.object({ area: areaRow, joined: z.number().int(), left: z.number().int() }), "The area, and how many stalls joined and left it"), ...refusals },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json((await editFloorArea(ctxOf(c), { ...c.req.valid("json"), hallId: p.id, areaId: p.areaId })) as never, 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("deleteFloorArea", "delete", "/floor-halls/{id}/areas/{areaId}", "Delete an area", "Its stalls stay where they are, in no area. Undone by the hall's undo."),
      request: { params: areaParams },
      responses: { 200: jsonResponse(z.object({ deleted: z.string().openapi({ description: "The area's code" }), stalls: z.number().int() }), "Deleted"), ...refusals },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await deleteFloorArea(ctxOf(c), { hallId: p.id, areaId: p.areaId }), 200);
    },
  );

  api.openapi(
    createRoute({
      ...edit(
        "setFloorBackground",
        "put",
        "/floor-halls/{id}/background",
        "Upload (or replace) the hall's background drawing and place it at a scale",
        `A PNG or JPEG, its type read from its bytes (an SVG, a PDF or anything else is refused), base64 in \`contentBase64\`. The page takes files up to ${MAX_BACKGROUND_BYTES / 1024 / 1024} MB; the API's body is at most 256 KB, so export the drawing smaller for the API. Not part of the undo history. Refusals: \`validation_failed\` on \`file\` (\`required\`, \`floor_background_type\`, \`floor_background_too_large\`).`,
      ),
      request: { params: idParams, body: jsonBody(z.object({ contentBase64: z.string().max(400_000).openapi({ description: "The image's bytes, base64" }), ...placement })) },
      responses: { 200: jsonResponse(z.object({ contentType: z.enum(["image/png", "image/jpeg"]), width: z.number().int(), height: z.number().int() }), "Stored: its type and size in pixels"), ...refusals },
    }),
    async (c) => {
      const { contentBase64, ...rest } = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(contentBase64, "base64"));
      return c.json(await setFloorBackground(ctxOf(c), { ...rest, hallId: c.req.valid("param").id, bytes }), 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("placeFloorBackground", "patch", "/floor-halls/{id}/background", "Place the hall's drawing again: scale, offset, public or not", "Without uploading it again. Refusal: `not_found` when the hall has no drawing."),
      request: { params: idParams, body: jsonBody(z.object(placement)) },
      responses: { 200: jsonResponse(z.object({ placed: z.literal(true) }), "Placed"), ...refusals },
    }),
    async (c) => {
      await placeFloorBackground(ctxOf(c), { ...c.req.valid("json"), hallId: c.req.valid("param").id });
      return c.json({ placed: true as const }, 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("removeFloorBackground", "delete", "/floor-halls/{id}/background", "Remove the hall's drawing", "Refusal: `not_found` when the hall has no drawing."),
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ removed: z.literal(true) }), "Removed"), ...refusals },
    }),
    async (c) => {
      await removeFloorBackground(ctxOf(c), { hallId: c.req.valid("param").id });
      return c.json({ removed: true as const }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorBackground",
      path: "/floor-halls/{id}/background",
      summary: "The hall's drawing without its bytes: type, size, pixels, scale, offset, public or not (null: none)",
      description: "Organiser staff (`floor.plan`), signed in.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ background: backgroundMeta.nullable() }), "The drawing's placement"), ...errorResponses },
    }),
    async (c) => c.json({ background: await floorBackgroundOf(ctxOf(c), { hallId: c.req.valid("param").id }) } as never, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorBackgroundImage",
      path: "/floor-halls/{id}/background/image",
      summary: "The hall's drawing itself, for the editor",
      description: "Organiser staff (`floor.plan`), signed in. `not_found` when the hall has no drawing.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: file, ...errorResponses },
    }),
    async (c) => {
      const b = await floorBackgroundImage(ctxOf(c), { hallId: c.req.valid("param").id });
      return new Response(new Uint8Array(b.bytes), { status: 200, headers: { "Content-Type": b.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" } }) as never;
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getPublicFloorBackground",
      path: "/editions/{slug}/floor/{hall}/background",
      summary: "A hall's drawing on the public map, only when the organiser shows it there (else not found)",
      tags: ["floor"],
      security: security.none,
      request: {
        params: z.object({
          slug: z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }),
          hall: z.string().max(40).openapi({ param: { name: "hall", in: "path" }, example: "H2" }),
        }),
      },
      responses: { 200: file, 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const b = await publicFloorBackground(ctxOf(c), { slug: p.slug, hall: p.hall });
      return new Response(new Uint8Array(b.bytes), { status: 200, headers: { "Content-Type": b.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" } }) as never;
    },
  );
}

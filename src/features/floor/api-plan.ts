import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import {
  addFloorArea,
  addFloorStalls,
  createFloorHall,
  deleteFloorStalls,
  getFloorHall,
  importFloorStalls,
  listFloorHalls,
  mergeFloorStalls,
  moveFloorStall,
  renumberFloorRow,
  undoFloorEdit,
} from "./operations/plan-edit";
import { exportFloorPlan } from "./operations/plan-export";
import { areaKinds, stallStates, stallTypes } from "./tables";
import { floorPlanAreaRoutes } from "./api-plan-areas";

// The plan editor over the API (issue #12, items 2 and 7): halls, stalls (one, a row, a block),
// moves, merges, renumbering, areas, deletes, undo, CSV/DXF import and SVG/PDF export, over the
// same operations as the back-office pages (operations/plan-edit.ts). Organiser staff, signed in.
// Changing and deleting an area and the background drawing: api-plan-areas.ts.

const tags = ["floor (organiser)"];
const uuid = z.uuid();
const point = z.object({ x: z.number(), y: z.number() });
const hallRow = z
  .object({
    id: uuid,
    editionId: uuid,
    code: z.string(),
    nameEn: z.string(),
    nameUr: z.string(),
    widthM: z.number(),
    depthM: z.number(),
    entrances: z.array(z.record(z.string(), z.unknown())),
    obstacles: z.array(z.record(z.string(), z.unknown())),
    sort: z.number().int(),
  })
  .openapi("FloorEditorHall");
const stallRow = z
  .object({
    id: uuid,
    hallId: uuid,
    areaId: uuid.nullable(),
    number: z.string(),
    seq: z.number().int(),
    x: z.number().nullable(),
    y: z.number().nullable(),
    w: z.number().nullable(),
    h: z.number().nullable(),
    polygon: z.array(point).nullable(),
    areaM2: z.number(),
    type: z.enum(stallTypes),
    power: z.boolean(),
    water: z.boolean(),
    corner: z.boolean(),
    accessible: z.boolean(),
    state: z.enum(stallStates),
  })
  .openapi("FloorEditorStall", { description: "Metres in the hall's frame (x right, y down from the top-left corner): a rectangle (x, y, w, h) or a polygon" });
const areaRow = z
  .object({ id: uuid, hallId: uuid, kind: z.enum(areaKinds), clusterId: uuid.nullable(), code: z.string(), nameEn: z.string(), nameUr: z.string(), polygon: z.array(point) })
  .openapi("FloorEditorArea");
const hallView = z
  .object({
    edition: z.object({ id: uuid, slug: z.string(), nameEn: z.string(), nameUr: z.string() }),
    hall: hallRow,
    stalls: z.array(stallRow),
    areas: z.array(areaRow),
    clusters: z.array(z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() })),
    lastEdit: z.string().nullable().openapi({ description: "What undo would take back (stall, row, block, move, merge, renumber, delete, area, import), or null" }),
  })
  .openapi("FloorEditorHallView");
const stallParams = z.object({
  id: uuid.openapi({ param: { name: "id", in: "path" } }),
  stallId: uuid.openapi({ param: { name: "stallId", in: "path" } }),
});
const num = z.number();
const refusals = { ...errorResponses, ...conflictResponse };
const edit = (operationId: string, method: "post" | "patch" | "delete", path: string, summary: string, description: string) => ({
  method,
  operationId,
  path,
  summary,
  description,
  tags,
  security: security.session,
});

export function floorPlanApi(_services: AppServices) {
  const api = apiRouter();
  const ctxOf = (c: { get(k: "req"): { ctx: Parameters<typeof getFloorHall>[0] } }) => c.get("req").ctx;

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listFloorHalls",
      path: "/editions/{id}/floor-halls",
      summary: "The halls of an edition's floor, with their stall counts",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ edition: z.object({ id: uuid, slug: z.string(), nameEn: z.string(), nameUr: z.string() }), halls: z.array(hallRow.extend({ stallCount: z.number().int() })) }), "The halls"), ...errorResponses },
    }),
    async (c) => c.json((await listFloorHalls(ctxOf(c), { editionId: c.req.valid("param").id })) as never, 200),
  );
  api.openapi(
    createRoute({
      ...edit("createFloorHall", "post", "/editions/{id}/floor-halls", "Add an empty hall", "Refusal: `floor_code_taken`."),
      request: { params: idParams, body: jsonBody(z.object({ code: z.string().max(20), nameEn: z.string().max(120), nameUr: z.string().max(120), widthM: num, depthM: num })) },
      responses: { 201: jsonResponse(hallRow, "The hall"), ...refusals },
    }),
    async (c) => c.json((await createFloorHall(ctxOf(c), { ...c.req.valid("json"), editionId: c.req.valid("param").id })) as never, 201),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorHallPlan",
      path: "/floor-halls/{id}",
      summary: "A hall as the editor sees it: every stall with its state, the areas, the edition's clusters",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(hallView, "The hall"), ...errorResponses },
    }),
    async (c) => c.json((await getFloorHall(ctxOf(c), { hallId: c.req.valid("param").id })) as never, 200),
  );
  api.openapi(
    createRoute({
      ...edit(
        "addFloorStalls",
        "post",
        "/floor-halls/{id}/stalls",
        "Add one stall, a row or a block",
        "`count` stalls side by side in `direction` from (x, y), `rows` rows `aisle` metres apart, numbered in sequence from `first` along each row; snapped to `grid`. Refusals: `floor_overlap`, `floor_outside_hall`, `floor_on_obstacle`, `floor_number_taken`.",
      ),
      request: {
        params: idParams,
        body: jsonBody(
          z.object({
            first: z.string().max(40).openapi({ example: "4-101" }),
            count: num.int().optional(),
            rows: num.int().optional(),
            x: num,
            y: num,
            w: num,
            d: num,
            direction: z.enum(["right", "down", "left", "up"]).optional(),
            gap: num.optional(),
            aisle: num.optional(),
            grid: num.optional(),
            areaId: uuid.nullable().optional(),
            type: z.enum(stallTypes).optional(),
            power: z.boolean().optional(),
            water: z.boolean().optional(),
            accessible: z.boolean().optional(),
          }),
        ),
      },
      responses: { 201: jsonResponse(z.array(stallRow), "The stalls added, in number order"), ...refusals },
    }),
    async (c) => c.json((await addFloorStalls(ctxOf(c), { ...c.req.valid("json"), hallId: c.req.valid("param").id })) as never, 201),
  );
  api.openapi(
    createRoute({
      ...edit("moveFloorStall", "patch", "/floor-halls/{id}/stalls/{stallId}", "Move, resize or renumber a stall", "A polygon stall moves with its box's top-left corner. Refusals: as adding."),
      request: { params: stallParams, body: jsonBody(z.object({ x: num, y: num, w: num.optional(), h: num.optional(), number: z.string().max(40).optional(), grid: num.optional() })) },
      responses: { 200: jsonResponse(stallRow, "The stall"), ...refusals },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json((await moveFloorStall(ctxOf(c), { ...c.req.valid("json"), hallId: p.id, stallId: p.stallId })) as never, 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("deleteFloorStall", "delete", "/floor-halls/{id}/stalls/{stallId}", "Delete a stall", "Refusal: `floor_stall_taken` (on hold, assigned or confirmed)."),
      request: { params: stallParams },
      responses: { 200: jsonResponse(z.object({ deleted: z.number().int() }), "Deleted"), ...refusals },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await deleteFloorStalls(ctxOf(c), { hallId: p.id, stallIds: [p.stallId] }), 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("mergeFloorStalls", "post", "/floor-halls/{id}/stalls/{stallId}/merge", "Merge a stall with the one beside it", "Two rectangles sharing a whole side; the first keeps its number. Refusals: `floor_not_adjacent`, `floor_stall_taken`."),
      request: { params: stallParams, body: jsonBody(z.object({ otherId: uuid })) },
      responses: { 200: jsonResponse(stallRow, "The merged stall"), ...refusals },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json((await mergeFloorStalls(ctxOf(c), { hallId: p.id, stallId: p.stallId, otherId: c.req.valid("json").otherId })) as never, 200);
    },
  );
  api.openapi(
    createRoute({
      ...edit("renumberFloorRow", "post", "/floor-halls/{id}/renumber", "Renumber a row in sequence along its aisle", "The stalls named, ordered along the axis they spread over, numbered from `first`."),
      request: { params: idParams, body: jsonBody(z.object({ numbers: z.array(z.string().max(40)).max(500), first: z.string().max(40), reverse: z.boolean().optional() })) },
      responses: { 200: jsonResponse(z.array(z.object({ id: uuid, number: z.string() })), "The new numbers"), ...refusals },
    }),
    async (c) => c.json(await renumberFloorRow(ctxOf(c), { ...c.req.valid("json"), hallId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      ...edit("addFloorArea", "post", "/floor-halls/{id}/areas", "Draw an area (pavilion, enclave, lounge, stage…) around stalls", "A rectangle; the stalls inside it become the area's. A cluster pavilion names its cluster, no other kind does."),
      request: {
        params: idParams,
        body: jsonBody(z.object({ kind: z.enum(areaKinds), clusterId: uuid.nullable().optional(), code: z.string().max(40), nameEn: z.string().max(120), nameUr: z.string().max(120), x: num, y: num, w: num, h: num, grid: num.optional() })),
      },
      responses: { 201: jsonResponse(z.object({ area: areaRow, stalls: z.number().int().openapi({ description: "Stalls now in the area" }) }), "The area"), ...refusals },
    }),
    async (c) => c.json((await addFloorArea(ctxOf(c), { ...c.req.valid("json"), hallId: c.req.valid("param").id })) as never, 201),
  );
  api.openapi(
    createRoute({
      ...edit(
        "importFloorStalls",
        "post",
        "/floor-halls/{id}/import",
        "Import stalls from a CSV or DXF file, all or nothing",
        "CSV: columns number, x, y, width, depth, area (an area's code, optional). DXF: closed LWPOLYLINE/POLYLINE entities on `layer` become polygon stalls, numbered by the TEXT/MTEXT inside (else from `first`); `scale` converts drawing units to metres. The API body is at most 256 KB (the page takes files up to 1 MB). Any bad row or entity refuses the file with `floor_import_invalid`: `fields` holds one issue per row (`row.<line>`) or entity (`entity.<n>`).",
      ),
      request: {
        params: idParams,
        body: jsonBody(z.object({ format: z.enum(["csv", "dxf"]), text: z.string(), layer: z.string().max(100).optional(), scale: num.optional(), first: z.string().max(40).optional() })),
      },
      responses: { 201: jsonResponse(z.object({ imported: z.number().int(), stalls: z.array(stallRow) }), "Imported"), ...refusals },
    }),
    async (c) => c.json((await importFloorStalls(ctxOf(c), { ...c.req.valid("json"), hallId: c.req.valid("param").id })) as never, 201),
  );
  api.openapi(
    createRoute({
      ...edit("undoFloorEdit", "post", "/floor-halls/{id}/undo", "Undo the hall's last edit", "Refusals: `floor_nothing_to_undo`; `floor_stall_taken` when the edit added a stall someone now holds."),
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ undone: z.string() }), "Undone"), ...refusals },
    }),
    async (c) => c.json(await undoFloorEdit(ctxOf(c), { hallId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "exportFloorHall",
      path: "/floor-halls/{id}/export",
      summary: "The hall's plan as an SVG or PDF file",
      tags,
      security: security.session,
      request: { params: idParams, query: z.object({ format: z.enum(["svg", "pdf"]).default("svg") }) },
      responses: {
        200: {
          description: "The file",
          content: { "image/svg+xml": { schema: z.string() }, "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await exportFloorPlan(ctxOf(c), { hallId: c.req.valid("param").id, format: c.req.valid("query").format });
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"` }) as never;
    },
  );
  floorPlanAreaRoutes(api, ctxOf);
  return api;
}

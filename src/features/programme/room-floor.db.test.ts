import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import type { Ctx } from "../../platform/context";
import { copyEdition } from "../editions/operations/copy-edition";
import { editions } from "../editions/tables";
import { deleteFloorArea } from "../floor/operations/plan-areas";
import { floorAreas, floorHalls } from "../floor/tables";
import { getDraft, saveRoom } from "./operations/draft";
import { publicAgenda, publicSession } from "./operations/public";
import { programmeRooms } from "./tables";

// Issue #13, agenda item 3: "session pages with speakers and room (with a link to the room on the
// floor map once it exists)". A room may name an area of its own edition's floor plan (the
// database refuses another edition's); the released session's page links to the area's hall with
// the area marked; the area's deletion empties the link and nothing else; a copied edition keeps
// the room on its own plan's area of the same code.

let t: TestDb;
let organiser: Ctx;
let edition: { id: string; slug: string };
let stage: typeof programmeRooms.$inferSelect;

const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; fields?: { path: string; code: string }[] }) => [e.code, ...(e.fields ?? []).map((f) => `${f.path}:${f.code}`)].join(" "));
const roomInput = (r: typeof programmeRooms.$inferSelect) => ({ editionId: r.editionId, id: r.id, slug: r.slug, nameEn: r.nameEn, nameUr: r.nameUr, capacity: r.capacity });
const roomOf = async (id: string) => (await t.db.select().from(programmeRooms).where(eq(programmeRooms.id, id)))[0]!;

beforeAll(async () => {
  t = await openTestDb();
  const { editionId } = await demoShow(t.db);
  const [e] = await t.db.select({ id: editions.id, slug: editions.slug }).from(editions).where(eq(editions.id, editionId));
  edition = e!;
  organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  stage = (await t.db.select().from(programmeRooms).where(and(eq(programmeRooms.editionId, edition.id), eq(programmeRooms.slug, "hall-1-stage"))))[0]!;
});
afterAll(async () => t?.close());

describe("a room on the floor map", () => {
  it("the demo's Hall 1 stage is on the plan's main stage: its sessions' pages link there, the auditorium's link nowhere", async () => {
    const [area] = await t.db
      .select({ id: floorAreas.id, hallCode: floorHalls.code })
      .from(floorAreas)
      .innerJoin(floorHalls, eq(floorHalls.id, floorAreas.hallId))
      .where(and(eq(floorAreas.editionId, edition.id), eq(floorAreas.code, "main-stage")));
    expect(stage.floorAreaId).toBe(area!.id);
    const agenda = await publicAgenda(ctxFor(t.db), { slug: edition.slug });
    const onStage = agenda.sessions.find((s) => s.roomId === stage.id)!;
    const page = await publicSession(ctxFor(t.db), { slug: edition.slug, sessionId: onStage.id });
    expect(page.onFloor).toEqual({
      areaCode: "main-stage",
      nameEn: "Main stage",
      nameUr: "مرکزی اسٹیج",
      hall: expect.objectContaining({ code: area!.hallCode }),
      href: `/editions/${edition.slug}/floor/${area!.hallCode}?area=main-stage#marked`,
    });
    const elsewhere = agenda.sessions.find((s) => s.roomId !== stage.id && s.roomEn === "Main Auditorium")!;
    expect((await publicSession(ctxFor(t.db), { slug: edition.slug, sessionId: elsewhere.id })).onFloor).toBeNull();
    // Over the API: the public rooms list says where each room is.
    const listed = await testApp(t.db).call(`/api/v1/editions/${edition.slug}/programme/rooms`);
    expect(listed.status).toBe(200);
    const rooms = listed.body.rooms as { slug: string; onFloor: { href: string } | null }[];
    expect(rooms.find((r) => r.slug === "hall-1-stage")!.onFloor!.href).toBe(page.onFloor!.href);
    expect(rooms.find((r) => r.slug === "main-auditorium")!.onFloor).toBeNull();
    // The editor offers the plan's areas to choose from.
    expect((await getDraft(organiser, { editionId: edition.id })).floorAreas.map((a) => a.id)).toContain(area!.id);
  });

  it("only an area of the room's own edition: refused with a field error, and by the database whatever writes it", async () => {
    const y2027 = (await demoShow(t.db, "sme-showcase-2027")).editionId;
    const [theirs] = await t.db.select({ id: floorAreas.id }).from(floorAreas).where(and(eq(floorAreas.editionId, y2027), eq(floorAreas.code, "main-stage")));
    // Next year's demo rooms point at next year's plan (copied from this one).
    const [nextStage] = await t.db.select().from(programmeRooms).where(and(eq(programmeRooms.editionId, y2027), eq(programmeRooms.slug, "hall-1-stage")));
    expect(nextStage!.floorAreaId).toBe(theirs!.id);
    expect(await refusal(saveRoom(organiser, { ...roomInput(stage), floorAreaId: theirs!.id }))).toBe("validation_failed floorAreaId:programme_room_area");
    await expect(t.db.update(programmeRooms).set({ floorAreaId: theirs!.id }).where(eq(programmeRooms.id, stage.id))).rejects.toThrow();
    expect((await roomOf(stage.id)).floorAreaId).toBe(stage.floorAreaId);
    // Left out, it is kept; null takes the room off the map; then back on.
    await saveRoom(organiser, { ...roomInput(stage), capacity: 160 });
    // (and so is its place among the rooms: a change that leaves out `sort` does not move the room first)
    expect(await roomOf(stage.id)).toMatchObject({ capacity: 160, floorAreaId: stage.floorAreaId, sort: stage.sort });
    expect(stage.sort).toBeGreaterThan(0);
    await saveRoom(organiser, { ...roomInput(stage), floorAreaId: null });
    expect((await roomOf(stage.id)).floorAreaId).toBeNull();
    await saveRoom(organiser, { ...roomInput(stage), capacity: 150, floorAreaId: stage.floorAreaId });
    expect((await roomOf(stage.id)).floorAreaId).toBe(stage.floorAreaId);
  });

  it("a copied edition keeps the room on its own plan's area of the same code; deleting the area takes only the link", async () => {
    const copy = await copyEdition(organiser, { editionId: edition.id, slug: "rooms-copy-2031", year: 2031, startsOn: "2031-01-23" });
    const [copiedStage] = await t.db.select().from(programmeRooms).where(and(eq(programmeRooms.editionId, copy.id), eq(programmeRooms.slug, "hall-1-stage")));
    const [copiedArea] = await t.db.select().from(floorAreas).where(and(eq(floorAreas.editionId, copy.id), eq(floorAreas.code, "main-stage")));
    expect(copiedStage!.floorAreaId).toBe(copiedArea!.id);

    await deleteFloorArea(organiser, { hallId: copiedArea!.hallId, areaId: copiedArea!.id });
    expect(await roomOf(copiedStage!.id)).toMatchObject({ editionId: copy.id, slug: "hall-1-stage", floorAreaId: null });
  });
});

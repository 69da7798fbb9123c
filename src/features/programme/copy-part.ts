import { asc, eq, inArray } from "drizzle-orm";
import type { EditionCopyPart } from "#features/editions";
import { floorAreas } from "#features/floor";
import { programmeRooms, programmeSessionSpeakers, programmeSessions, programmeSettings, programmeSpeakers } from "./tables";

/** The agenda's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  venue's hours, the rooms (on the copy's floor map where its plan has the same area), the speakers and the sessions with their speakers, as the copy's
 *  private draft. Not the releases (the copy's agenda is unpublished until its organiser releases
 *  it), not RSVPs or invitations (people register anew each year). A by-category session keeps the
 *  copy's categories of the same code; one left with none is open to all. */
export const programmeCopyPart: EditionCopyPart = {
  name: "programme",
  async copy(tx, ctx, from, to, categoryIds) {
    const [hours] = await tx.select().from(programmeSettings).where(eq(programmeSettings.editionId, from.id));
    if (hours) await tx.insert(programmeSettings).values({ ...hours, editionId: to.id });
    const roomIds = new Map<string, string>();
    // A room on the floor map keeps its place on the copy's plan (the floor's part copies first): the area of the same code.
    const areas = await tx.select({ id: floorAreas.id, code: floorAreas.code, editionId: floorAreas.editionId }).from(floorAreas).where(inArray(floorAreas.editionId, [from.id, to.id]));
    const codeOf = new Map(areas.filter((a) => a.editionId === from.id).map((a) => [a.id, a.code]));
    const areaOf = new Map(areas.filter((a) => a.editionId === to.id).map((a) => [a.code, a.id]));
    for (const { id, floorAreaId, ...r } of await tx.select().from(programmeRooms).where(eq(programmeRooms.editionId, from.id)).orderBy(asc(programmeRooms.sort))) {
      const area = floorAreaId ? (areaOf.get(codeOf.get(floorAreaId) ?? "") ?? null) : null;
      const [row] = await tx.insert(programmeRooms).values({ ...r, floorAreaId: area, editionId: to.id }).returning({ id: programmeRooms.id });
      roomIds.set(id, row!.id);
    }
    const speakerIds = new Map<string, string>();
    for (const { id, ...p } of await tx.select().from(programmeSpeakers).where(eq(programmeSpeakers.editionId, from.id))) {
      const [row] = await tx.insert(programmeSpeakers).values({ ...p, editionId: to.id }).returning({ id: programmeSpeakers.id });
      speakerIds.set(id, row!.id);
    }
    const sessionIds = new Map<string, string>();
    for (const { id, ...s } of await tx.select().from(programmeSessions).where(eq(programmeSessions.editionId, from.id))) {
      if (s.cancelled) continue;
      const categories = s.categoryIds.map((c) => categoryIds.get(c)).filter((c): c is string => !!c);
      const access = s.access === "by_category" && categories.length === 0 ? ("open" as const) : s.access;
      const [row] = await tx
        .insert(programmeSessions)
        .values({ ...s, editionId: to.id, roomId: roomIds.get(s.roomId)!, access, categoryIds: access === "by_category" ? categories : [], updatedAt: ctx.clock.now() })
        .returning({ id: programmeSessions.id });
      sessionIds.set(id, row!.id);
    }
    const links = await tx.select().from(programmeSessionSpeakers).where(eq(programmeSessionSpeakers.editionId, from.id));
    const kept = links.filter((l) => sessionIds.has(l.sessionId));
    if (kept.length)
      await tx.insert(programmeSessionSpeakers).values(kept.map((l) => ({ ...l, editionId: to.id, sessionId: sessionIds.get(l.sessionId)!, speakerId: speakerIds.get(l.speakerId)! })));
    return { rooms: roomIds.size, speakers: speakerIds.size, sessions: sessionIds.size };
  },
};

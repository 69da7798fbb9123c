import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { SessionAttendancePort } from "#features/checkin";
import { hhmm } from "./engine/warnings";
import { attendanceBySession } from "./operations/seats";
import { programmeRooms, programmeSessions } from "./tables";

/** Check-in's session attendance port: the edition's live sessions and the people admitted at each door. */
export const programmeAttendancePort: SessionAttendancePort = {
  async attendance(db: Executor, editionId: string) {
    const rows = await db
      .select({
        sessionId: programmeSessions.id,
        titleEn: programmeSessions.titleEn,
        titleUr: programmeSessions.titleUr,
        day: programmeSessions.day,
        startMinute: programmeSessions.startMinute,
        roomEn: programmeRooms.nameEn,
        roomUr: programmeRooms.nameUr,
        capacity: programmeRooms.capacity,
      })
      .from(programmeSessions)
      .innerJoin(programmeRooms, eq(programmeRooms.id, programmeSessions.roomId))
      .where(and(eq(programmeSessions.editionId, editionId), eq(programmeSessions.cancelled, false)))
      .orderBy(asc(programmeSessions.day), asc(programmeSessions.startMinute), asc(programmeSessions.titleEn));
    const admitted = await attendanceBySession(db, editionId);
    return rows.map(({ startMinute, ...r }) => ({ ...r, start: hhmm(startMinute), admitted: admitted.get(r.sessionId) ?? 0 }));
  },
};

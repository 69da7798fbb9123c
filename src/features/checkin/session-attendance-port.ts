import type { Executor } from "../../platform/db/types";

// Attendance per session of the agenda on the footfall dashboard (issue #13, agenda item 5:
// "attendance per session feeds the dashboards"). The agenda (programme) is a higher layer that
// reads check-in, so check-in asks through this port (docs/code-style.md, "ports"):
// programme/checkin-attendance-port.ts implements it and src/wiring.ts provides it.

/** A session of the edition's agenda and the people admitted at its door. */
export interface SessionAttendance {
  sessionId: string;
  titleEn: string;
  titleUr: string;
  /** 1-based day of the edition. */
  day: number;
  /** Its start, venue time ("10:30"). */
  start: string;
  roomEn: string;
  roomUr: string;
  capacity: number;
  /** Distinct people admitted at the session's door. */
  admitted: number;
}

export interface SessionAttendancePort {
  /** The edition's live sessions (not cancelled), by day and start, with their door admissions. */
  attendance(db: Executor, editionId: string): Promise<SessionAttendance[]>;
}

let provided: SessionAttendancePort | undefined;

export function provideSessionAttendancePort(port: SessionAttendancePort): void {
  provided = port;
}

export function sessionAttendancePort(): SessionAttendancePort {
  if (!provided) throw new Error("checkin session attendance port not provided (src/wiring.ts)");
  return provided;
}

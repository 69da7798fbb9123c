// The composition root on the server: every feature's texts (src/messages.ts) and the ports that
// let a lower feature react through a higher one without importing it (docs/code-style.md).
// Imported for its effect by the app's server entry (src/entry.server.tsx), the API server, the
// CLI and every test project's set-up. Server-only: the browser gets src/messages.ts from root.tsx.
import "./messages";
import { b2bCopyPart } from "./features/b2b/copy-part";
import { placeWhenPublished } from "./features/b2b/operations/after-publication";
import { onRequestAccepted } from "./features/b2b/operations/requests";
import { checkinBadgePort } from "./features/checkin/badge-port";
import { checkinCopyPart } from "./features/checkin/copy-part";
import { provideEditionCopyParts } from "./features/editions/copy-port";
import { floorCopyPart } from "./features/floor/copy-part";
import { floorStallPort } from "./features/floor/b2b-stall-port";
import { provideStallPort } from "./features/b2b/stall-port";
import { provideMediaPort } from "./features/b2b/media-port";
import { exhibitorsMediaPort } from "./features/exhibitors/b2b-media-port";
import { provideStallNeedsPort } from "./features/floor/stall-needs-port";
import { exhibitorsStallNeedsPort } from "./features/exhibitors/floor-needs-port";
import { provideReadinessPort } from "./features/b2b/readiness-port";
import { baselineReadinessPort } from "./features/baseline/b2b-readiness-port";
import { provideBadgePort } from "./features/registration/badge-port";
import { programmeCopyPart } from "./features/programme/copy-part";
import { baselineCopyPart } from "./features/baseline/copy-part";
import { awardsCopyPart } from "./features/awards/copy-part";
import { privacyCopyPart } from "./features/privacy/copy-part";
import { providePersonalDataParts } from "./features/editions/personal-data-port";
import { accountsPersonalDataPart } from "./features/accounts/personal-data-part";
import { registrationPersonalDataPart } from "./features/registration/personal-data-part";
import { checkinPersonalDataPart } from "./features/checkin/personal-data-part";
import { b2bPersonalDataPart } from "./features/b2b/personal-data-part";
import { programmePersonalDataPart } from "./features/programme/personal-data-part";
import { meetdayPersonalDataPart } from "./features/meetday/personal-data-part";
import { baselinePersonalDataPart } from "./features/baseline/personal-data-part";
import { leadsPersonalDataPart } from "./features/leads/personal-data-part";
import { nominationsPersonalDataPart } from "./features/nominations/personal-data-part";
import { selectionPersonalDataPart } from "./features/selection/personal-data-part";
import { exhibitorsPersonalDataPart } from "./features/exhibitors/personal-data-part";
import { awardsPersonalDataPart } from "./features/awards/personal-data-part";
import { provideSessionAttendancePort } from "./features/checkin/session-attendance-port";
import { programmeAttendancePort } from "./features/programme/checkin-attendance-port";

provideBadgePort(checkinBadgePort);
provideEditionCopyParts([checkinCopyPart, b2bCopyPart, floorCopyPart, programmeCopyPart, baselineCopyPart, awardsCopyPart, privacyCopyPart]);
// A request accepted after the schedule is published is placed at once by repair (issue #11, item 7).
onRequestAccepted(placeWhenPublished);
provideStallPort(floorStallPort);
provideMediaPort(exhibitorsMediaPort);
// Exhibitors' stated stall needs for the floor's allocation (issue #12, item 3).
provideStallNeedsPort(exhibitorsStallNeedsPort);
provideReadinessPort(baselineReadinessPort);
// Personal data (issue #15, part 7): each feature's part of a person's export, erasure and retention, one per line.
providePersonalDataParts([
  accountsPersonalDataPart,
  registrationPersonalDataPart,
  checkinPersonalDataPart,
  b2bPersonalDataPart,
  programmePersonalDataPart,
  meetdayPersonalDataPart,
  baselinePersonalDataPart,
  leadsPersonalDataPart,
  nominationsPersonalDataPart,
  selectionPersonalDataPart,
  exhibitorsPersonalDataPart,
  awardsPersonalDataPart,
]);
// Attendance per session of the agenda on the footfall dashboard (issue #13, agenda item 5).
provideSessionAttendancePort(programmeAttendancePort);

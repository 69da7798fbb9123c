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
import { provideReadinessPort } from "./features/b2b/readiness-port";
import { baselineReadinessPort } from "./features/baseline/b2b-readiness-port";
import { provideBadgePort } from "./features/registration/badge-port";
import { programmeCopyPart } from "./features/programme/copy-part";
import { baselineCopyPart } from "./features/baseline/copy-part";
import { awardsCopyPart } from "./features/awards/copy-part";

provideBadgePort(checkinBadgePort);
provideEditionCopyParts([checkinCopyPart, b2bCopyPart, floorCopyPart, programmeCopyPart, baselineCopyPart, awardsCopyPart]);
// A request accepted after the schedule is published is placed at once by repair (issue #11, item 7).
onRequestAccepted(placeWhenPublished);
provideStallPort(floorStallPort);
provideReadinessPort(baselineReadinessPort);

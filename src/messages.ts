// The composition root of the message catalogues: every feature's texts, added to the platform's
// (platform/i18n/catalogue.ts). Imported for its effect by the app's root (src/root.tsx), the API
// server, the CLI and the test set-up; the merged `en` and `ur` are for tests that read texts.
import { addMessages } from "./platform/i18n/catalogue";
import { en as platformEn } from "./platform/i18n/messages/en";
import { ur as platformUr } from "./platform/i18n/messages/ur";
import * as accounts from "./features/accounts/messages";
import * as b2b from "./features/b2b/messages";
import * as b2bHub from "./features/b2b/messages-hub";
import * as b2bJoin from "./features/b2b/messages-join";
import * as b2bMeetings from "./features/b2b/messages-meetings";
import * as b2bRequests from "./features/b2b/messages-requests";
import * as b2bRuns from "./features/b2b/messages-runs";
import * as backoffice from "./features/backoffice/messages";
import * as baseline from "./features/baseline/messages";
import * as baselineFigures from "./features/baseline/messages-figures";
import * as baselineRounds from "./features/baseline/messages-rounds";
import * as baselineApplicants from "./features/baseline/messages-applicants";
import * as checkin from "./features/checkin/messages";
import * as floor from "./features/floor/messages";
import * as floorAllocation from "./features/floor/messages-allocation";
import * as exhibitors from "./features/exhibitors/messages";
import * as floorEditor from "./features/floor/messages-editor";
import * as home from "./features/home/messages";
import * as nominations from "./features/nominations/messages";
import * as programme from "./features/programme/messages";
import * as meetday from "./features/meetday/messages";
import * as meetdayWalkUp from "./features/meetday/messages-walkup";
import * as awards from "./features/awards/messages";
import * as awardsApply from "./features/awards/messages-apply";
import * as registration from "./features/registration/messages";
import * as selection from "./features/selection/messages";
import * as programmeSeats from "./features/programme/messages-seats";
import * as floorPlan from "./features/floor/messages-plan";
import * as privacy from "./features/privacy/messages";
import * as leads from "./features/leads/messages";
import * as analytics from "./features/analytics/messages";

// One set a line, so that a new set is one added line (and merges without conflict).
const features = [
  accounts,
  registration,
  checkin,
  nominations,
  selection,
  b2b,
  b2bHub,
  b2bJoin,
  b2bMeetings,
  b2bRequests,
  b2bRuns,
  floor,
  floorAllocation,
  programme,
  exhibitors,
  floorEditor,
  home,
  backoffice,
  meetday,
  baseline,
  awards,
  awardsApply,
  programmeSeats,
  floorPlan,
  baselineFigures,
  privacy,
  leads,
  analytics,
  meetdayWalkUp,
  baselineRounds,
  baselineApplicants,
] as const;
for (const set of features) addMessages(set);

type Merged<T extends readonly { en: object }[]> = T extends readonly [infer F extends { en: object }, ...infer R extends readonly { en: object }[]] ? F["en"] & Merged<R> : unknown;

export const en = Object.assign({}, platformEn, ...features.map((f) => f.en)) as typeof platformEn & Merged<typeof features>;
export const ur: Record<keyof typeof en, string> = Object.assign({}, platformUr, ...features.map((f) => f.ur));

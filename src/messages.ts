// The composition root of the message catalogues: every feature's texts, added to the platform's
// (platform/i18n/catalogue.ts). Imported for its effect by the app's root (src/root.tsx), the API
// server, the CLI and the test set-up; the merged `en` and `ur` are for tests that read texts.
import { addMessages } from "./platform/i18n/catalogue";
import { en as platformEn } from "./platform/i18n/messages/en";
import { ur as platformUr } from "./platform/i18n/messages/ur";
import * as accounts from "./features/accounts/messages";
import * as b2b from "./features/b2b/messages";
import * as b2bMeetings from "./features/b2b/messages-meetings";
import * as backoffice from "./features/backoffice/messages";
import * as checkin from "./features/checkin/messages";
import * as floor from "./features/floor/messages";
import * as home from "./features/home/messages";
import * as nominations from "./features/nominations/messages";
import * as registration from "./features/registration/messages";
import * as selection from "./features/selection/messages";

const features = [accounts, registration, checkin, nominations, selection, b2b, b2bMeetings, floor, home, backoffice];
for (const set of features) addMessages(set);

export const en = { ...platformEn, ...accounts.en, ...registration.en, ...checkin.en, ...nominations.en, ...selection.en, ...b2b.en, ...b2bMeetings.en, ...floor.en, ...home.en, ...backoffice.en } as const;
export const ur: Record<keyof typeof en, string> = { ...platformUr, ...accounts.ur, ...registration.ur, ...checkin.ur, ...nominations.ur, ...selection.ur, ...b2b.ur, ...b2bMeetings.ur, ...floor.ur, ...home.ur, ...backoffice.ur };

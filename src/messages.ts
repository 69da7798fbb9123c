// The composition root of the message catalogues: every feature's texts, added to the platform's
// (platform/i18n/catalogue.ts). Imported for its effect by the app's root (src/root.tsx), the API
// server, the CLI and the test set-up; the merged `en` and `ur` are for tests that read texts.
import { addMessages } from "./platform/i18n/catalogue";
import { en as platformEn } from "./platform/i18n/messages/en";
import { ur as platformUr } from "./platform/i18n/messages/ur";
import * as backoffice from "./features/backoffice/messages";
import * as checkin from "./features/checkin/messages";
import * as nominations from "./features/nominations/messages";
import * as registration from "./features/registration/messages";
import * as selection from "./features/selection/messages";

const features = [registration, checkin, nominations, selection, backoffice];
for (const set of features) addMessages(set);

export const en = { ...platformEn, ...registration.en, ...checkin.en, ...nominations.en, ...selection.en, ...backoffice.en } as const;
export const ur: Record<keyof typeof en, string> = { ...platformUr, ...registration.ur, ...checkin.ur, ...nominations.ur, ...selection.ur, ...backoffice.ur };

// Texts of the back office's audit log: the name of every audit action and entity type
// (platform/audit/actions.ts lists them), the names of the fields its entries record, and who
// acted. Added to the app's catalogues by src/messages.ts. Identical keys and {placeholders} in
// en and ur. Other back-office texts are still the platform's ("bo." keys in platform/i18n).
import type { AuditAction, AuditEntityType } from "../../platform/audit/actions";
import { en as exhibitionEn, ur as exhibitionUr } from "./messages-audit-exhibition";
import { en as showEn, ur as showUr } from "./messages-audit-show";

export const en = { ...showEn, ...exhibitionEn };
export const ur: Record<keyof typeof en, string> = { ...showUr, ...exhibitionUr };

// Every audit action and entity type has its name: typecheck fails on one without
// (audit-actions.test.ts also checks the Urdu is filled in).
type Required = Record<`bo.audit.action.${AuditAction}` | `bo.audit.entity.${AuditEntityType}`, string>;
const _named: Required = en;
void _named;

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

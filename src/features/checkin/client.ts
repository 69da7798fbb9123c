// The browser-safe part of the checkin feature's public surface (`#features/checkin/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { ScanForm } from "./client/scan-form";
export type { OfflineKeys } from "./client/scan-form";
export type { PublicKeySet, VerifyResult } from "./core/badge-format";
export { badgeKey, decideScan, verificationReason } from "./core/decide";
export type { RegistrationStatus, ScanReason } from "./core/decide";
export { localDate, scanDay } from "./core/gate-bundle";
export { newScanNonce, nonceSchema } from "./core/offline-sync";
export { parseQueuedItems, scanItemFields, scanUploadScans } from "./core/scan-queue";
export type { ScanUploadAnswer } from "./core/scan-queue";
export { parseShortCode } from "./core/short-code";
export type { ShortCodeParse } from "./core/short-code";
export { BadgeDatesWarning } from "./pages/badge-dates-warning";
export type { SessionAttendancePort } from "./session-attendance-port";

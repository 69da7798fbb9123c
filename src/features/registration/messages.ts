// This feature's user-facing texts, merged into the app's catalogues
// (src/platform/i18n/messages/en.ts and ur.ts). Keep the keys and {placeholders}
// of en and ur identical; prefix every key with "registration.".
export const en = {} as const;

export const ur: Record<keyof typeof en, string> = {};

// Moved to platform/ical.ts (the agenda's calendars use it too); kept so b2b's imports stand.
export * from "../../../platform/ical";

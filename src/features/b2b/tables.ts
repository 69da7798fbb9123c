// B2B matchmaking (issue #11): the organiser's programme, the participants of both sides, their
// profiles, meeting requests, scheduling runs and meetings. Times of day are minutes since local
// midnight in the edition's timezone (Asia/Karachi for the show); days are 1-based edition days.
//
// What the database itself refuses (see the hand-written block at the end of the migration):
// - a participant twice in one slot, a table twice in one slot (partial unique indexes in tables/meetings.ts);
// - a table number above the programme's lounge tables (trigger b2b_meetings_table_in_lounge);
// - more simultaneous meetings in one interpreter language than the programme has interpreters
//   (trigger on b2b_meetings keeping b2b_interpreter_use, a counter row per slot and language).
// src/features/b2b/db-errors.ts maps each of these to its refusal code.
//
// One module per concept in tables/; this file gathers them, so `b2b/tables` stays the one import
// for other features and for the drizzle schema barrel (platform/db/schema.ts).

export * from "./tables/programme";
export * from "./tables/participants";
export * from "./tables/profiles";
export * from "./tables/requests";
export * from "./tables/runs";
export * from "./tables/meetings";
export * from "./tables/repairs";

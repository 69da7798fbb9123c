import { constraintName, sqlStateOf } from "../../platform/db/errors";
import { DomainError, type ErrorCode } from "../../platform/errors";

// The B2B invariants live in the database (tables.ts and the hand-written block of the b2b
// migration); this maps each constraint the database names in a refusal to its refusal code.
const codeOf: Record<string, ErrorCode> = {
  b2b_requests_pair_uq: "b2b_request_duplicate",
  b2b_meetings_sme_slot_uq: "b2b_double_booked",
  b2b_meetings_buyer_slot_uq: "b2b_double_booked",
  b2b_meetings_table_slot_uq: "b2b_table_taken",
  b2b_meetings_table_in_lounge: "b2b_no_such_table",
  b2b_interpreter_full: "b2b_interpreter_full",
};

/** The refusal a B2B constraint violation stands for, or undefined for any other error
 *  (which the caller rethrows: it is a bug, not a refusal). */
export function b2bRefusal(e: unknown): DomainError | undefined {
  const state = sqlStateOf(e);
  if (state !== "23505" && state !== "23514") return undefined;
  const name = constraintName(e);
  const code = name ? codeOf[name] : undefined;
  return code ? new DomainError(code) : undefined;
}

/** Runs a write and turns a B2B constraint violation into its refusal. */
export async function refusingB2b<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw b2bRefusal(e) ?? e;
  }
}

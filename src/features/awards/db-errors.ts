import { constraintName, sqlStateOf } from "../../platform/db/errors";
import { DomainError, type ErrorCode } from "../../platform/errors";

// The awards' invariants live in the database (tables.ts and the hand-written block of the awards
// migration); this maps each constraint the database names in a refusal to its refusal code.
const codeOf: Record<string, ErrorCode> = {
  award_judge_recused: "award_judge_recused",
  award_round_not_open: "award_round_not_open",
  award_results_locked: "award_results_locked",
  award_scores_assignment_fk: "award_not_assigned",
  award_assignments_judge_fk: "award_not_assigned",
};

/** Runs a write and turns an awards constraint violation into its refusal; anything else is a bug. */
export async function refusingAwards<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const state = sqlStateOf(e);
    const name = constraintName(e);
    const code = (state === "23514" || state === "23503" || state === "23505") && name ? codeOf[name] : undefined;
    if (code) throw new DomainError(code);
    throw e;
  }
}

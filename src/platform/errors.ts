// Domain errors carry a stable code and a message key. Services throw these,
// never HTTP errors; src/platform/http/errors.ts maps codes to statuses, and the
// i18n catalogues map `error.<code>` to text in each language.

export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  // A change that conflicts with data in a way no more specific code below names.
  conflict: 409,
  already_exists: 409,
  slug_taken: 409,
  // Refusals: each its own code, so clients and pages can tell them apart (issue #10, item 3).
  registration_inactive: 409,
  idempotency_key_reused: 409,
  call_closed: 409,
  rule_published: 409,
  quota_exceeded: 409,
  nominated_meanwhile: 409,
  too_many_reprints: 409,
  registration_not_approved: 409,
  key_rotation_conflict: 409,
  badge_revoked: 409,
  zone_already_granted: 409,
  withdrawal_not_allowed: 409,
  selection_published: 409,
  appeal_not_allowed: 409,
  appeal_window_closed: 409,
  appeal_decided: 409,
  // B2B matchmaking: refusals the database makes (b2b/db-errors.ts maps its constraints to these).
  b2b_request_duplicate: 409,
  b2b_double_booked: 409,
  b2b_table_taken: 409,
  b2b_no_such_table: 409,
  b2b_interpreter_full: 409,
  // B2B matchmaking: who may take part, and when.
  b2b_selection_unpublished: 409,
  b2b_matchmaking_off: 409,
  b2b_window_closed: 409,
  b2b_registration_not_approved: 409,
  b2b_not_trade_category: 409,
  b2b_regulators_not_allowed: 409,
  b2b_kind_not_for_category: 409,
  b2b_participant_withdrawn: 409,
  // B2B matchmaking: meeting requests.
  b2b_no_such_participant: 404,
  b2b_no_such_request: 404,
  b2b_same_side: 409,
  b2b_direction_not_allowed: 409,
  b2b_request_cap: 409,
  b2b_request_decided: 409,
  b2b_request_expired: 409,
  // B2B scheduling runs (b2b/operations/runs*.ts).
  b2b_run_in_progress: 409,
  b2b_run_not_done: 409,
  b2b_no_such_slot: 409,
  b2b_run_published: 409,
  // B2B matchmaking: meetings after publication (operations/meetings.ts, operations/repair.ts).
  b2b_meeting_not_found: 404,
  b2b_staff_not_found: 404,
  b2b_not_exhibitor: 409,
  // Stall allocation runs (floor/operations/allocation*.ts).
  floor_nothing_to_allocate: 409,
  floor_run_not_draft: 409,
  floor_stall_blocked: 409,
  floor_stall_held: 409,
  floor_stall_taken: 409,
  programme_session_full: 409,
  programme_invitation_only: 409,
  programme_category_not_admitted: 409,
  programme_not_registered: 409,
  programme_not_released: 409,
  programme_release_name_taken: 409,
  // Exhibitor portal: the signed-in account is not an exhibitor of any edition (issue #12, item 5).
  exhibitor_not_found: 404,
  // The floor plan editor (floor/operations/plan-edit.ts): each refusal its own code.
  floor_outside_hall: 409,
  floor_overlap: 409,
  floor_on_obstacle: 409,
  floor_not_adjacent: 409,
  floor_nothing_to_undo: 409,
  floor_number_taken: 409,
  floor_code_taken: 409,
  floor_import_invalid: 400,
  // The SME awards (features/awards): judging, recusal and sealed results.
  award_judge_recused: 409,
  award_not_assigned: 403,
  award_round_not_open: 409,
  award_round_not_closed: 409,
  award_results_locked: 409,
  award_results_sealed: 403,
  award_not_eligible: 409,
  award_not_open_for_applications: 409,
  award_rounds_not_closed: 409,
  // A reassignment (moderation) to a judge already on the entry, or of an entry already scored.
  award_already_assigned: 409,
  award_assignment_scored: 409,
  token_invalid: 410,
  // A typed short badge code (checkin/core/short-code.ts) whose check letter does not match, or
  // one of another edition: said plainly at the gate, never guessed at.
  short_code_check_failed: 400,
  short_code_other_edition: 404,
  // The baseline survey (issue #15): no survey for the edition, or it is not open for answers.
  baseline_no_survey: 404,
  baseline_not_open: 409,
  // An applicant's baseline link that opens nothing (unknown, withdrawn, another edition, not asked:
  // one answer for all, decision 0018); emailing applicants when the survey does not ask them.
  baseline_link_unknown: 404,
  baseline_applicants_not_asked: 409,
  payload_too_large: 413,
  rate_limited: 429,
  // the meeting day (issue #14)
  meetday_outcome_too_early: 409,
  // personal data (issue #15, part 7): nobody of the organiser's editions has that email or registration
  privacy_person_not_found: 404,
  // walk-up meetings (issue #14, item 3)
  meetday_walkup_closed: 409,
  meetday_walkup_slot_taken: 409,
  meetday_walkup_not_found: 404,
  meetday_walkup_decided: 409,
  meetday_walkup_lapsed: 409,
  meetday_walkup_already_meeting: 409,
  meetday_walkup_pending: 409,
  meetday_walkup_cap: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly params: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldIssue[]; params?: Record<string, string | number> } = {},
  ) {
    super(options.message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const notFound = (what: string) => new DomainError("not_found", { params: { what } });
export const forbidden = () => new DomainError("forbidden");

// Every action the audit log records, and every kind of thing it records it about. `recordAudit`
// takes only these, so a new action is added here first; the back office keeps each one's English
// and Urdu name (features/backoffice/messages.ts, checked by audit-actions.test.ts there).

export const auditActions = [
  // editions
  "edition.updated",
  "edition.copied",
  "sector.created",
  "trade_body.added",
  "cluster.created",
  "cluster.updated",
  "cluster.deleted",
  // accounts
  "account.invited",
  "account.invitation_accepted",
  "account.password_reset",
  "account.updated",
  "account.created",
  "api_token.created",
  "api_token.revoked",
  // registration
  "registration.capacity_set",
  "registration.walk_in",
  "registration.approved",
  "registration.refused",
  "registration.question_created",
  "registration.question_updated",
  "registration.question_deleted",
  "registration.exported",
  "registration.details_changed",
  "registration.updated",
  "registration.cancelled",
  // checkin
  "checkin.zone_created",
  "checkin.zone_updated",
  "checkin.zone_rules_set",
  "checkin.zone_granted",
  "checkin.nameSearched",
  "checkin.zone_grant_revoked",
  "checkin.gate_created",
  "checkin.gate_updated",
  "checkin.rehearsal_started",
  "checkin.rehearsal_ended",
  "badge.reissuedAll",
  "badge.staffQuotaSet",
  "badge.staffIssued",
  "badge.reprinted",
  "badge.revoked",
  "badge.keyRotated",
  // nominations
  "nomination_call.created",
  "nomination_call.updated",
  "nomination_call.published",
  "nominations.accepted",
  "nomination.link_reissued",
  "application.saved",
  "application.submitted",
  "application.updated",
  "application.photo_added",
  // selection
  "reviews.assigned",
  "review.conflict_declared",
  "review.scored",
  "reviewer_affiliation.added",
  "reviewer_affiliation.removed",
  "selection.ran",
  "selection.overridden",
  "selection.published",
  "nomination.withdrawn",
  "appeal.filed",
  "appeal.upheld",
  "appeal.rejected",
  // b2b
  "b2b.programme_set",
  "b2b.exhibitors_enrolled",
  "b2b.buyer_joined",
  "b2b.access_link_issued",
  "b2b.participant_withdrawn",
  "b2b.profile_updated",
  "b2b.request_sent",
  "b2b.request_edited",
  "b2b.request_withdrawn",
  "b2b.request_accepted",
  "b2b.request_declined",
  "b2b.request_created_direct",
  "b2b.requests_bulk_accepted",
  "b2b.run_started",
  "b2b.run_placement_changed",
  "b2b.run_published",
  "b2b.meeting_cancelled",
  "b2b.meetings_repaired",
  "b2b.staff_changed",
  "b2b.calendar_link_issued",
  // floor
  "floor.hall_created",
  "floor.plan_edited",
  "floor.plan_undone",
  "floor.stalls_imported",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = [
  "edition",
  "sector",
  "cluster",
  "trade_body",
  "user",
  "invitation",
  "api_token",
  "enterprise",
  "registration",
  "registration_question",
  "checkin_zone",
  "checkin_gate",
  "nomination_call",
  "nomination",
  "appeal",
  "b2b_participant",
  "b2b_request",
  "b2b_run",
  "floor_hall",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (auditActions as readonly string[]).includes(s);
}

export function isAuditEntityType(s: string): s is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(s);
}

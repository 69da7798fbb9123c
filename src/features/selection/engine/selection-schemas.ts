// Input and output shapes of the selection run (select.ts) and of the
// follow-up steps on its result (decisions.ts). Results are plain JSON so they
// can be stored, published and fed back into promoteFromWaitlist/applyOverrides.
import { z } from "zod";
import { PreferenceGroup, SizeClass } from "./common";
import { PreferenceRule } from "#features/nominations/client";

export { PreferenceRule };

export const SelectionApplication = z.object({
  id: z.string().min(1),
  clusterId: z.string().min(1),
  sectorId: z.string().nullable().default(null),
  sizeClass: SizeClass,
  womenLed: z.boolean(),
  normalisedScore: z.number().min(0).max(100),
  rawScore: z.number().min(0).max(5).default(0),
  submittedAt: z.iso.datetime({ offset: true }),
  tradeBodyId: z.string().nullable().default(null),
});

// Places per cluster and per sector. A cluster with its own target is capped by
// it; a sector target caps all its clusters together; a cluster with no target
// of its own in a sector with one shares the sector's places. A cluster with
// neither has no places. The sector of a cluster comes from its applications
// or its cluster target entry (they must agree).
export const SelectInput = z
  .object({
    applications: z.array(SelectionApplication),
    clusterTargets: z.array(z.object({ clusterId: z.string().min(1), places: z.number().int().min(0), sectorId: z.string().nullable().default(null) })),
    sectorTargets: z.array(z.object({ sectorId: z.string().min(1), places: z.number().int().min(0) })).default([]),
    totalStalls: z.number().int().min(0),
    rule: PreferenceRule.prefault({}),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.applications.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: "custom", path: ["applications", i, "id"], params: { code: "duplicate_id" } });
      seen.add(a.id);
    });
    const clusters = new Set<string>();
    input.clusterTargets.forEach((t, i) => {
      if (clusters.has(t.clusterId)) ctx.addIssue({ code: "custom", path: ["clusterTargets", i, "clusterId"], params: { code: "duplicate_id" } });
      clusters.add(t.clusterId);
    });
    const sectors = new Set<string>();
    input.sectorTargets.forEach((t, i) => {
      if (sectors.has(t.sectorId)) ctx.addIssue({ code: "custom", path: ["sectorTargets", i, "sectorId"], params: { code: "duplicate_id" } });
      sectors.add(t.sectorId);
    });
    // One sector per cluster, whoever says it.
    const sectorOf = new Map<string, string>();
    const check = (clusterId: string, sectorId: string | null, path: (string | number)[]) => {
      if (sectorId === null) return;
      const known = sectorOf.get(clusterId);
      if (known !== undefined && known !== sectorId) ctx.addIssue({ code: "custom", path, params: { code: "sector_mismatch" } });
      sectorOf.set(clusterId, sectorId);
    };
    input.clusterTargets.forEach((t, i) => check(t.clusterId, t.sectorId, ["clusterTargets", i, "sectorId"]));
    input.applications.forEach((a, i) => check(a.clusterId, a.sectorId, ["applications", i, "sectorId"]));
  });
export type SelectInput = z.input<typeof SelectInput>;

export const Status = z.enum(["selected", "waitlisted", "not_selected", "withdrawn"]);
export type Status = z.infer<typeof Status>;

// Stable reason codes, translated by the UI; params are plain values.
export const ReasonCode = z.enum([
  "bonus_applied", // {points, groups}
  "reserved_seat", // {group}
  "open_seat",
  "below_minimum_score", // {minimum}
  "no_places_in_cluster",
  "cluster_target_reached", // {target}
  "sector_target_reached", // {target}
  "reserved_places_filled", // would have had a place on adjusted score alone
  "stall_total_reached", // {total}
  "waitlisted", // {position}
  "waitlist_full", // {length}
  "override", // {previous, justification}
  "withdrawn",
  "promoted_reserved_seat", // {group, replaces}
  "promoted_next_on_waitlist", // {replaces}
  "waitlist_empty",
]);
export type ReasonCode = z.infer<typeof ReasonCode>;
export const Reason = z.object({ code: ReasonCode, params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type Reason = z.infer<typeof Reason>;

export const Decision = z.object({
  applicationId: z.string(),
  clusterId: z.string(),
  sizeClass: SizeClass,
  womenLed: z.boolean(),
  status: Status,
  normalisedScore: z.number(),
  rawScore: z.number(),
  bonus: z.number(),
  adjustedScore: z.number(),
  submittedAt: z.string(),
  rankInCluster: z.number().int(), // 1 = best adjusted score in the cluster
  clusterApplicants: z.number().int(),
  eligible: z.boolean(), // at or above the minimum score
  seat: z.enum(["reserved", "open", "override"]).nullable(),
  seatGroup: PreferenceGroup.nullable(),
  waitlistPosition: z.number().int().nullable(),
  reasons: z.array(Reason),
});
export type Decision = z.infer<typeof Decision>;

export const ReservedCount = z.object({
  group: PreferenceGroup,
  required: z.number().int(), // places reserved for the group in this cluster
  filled: z.number().int(), // selected members of the group, whatever their seat
  eligible: z.number().int(), // eligible applicants in the group
});

export const ClusterSummary = z.object({
  clusterId: z.string(),
  sectorId: z.string().nullable().default(null),
  // null: no target of its own; the cluster shares its sector's places (see SectorSummary).
  target: z.number().int().nullable(),
  applicants: z.number().int(),
  eligible: z.number().int(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  // Reservations of this cluster's own places; empty when it shares its sector's.
  reserved: z.array(ReservedCount),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const SectorSummary = z.object({
  sectorId: z.string(),
  target: z.number().int(),
  // Places left for the sector's clusters without a target of their own (the
  // sector target less its clusters' own targets); their reservations apply to it.
  sharedPlaces: z.number().int(),
  applicants: z.number().int(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  reserved: z.array(ReservedCount), // over the clusters sharing the sector's places
});
export type SectorSummary = z.infer<typeof SectorSummary>;

export const Flag = z.object({
  code: z.enum(["cluster_target_exceeded", "sector_target_exceeded", "stall_total_exceeded", "reserved_share_unmet"]),
  clusterId: z.string().nullable(),
  sectorId: z.string().nullable().default(null),
  group: PreferenceGroup.nullable(),
  limit: z.number().int(),
  actual: z.number().int(),
});
export type Flag = z.infer<typeof Flag>;

export const SelectionResult = z.object({
  rule: PreferenceRule,
  totalStalls: z.number().int(),
  decisions: z.array(Decision),
  clusters: z.array(ClusterSummary),
  sectors: z.array(SectorSummary).default([]),
  totals: z.object({
    applicants: z.number().int(),
    selected: z.number().int(),
    waitlisted: z.number().int(),
    notSelected: z.number().int(),
    withdrawn: z.number().int(),
  }),
  flags: z.array(Flag),
  overrides: z.array(z.object({ applicationId: z.string(), from: Status, to: Status, justification: z.string() })),
});
export type SelectionResult = z.infer<typeof SelectionResult>;

export const Override = z.object({
  applicationId: z.string().min(1),
  status: z.enum(["selected", "waitlisted", "not_selected"]),
  justification: z.string().trim().min(10).max(2000),
});
export type Override = z.input<typeof Override>;

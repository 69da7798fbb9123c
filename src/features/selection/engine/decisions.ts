// What happens to a selection after the run: counts and flags (summarise),
// a withdrawal with promotion from the same cluster's waitlist, and organiser
// overrides with a recorded justification. All pure: each returns a new result.
import { z } from "zod";
import { DomainError } from "../../../platform/errors";
import { parseInput } from "../../../platform/validation";
import { byString, groupsOf, inGroup, preferenceGroups, type PreferenceGroup } from "./common";
import { placesOf, type PlacesInput } from "./places";
import { reservedSeats } from "./rule";
import { Override, type Decision, type Flag, type Reason, type SelectionResult } from "./selection-schemas";

type Base = Pick<SelectionResult, "rule" | "totalStalls" | "decisions" | "overrides">;

const bonusReasons = (d: Decision): Reason[] =>
  d.bonus > 0 ? [{ code: "bonus_applied", params: { points: d.bonus, groups: groupsOf(d).join(",") } }] : [];

/** Renumbers waitlists in rank order and recomputes cluster and sector counts, totals and flags. */
export function summarise(base: Base, targets: PlacesInput): SelectionResult {
  const decisions = base.decisions
    .map((d) => ({ ...d, reasons: d.reasons.filter((r) => r.code !== "waitlisted") }))
    .sort((a, b) => byString(a.clusterId, b.clusterId) || a.rankInCluster - b.rankInCluster);
  const position = new Map<string, number>();
  for (const d of decisions) {
    if (d.status !== "waitlisted") {
      d.waitlistPosition = null;
      continue;
    }
    const p = (position.get(d.clusterId) ?? 0) + 1;
    position.set(d.clusterId, p);
    d.waitlistPosition = p;
    d.reasons.push({ code: "waitlisted", params: { position: p } });
  }

  const places = placesOf(targets);
  const flags: Flag[] = [];
  const reservedOf = (members: Decision[], placeCount: number, at: { clusterId: string | null; sectorId: string | null }) => {
    const active = members.filter((d) => d.status !== "withdrawn");
    const selected = members.filter((d) => d.status === "selected");
    const seats = reservedSeats(placeCount, base.rule);
    const reserved = preferenceGroups.map((group) => ({
      group,
      required: seats[group],
      filled: selected.filter((d) => inGroup(d, group)).length,
      eligible: active.filter((d) => d.eligible && inGroup(d, group)).length,
    }));
    for (const r of reserved) {
      if (r.filled < r.required && r.eligible > r.filled) {
        flags.push({ code: "reserved_share_unmet", ...at, group: r.group, limit: r.required, actual: r.filled });
      }
    }
    return reserved;
  };
  const clusters = [...targets.clusters]
    .sort((a, b) => byString(a.clusterId, b.clusterId))
    .map(({ clusterId }) => {
      const members = decisions.filter((d) => d.clusterId === clusterId);
      const selected = members.filter((d) => d.status === "selected");
      const target = places.ownTarget(clusterId);
      const sectorId = places.sectorOf(clusterId);
      if (target !== null && selected.length > target) {
        flags.push({ code: "cluster_target_exceeded", clusterId, sectorId, group: null, limit: target, actual: selected.length });
      }
      return {
        clusterId,
        sectorId,
        target,
        applicants: members.length,
        eligible: members.filter((d) => d.eligible).length,
        selected: selected.length,
        waitlisted: members.filter((d) => d.status === "waitlisted").length,
        reserved: target === null ? [] : reservedOf(members, target, { clusterId, sectorId: null }),
      };
    });
  const sectors = places.sectors().map(({ sectorId, target, sharedPlaces }) => {
    const members = decisions.filter((d) => places.sectorOf(d.clusterId) === sectorId);
    const sharing = members.filter((d) => places.unitOf(d.clusterId) === `s:${sectorId}`);
    const selected = members.filter((d) => d.status === "selected").length;
    if (selected > target) flags.push({ code: "sector_target_exceeded", clusterId: null, sectorId, group: null, limit: target, actual: selected });
    return {
      sectorId,
      target,
      sharedPlaces,
      applicants: members.length,
      selected,
      waitlisted: members.filter((d) => d.status === "waitlisted").length,
      reserved: reservedOf(sharing, sharedPlaces, { clusterId: null, sectorId }),
    };
  });
  const count = (status: Decision["status"]) => decisions.filter((d) => d.status === status).length;
  const totals = {
    applicants: decisions.length,
    selected: count("selected"),
    waitlisted: count("waitlisted"),
    notSelected: count("not_selected"),
    withdrawn: count("withdrawn"),
  };
  if (totals.selected > base.totalStalls) {
    flags.push({ code: "stall_total_exceeded", clusterId: null, sectorId: null, group: null, limit: base.totalStalls, actual: totals.selected });
  }
  return { rule: base.rule, totalStalls: base.totalStalls, decisions, clusters, sectors, totals, flags, overrides: base.overrides };
}

/** The places of a stored result, to summarise it again after a change. */
export const targetsOf = (result: SelectionResult): PlacesInput => ({
  clusters: result.clusters.map(({ clusterId, sectorId, target }) => ({ clusterId, sectorId, target })),
  sectors: result.sectors.map(({ sectorId, target }) => ({ sectorId, target })),
});

function find(result: SelectionResult, applicationId: string): Decision {
  const d = result.decisions.find((x) => x.applicationId === applicationId);
  if (!d) throw new DomainError("not_found", { params: { what: "application" } });
  return d;
}

export interface Promotion {
  result: SelectionResult;
  promoted: string | null;
  reason: Reason;
}

/**
 * A selected (or waitlisted) applicant withdraws. The freed place goes to the
 * same cluster's waitlist: first to the best waitlisted member of a group whose
 * reserved places are now short (women-led micro, then women-led, then micro),
 * otherwise to the first on the waitlist.
 */
export function promoteFromWaitlist(result: SelectionResult, withdrawnId: string): Promotion {
  const withdrawn = find(result, withdrawnId);
  if (withdrawn.status !== "selected" && withdrawn.status !== "waitlisted") {
    throw new DomainError("withdrawal_not_allowed", { params: { status: withdrawn.status } });
  }
  const wasSelected = withdrawn.status === "selected";
  const decisions = result.decisions.map((d) =>
    d.applicationId === withdrawnId
      ? { ...d, status: "withdrawn" as const, seat: null, seatGroup: null, reasons: [{ code: "withdrawn" as const, params: {} }] }
      : { ...d },
  );
  const finish = (promoted: string | null, reason: Reason): Promotion => ({
    result: summarise({ ...result, decisions }, targetsOf(result)),
    promoted,
    reason,
  });
  const places = placesOf(targetsOf(result));
  const clusterId = withdrawn.clusterId;
  const sectorId = places.sectorOf(clusterId);
  const unit = places.unitOf(clusterId);
  const selectedNow = decisions.filter((d) => d.status === "selected");
  const inCluster = selectedNow.filter((d) => d.clusterId === clusterId).length;
  const inSector = selectedNow.filter((d) => sectorId !== null && places.sectorOf(d.clusterId) === sectorId).length;
  if (!wasSelected) return finish(null, { code: "withdrawn", params: {} });
  if (inCluster >= places.clusterCap(clusterId)) return finish(null, { code: "cluster_target_reached", params: { target: places.ownTarget(clusterId) ?? 0 } });
  if (inSector >= places.sectorCap(sectorId)) return finish(null, { code: "sector_target_reached", params: { target: places.sectorTarget(sectorId) ?? 0 } });
  if (selectedNow.length >= result.totalStalls) return finish(null, { code: "stall_total_reached", params: { total: result.totalStalls } });

  // Reservations short after the withdrawal: of the cluster's own places, or of its sector's shared places.
  const inUnit = selectedNow.filter((d) => places.unitOf(d.clusterId) === unit);
  const reserved = unit.startsWith("s:") ? (result.sectors.find((s) => s.sectorId === sectorId)?.reserved ?? []) : (result.clusters.find((c) => c.clusterId === clusterId)?.reserved ?? []);
  const waitlist = decisions
    .filter((d) => d.clusterId === clusterId && d.status === "waitlisted")
    .sort((a, b) => a.rankInCluster - b.rankInCluster);
  let pick: { decision: Decision; group: PreferenceGroup | null } | null = null;
  for (const r of reserved) {
    const filled = inUnit.filter((d) => inGroup(d, r.group)).length;
    const candidate = waitlist.find((d) => inGroup(d, r.group));
    if (filled < r.required && candidate) {
      pick = { decision: candidate, group: r.group };
      break;
    }
  }
  if (!pick && waitlist[0]) pick = { decision: waitlist[0], group: null };
  if (!pick) return finish(null, { code: "waitlist_empty", params: {} });

  const reason: Reason = pick.group
    ? { code: "promoted_reserved_seat", params: { group: pick.group, replaces: withdrawnId } }
    : { code: "promoted_next_on_waitlist", params: { replaces: withdrawnId } };
  const d = pick.decision;
  d.status = "selected";
  d.seat = pick.group ? "reserved" : "open";
  d.seatGroup = pick.group;
  d.reasons = [...bonusReasons(d), reason];
  return finish(d.applicationId, reason);
}

/**
 * Any applicant withdraws: a selected or waitlisted one through
 * promoteFromWaitlist (the place goes to the cluster's waitlist), a
 * not-selected one simply leaves the results. Withdrawing twice changes nothing.
 */
export function withdrawDecision(result: SelectionResult, withdrawnId: string): Promotion {
  const d = find(result, withdrawnId);
  if (d.status === "selected" || d.status === "waitlisted") return promoteFromWaitlist(result, withdrawnId);
  const withdrawn: Reason = { code: "withdrawn", params: {} };
  if (d.status === "withdrawn") return { result, promoted: null, reason: withdrawn };
  const decisions = result.decisions.map((x) => (x.applicationId === withdrawnId ? { ...x, status: "withdrawn" as const, seat: null, seatGroup: null, reasons: [withdrawn] } : { ...x }));
  return { result: summarise({ ...result, decisions }, targetsOf(result)), promoted: null, reason: withdrawn };
}

/**
 * Organiser overrides, each changing one decision with a justification. They
 * never cascade (nobody else moves); the recomputed flags show any target or
 * stall total now exceeded, or a reserved share no longer met.
 */
export function applyOverrides(result: SelectionResult, raw: Override[]): SelectionResult {
  const overrides = parseInput(
    z.array(Override).superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        const d = result.decisions.find((x) => x.applicationId === o.applicationId);
        const code = seen.has(o.applicationId) ? "duplicate_id" : !d ? "unknown_application" : d.status === "withdrawn" ? "withdrawn" : null;
        if (code) ctx.addIssue({ code: "custom", path: [i, "applicationId"], params: { code } });
        seen.add(o.applicationId);
      });
    }),
    raw,
  );
  const decisions = result.decisions.map((d) => ({ ...d }));
  const log = [...result.overrides];
  for (const o of overrides) {
    const d = decisions.find((x) => x.applicationId === o.applicationId)!;
    log.push({ applicationId: d.applicationId, from: d.status, to: o.status, justification: o.justification });
    const previous = d.status;
    d.status = o.status;
    d.seat = o.status === "selected" ? "override" : null;
    d.seatGroup = null;
    d.reasons = [...bonusReasons(d), { code: "override", params: { previous, justification: o.justification } }];
  }
  return summarise({ ...result, decisions, overrides: log }, targetsOf(result));
}

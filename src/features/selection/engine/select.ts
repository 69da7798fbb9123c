// The selection run: a deterministic, explainable pure function.
//
// 1. Adjusted score = normalised score + bonus. Bonuses add up: womenLed
//    points if women-led, micro points if micro, and womenLedMicro points on
//    top when both (so a women-led micro enterprise gets all three).
// 2. Order (the published tie-break): adjusted score, higher first; then the
//    normalised score before any bonus; then the mean raw score; then the
//    earlier submission; then the application id. Rank in cluster follows it.
// 3. Applicants below the published minimum normalised score are never
//    selected nor waitlisted.
// 4. Reserved places, per cluster (or per sector's shared places, for clusters
//    without a target of their own: see places.ts): for each group, round(share × places)
//    places, halves rounded up, taken in the order women-led micro, women-led,
//    micro, each capped so reservations never exceed the target. A reservation
//    is a minimum: members already selected for an earlier group count toward
//    it. Each is filled with the best eligible members of the group.
//    If the reserved places of all clusters together exceed the stall total,
//    the best of them (in the order above, across clusters) keep their places.
// 5. Open places: every remaining eligible applicant of every cluster, in the
//    order above across the whole edition, takes a place unless their cluster
//    has reached its target, their sector has reached its target, or all
//    stalls are taken. (Reserved picks also yield to the sector target and the
//    stall total: if they exceed them, the best of them keep their places.)
// 6. Seat labels: of the n places a cluster (or a sector's shared places) filled, those held by its n best
//    on adjusted score alone are open places; only the others are reserved
//    places, and an applicant they displaced is told "reserved places filled".
// 7. Waitlist per cluster: the eligible applicants not selected, in rank order,
//    up to the published waitlist length.
import { parseInput } from "../../../platform/validation";
import { byString, groupsOf, inGroup, preferenceGroups, type PreferenceGroup } from "./common";
import { summarise } from "./decisions";
import { placesOf, type Unit } from "./places";
import { bonusFor, compareApplicants, reservedSeats } from "./rule";
import { SelectInput, type Decision, type Reason, type SelectionResult } from "./selection-schemas";

export { bonusFor, compareApplicants, reservedSeats };

type Input = ReturnType<typeof SelectInput.parse>;
type Application = Input["applications"][number];
type Ranked = Application & { bonus: number; adjusted: number };

export function runSelection(raw: SelectInput): SelectionResult {
  const input = parseInput(SelectInput, raw);
  const { rule } = input;
  // Timestamps are compared as text, so bring every offset to UTC first.
  const ranked: Ranked[] = input.applications
    .map((a) => ({ ...a, submittedAt: new Date(a.submittedAt).toISOString() }))
    .map((a) => ({ ...a, bonus: bonusFor(a, rule), adjusted: a.normalisedScore + bonusFor(a, rule) }))
    .sort(compareApplicants);
  const sectorOfCluster = new Map<string, string | null>();
  for (const t of input.clusterTargets) sectorOfCluster.set(t.clusterId, t.sectorId);
  for (const a of input.applications) if (a.sectorId !== null || !sectorOfCluster.has(a.clusterId)) sectorOfCluster.set(a.clusterId, a.sectorId);
  const ownTargets = new Map(input.clusterTargets.map((t) => [t.clusterId, t.places]));
  const places = placesOf({
    clusters: [...sectorOfCluster].map(([clusterId, sectorId]) => ({ clusterId, sectorId, target: ownTargets.get(clusterId) ?? null })),
    sectors: input.sectorTargets.map((s) => ({ sectorId: s.sectorId, target: s.places })),
  });
  const eligible = (a: Ranked) => a.normalisedScore >= rule.minimumScore;

  const byCluster = new Map<string, Ranked[]>();
  const byUnit = new Map<Unit, Ranked[]>();
  for (const a of ranked) {
    byCluster.set(a.clusterId, [...(byCluster.get(a.clusterId) ?? []), a]);
    const unit = places.unitOf(a.clusterId);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), a]);
  }
  const sortedUnits = [...byUnit].sort((x, y) => byString(x[0], y[0]));

  // Step 4: reserved places, unit by unit (a cluster, or a sector's shared places).
  const seatOf = new Map<string, { seat: "reserved" | "open"; group: PreferenceGroup | null }>();
  const reservedPicks: Ranked[] = [];
  for (const [unit, members] of sortedUnits) {
    const seats = reservedSeats(places.unitPlaces(unit), rule);
    const picked = new Set<string>();
    for (const group of preferenceGroups) {
      const inGroupNow = members.filter((a) => picked.has(a.id) && inGroup(a, group)).length;
      let need = seats[group] - inGroupNow;
      for (const a of members) {
        if (need <= 0) break;
        if (picked.has(a.id) || !eligible(a) || !inGroup(a, group)) continue;
        picked.add(a.id);
        reservedPicks.push(a);
        seatOf.set(a.id, { seat: "reserved", group });
        need--;
      }
    }
  }
  const selected = new Set<string>();
  const why = new Map<string, Reason>();
  const count = new Map<string, number>();
  const sectorCount = new Map<string | null, number>();
  const take = (a: Ranked) => {
    selected.add(a.id);
    count.set(a.clusterId, (count.get(a.clusterId) ?? 0) + 1);
    const s = places.sectorOf(a.clusterId);
    sectorCount.set(s, (sectorCount.get(s) ?? 0) + 1);
  };
  const sectorFull = (a: Ranked) => {
    const s = places.sectorOf(a.clusterId);
    return (sectorCount.get(s) ?? 0) >= places.sectorCap(s);
  };
  for (const a of reservedPicks.sort(compareApplicants)) {
    if (selected.size >= input.totalStalls || sectorFull(a)) {
      seatOf.delete(a.id);
      continue;
    }
    take(a);
  }

  // Step 5: open places across the edition.
  for (const a of ranked) {
    if (selected.has(a.id)) continue;
    const cap = places.clusterCap(a.clusterId);
    if (!eligible(a)) why.set(a.id, { code: "below_minimum_score", params: { minimum: rule.minimumScore } });
    else if (cap === 0) why.set(a.id, { code: "no_places_in_cluster", params: {} });
    else if (selected.size >= input.totalStalls) why.set(a.id, { code: "stall_total_reached", params: { total: input.totalStalls } });
    else if ((count.get(a.clusterId) ?? 0) >= cap) why.set(a.id, { code: "cluster_target_reached", params: { target: cap } });
    else if (sectorFull(a)) why.set(a.id, { code: "sector_target_reached", params: { target: places.sectorTarget(places.sectorOf(a.clusterId)) ?? 0 } });
    else {
      take(a);
      seatOf.set(a.id, { seat: "open", group: null });
    }
  }

  // Seat labels say who needed the reservation: an applicant among the unit's
  // best n on adjusted score alone (n = places it filled) holds an open place
  // even if the reserved round picked them; the others hold the reserved places,
  // and those they displaced are told so.
  const displaced = new Set<string>();
  for (const [, members] of byUnit) {
    const n = members.filter((a) => selected.has(a.id)).length;
    for (const a of members.filter(eligible).slice(0, n)) {
      if (!selected.has(a.id)) displaced.add(a.id);
      else if (seatOf.get(a.id)!.seat === "reserved") seatOf.set(a.id, { seat: "open", group: null });
    }
  }

  // Step 6: waitlists, and one decision per applicant with its reasons.
  const decisions: Decision[] = [];
  for (const [, members] of [...byCluster].sort((x, y) => byString(x[0], y[0]))) {
    let position = 0;
    members.forEach((a, i) => {
      const reasons: Reason[] = [];
      if (a.bonus > 0) reasons.push({ code: "bonus_applied", params: { points: a.bonus, groups: groupsOf(a).join(",") } });
      let status: Decision["status"] = "not_selected";
      let waitlistPosition: number | null = null;
      const seat = seatOf.get(a.id);
      if (selected.has(a.id) && seat) {
        status = "selected";
        reasons.push(seat.seat === "reserved" ? { code: "reserved_seat", params: { group: seat.group! } } : { code: "open_seat", params: {} });
      } else {
        const cause = why.get(a.id) ?? { code: "stall_total_reached", params: { total: input.totalStalls } };
        reasons.push(cause);
        if (displaced.has(a.id)) reasons.push({ code: "reserved_places_filled", params: {} });
        if (eligible(a) && cause.code !== "no_places_in_cluster") {
          if (rule.waitlistPerCluster === null || position < rule.waitlistPerCluster) {
            status = "waitlisted";
            waitlistPosition = ++position;
            reasons.push({ code: "waitlisted", params: { position } });
          } else {
            reasons.push({ code: "waitlist_full", params: { length: rule.waitlistPerCluster } });
          }
        }
      }
      decisions.push({
        applicationId: a.id,
        clusterId: a.clusterId,
        sizeClass: a.sizeClass,
        womenLed: a.womenLed,
        status,
        normalisedScore: a.normalisedScore,
        rawScore: a.rawScore,
        bonus: a.bonus,
        adjustedScore: a.adjusted,
        submittedAt: a.submittedAt,
        rankInCluster: i + 1,
        clusterApplicants: members.length,
        eligible: eligible(a),
        seat: status === "selected" ? seat!.seat : null,
        seatGroup: status === "selected" ? seat!.group : null,
        waitlistPosition,
        reasons,
      });
    });
  }
  const clusterIds = [...new Set([...ownTargets.keys(), ...byCluster.keys()])];
  return summarise(
    { rule, totalStalls: input.totalStalls, decisions, overrides: [] },
    {
      clusters: clusterIds.map((clusterId) => ({ clusterId, sectorId: places.sectorOf(clusterId), target: places.ownTarget(clusterId) })),
      sectors: places.sectors().map(({ sectorId, target }) => ({ sectorId, target })),
    },
  );
}

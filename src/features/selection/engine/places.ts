// Where the places are: targets per cluster and per sector, as caps and as the
// places reserved shares are taken of. Shared by the run (select.ts) and the
// follow-up steps (decisions.ts). Pure.
//
// - A cluster with its own target is capped by it, and reserved shares are
//   taken of its places, as before sector targets existed.
// - A sector target caps all the sector's clusters together.
// - A cluster without a target of its own, in a sector with a target, shares
//   the sector's places with the sector's other such clusters: its cap is the
//   sector's, and reserved shares are taken of the sector's *shared places*
//   (the sector target less its clusters' own targets), filled by the best
//   members of the group across those clusters.
// - A cluster with neither has no places.

export interface PlacesInput {
  clusters: { clusterId: string; sectorId: string | null; target: number | null }[];
  sectors: { sectorId: string; target: number }[];
}

/** Reservation units: a cluster with its own places, or a sector's shared places. */
export type Unit = `c:${string}` | `s:${string}`;

export interface Places {
  sectorOf(clusterId: string): string | null;
  /** The cluster's own target, null when it shares its sector's places, 0 when it has no places. */
  ownTarget(clusterId: string): number | null;
  clusterCap(clusterId: string): number;
  sectorCap(sectorId: string | null): number;
  sectorTarget(sectorId: string | null): number | null;
  unitOf(clusterId: string): Unit;
  unitPlaces(unit: Unit): number;
  /** Sectors with a target, sorted by id. */
  sectors(): { sectorId: string; target: number; sharedPlaces: number }[];
}

export function placesOf(input: PlacesInput): Places {
  const sectorTargets = new Map(input.sectors.map((s) => [s.sectorId, s.target]));
  const sectorOfCluster = new Map<string, string | null>();
  const own = new Map<string, number>();
  for (const c of input.clusters) {
    if (c.sectorId !== null || !sectorOfCluster.has(c.clusterId)) sectorOfCluster.set(c.clusterId, c.sectorId);
    if (c.target !== null) own.set(c.clusterId, c.target);
  }
  const ownTotal = new Map<string, number>();
  for (const [clusterId, target] of own) {
    const s = sectorOfCluster.get(clusterId) ?? null;
    if (s !== null) ownTotal.set(s, (ownTotal.get(s) ?? 0) + target);
  }
  const shared = (sectorId: string) => Math.max(0, (sectorTargets.get(sectorId) ?? 0) - (ownTotal.get(sectorId) ?? 0));
  const sectorOf = (clusterId: string) => sectorOfCluster.get(clusterId) ?? null;
  const sharesSector = (clusterId: string) => !own.has(clusterId) && sectorTargets.has(sectorOf(clusterId) ?? "");
  return {
    sectorOf,
    ownTarget: (clusterId) => own.get(clusterId) ?? (sharesSector(clusterId) ? null : 0),
    clusterCap: (clusterId) => own.get(clusterId) ?? (sharesSector(clusterId) ? Infinity : 0),
    sectorCap: (sectorId) => (sectorId === null ? Infinity : (sectorTargets.get(sectorId) ?? Infinity)),
    sectorTarget: (sectorId) => (sectorId === null ? null : (sectorTargets.get(sectorId) ?? null)),
    unitOf: (clusterId) => (sharesSector(clusterId) ? `s:${sectorOf(clusterId)!}` : `c:${clusterId}`),
    unitPlaces: (unit) => (unit.startsWith("s:") ? shared(unit.slice(2)) : (own.get(unit.slice(2)) ?? 0)),
    sectors: () =>
      [...sectorTargets]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([sectorId, target]) => ({ sectorId, target, sharedPlaces: shared(sectorId) })),
  };
}

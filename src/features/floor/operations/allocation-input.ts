import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { enterprises, products } from "#features/editions";
import { floorHalls } from "../tables";
import { clusters } from "#features/editions";
import { nominations, selections } from "#features/nominations";
import type { AllocArea, AllocExhibitor, AllocStall } from "../engine/allocate";
import { floorAreas, floorStalls } from "../tables";
import { stallNeedsPort, type StallNeeds } from "../stall-needs-port";
import { bbox } from "./plan";

// What an allocation run reads from the database (docs/floor.md, "Allocating the stalls"): the
// edition's plan as the engine sees it, and its selected exhibitors (the published selection's
// "selected" decisions → their nominations → the registry's enterprises, by NTN).

export type StallRow = typeof floorStalls.$inferSelect;

export interface SelectedExhibitor extends AllocExhibitor {
  nameEn: string;
  nameUr: string | null;
  /** Where to write to it: its nomination's contact, in its language. */
  email: string | null;
  contactName: string;
  locale: "en" | "ur";
}

export interface PlanForAllocation {
  halls: (typeof floorHalls.$inferSelect)[];
  areas: (typeof floorAreas.$inferSelect)[];
  allocAreas: AllocArea[];
  stallRows: StallRow[];
  /** The engine's stalls; `free` is set by the caller (it depends on who is in the run). */
  stalls: AllocStall[];
}

export async function planForAllocation(db: Executor, editionId: string): Promise<PlanForAllocation> {
  const halls = await db.select().from(floorHalls).where(eq(floorHalls.editionId, editionId)).orderBy(asc(floorHalls.sort), asc(floorHalls.code));
  const areas = await db.select().from(floorAreas).where(eq(floorAreas.editionId, editionId)).orderBy(asc(floorAreas.sort), asc(floorAreas.code));
  const stallRows = await db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId)).orderBy(asc(floorStalls.seq), asc(floorStalls.number));
  const hallOrder = new Map(halls.map((h, i) => [h.id, i + 1]));
  const stalls = stallRows.map((s): AllocStall => {
    const box = s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { x: s.x, y: s.y, w: s.w, h: s.h } : bbox(s.polygon ?? []);
    return {
      id: s.id,
      hallId: s.hallId,
      hallOrder: hallOrder.get(s.hallId) ?? 0,
      number: s.number,
      seq: s.seq,
      ...box,
      areaId: s.areaId,
      areaM2: s.areaM2,
      power: s.power,
      accessible: s.accessible,
      corner: s.corner,
      free: false,
    };
  });
  return { halls, areas, allocAreas: areas.map((a) => ({ id: a.id, kind: a.kind, clusterId: a.clusterId })), stallRows, stalls };
}

/**
 * The edition's selected exhibitors as the engine sees them, with the stall needs each stated in
 * its portal (stall-needs-port.ts). Needs, which may take it out of its pavilion: three-phase power,
 * step-free access, a floor area; wishes, met inside its area when a stall has them: ordinary
 * (single-phase) power, a corner (docs/decisions/0017-stall-needs.md). A women-led micro
 * enterprise asks for the women entrepreneurs' enclave unless it said no (the published rule).
 */
export async function selectedExhibitors(db: Executor, edition: { id: string; organiserId: string }): Promise<SelectedExhibitor[]> {
  const [selection] = await db.select().from(selections).where(eq(selections.editionId, edition.id));
  if (!selection) return [];
  const decisions = ((selection.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? []).filter((d) => d.status === "selected");
  if (!decisions.length) return [];
  const noms = await db
    .select()
    .from(nominations)
    .where(and(eq(nominations.editionId, edition.id), inArray(nominations.id, decisions.map((d) => d.applicationId))));
  const ntns = [...new Set(noms.map((n) => n.ntn))];
  const ents = ntns.length ? await db.select().from(enterprises).where(and(eq(enterprises.organiserId, edition.organiserId), inArray(enterprises.ntn, ntns))) : [];
  const entByNtn = new Map(ents.map((e) => [e.ntn!, e]));
  const prods = ents.length ? await db.select({ enterpriseId: products.enterpriseId, hsCode: products.hsCode }).from(products).where(inArray(products.enterpriseId, ents.map((e) => e.id))) : [];
  const clusterIds = new Set((await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.editionId, edition.id))).map((c) => c.id));
  const needs = await stallNeedsPort().needsOf(db, edition.id, ents.map((e) => e.id));
  const hosts = await enclaveHosts(db, edition.id);
  const seen = new Set<string>();
  const out: SelectedExhibitor[] = [];
  for (const n of [...noms].sort((a, b) => (a.ntn < b.ntn ? -1 : a.ntn > b.ntn ? 1 : 0))) {
    const e = entByNtn.get(n.ntn);
    if (!e || seen.has(e.id)) continue;
    seen.add(e.id);
    const said = needs.get(e.id);
    out.push({
      id: e.id,
      clusterId: clusterIds.has(n.clusterId) ? n.clusterId : null,
      womenLed: n.womenLed,
      micro: n.sizeClass === "micro",
      ...engineNeeds(said, n.womenLed && n.sizeClass === "micro"),
      enclaveId: hosts.get(n.clusterId) ?? null,
      hsHeadings: [...new Set(prods.filter((p) => p.enterpriseId === e.id).map((p) => p.hsCode.slice(0, 4)))],
      nameEn: e.nameEn,
      nameUr: e.nameUr,
      email: n.email,
      contactName: n.contactName,
      locale: n.locale,
    });
  }
  return out;
}

/** The enclave each cluster's exhibitors go to (an enclave that names the cluster it hosts; the
 *  first by the plan's order if two do), by cluster id. */
export async function enclaveHosts(db: Executor, editionId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: floorAreas.id, clusterId: floorAreas.clusterId })
    .from(floorAreas)
    .where(and(eq(floorAreas.editionId, editionId), eq(floorAreas.kind, "enclave"), isNotNull(floorAreas.clusterId)))
    .orderBy(asc(floorAreas.sort), asc(floorAreas.code));
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.clusterId!)) out.set(r.clusterId!, r.id);
  return out;
}

/** What an exhibitor said, as the engine's needs and wishes (docs/decisions/0017-stall-needs.md). */
export function engineNeeds(said: StallNeeds | undefined, womenLedMicro: boolean) {
  return {
    wantsWomenEnclave: womenLedMicro && said?.womenEnclave !== false,
    needsPower: said?.power === "three_phase",
    wantsPower: said?.power === "single_phase",
    needsAccessible: said?.stepFree ?? false,
    wantsCorner: said?.wantsCorner ?? false,
    minAreaM2: said?.areaM2 ?? 0,
  };
}

/** A hold still running at `now`. */
export const holdActive = (s: StallRow, now: Date) => s.state === "on_hold" && s.holdExpiresAt !== null && s.holdExpiresAt > now;

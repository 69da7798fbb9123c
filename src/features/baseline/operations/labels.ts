import { eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import type { Locale } from "../../../platform/i18n/locales";
import { hasMessage, translate } from "../../../platform/i18n/translate";
import { clusters, sectors } from "#features/editions";
import { TOTAL } from "../engine/figures";
import type { Breakdown } from "../engine/breakdowns";

// The dashboards' breakdowns and their groups' names in the reader's language (the chart, its
// table and the CSV/XLSX all name a group the same way).

export { breakdowns, groupOf, type Breakdown } from "../engine/breakdowns";

/** The names of the edition's clusters (by slug) and of its sectors (keyed `sector:<code>`). */
export type ClusterNames = ReadonlyMap<string, { en: string; ur: string }>;

export async function clusterNames(db: Executor, editionId: string): Promise<ClusterNames> {
  const cs = await db.select({ slug: clusters.slug, nameEn: clusters.nameEn, nameUr: clusters.nameUr }).from(clusters).where(eq(clusters.editionId, editionId));
  const ss = await db.select({ code: sectors.code, nameEn: sectors.nameEn, nameUr: sectors.nameUr }).from(sectors).where(eq(sectors.editionId, editionId));
  return new Map([...cs.map((c) => [c.slug, { en: c.nameEn, ur: c.nameUr }] as const), ...ss.map((s) => [`sector:${s.code}`, { en: s.nameEn, ur: s.nameUr }] as const)]);
}

export function groupName(locale: Locale, by: Breakdown, group: string, names: ClusterNames): string {
  if (group === TOTAL) return translate(locale, "baseline.bo.total");
  if (group === "unknown") return translate(locale, "baseline.fig.unknown");
  if (by === "cluster") {
    const n = names.get(group);
    return n ? (locale === "ur" ? n.ur : n.en) : group;
  }
  if (by === "sector") {
    const n = names.get(`sector:${group}`);
    return n ? (locale === "ur" ? n.ur : n.en) : group;
  }
  if (by === "district") return group;
  if (by === "province") return hasMessage(`province.${group}`) ? translate(locale, `province.${group}`) : group;
  if (by === "size") return translate(locale, `baseline.bo.size.${group}`);
  if (by === "women_led") return translate(locale, group === "yes" ? "baseline.bo.womenLed" : "baseline.bo.notWomenLed");
  return translate(locale, group === "yes" ? "baseline.fig.micro" : "baseline.fig.notMicro");
}

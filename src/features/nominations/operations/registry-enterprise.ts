import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { slugify } from "../../../platform/ids";
import { clusters, editions, enterprises, tradeBodies } from "#features/editions";
import { applicationDraft } from "./application";
import type { nominations } from "../tables";

// A nomination's firm in the organiser's enterprise registry (issue #15: an applicant answering the
// baseline). The registry holds one enterprise per organiser and NTN (`enterprises_ntn_uq`), and an
// exhibitor is matched to its nomination by that NTN (exhibitors-of.ts), so the enterprise made here
// for an applicant is the one its exhibitor account later answers for: its answers carry over.

type Nomination = typeof nominations.$inferSelect;

/** The registry enterprise with the nomination's NTN, made from the nomination's facts when there
 *  is none. Idempotent and race-safe: the insert does nothing on a conflict and the unique
 *  (organiser, NTN) constraint decides, so two concurrent first calls end with one enterprise (the
 *  second insert waits for the first's commit, then reads its row). Call it in a transaction. */
export async function registryEnterpriseOf(tx: Executor, n: Nomination): Promise<string> {
  const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, n.editionId));
  const organiserId = edition!.organiserId;
  const find = async () => (await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.organiserId, organiserId), eq(enterprises.ntn, n.ntn))))[0]?.id;
  const found = await find();
  if (found) return found;
  const [cluster] = await tx.select({ slug: clusters.slug, province: clusters.province }).from(clusters).where(eq(clusters.id, n.clusterId));
  const [body] = await tx.select({ slug: tradeBodies.slug }).from(tradeBodies).where(eq(tradeBodies.id, n.tradeBodyId));
  const app = applicationDraft.safeParse(n.application);
  const base = slugify(n.enterpriseName) || "enterprise";
  const digits = n.ntn.replace(/\D/g, "");
  // A slug already taken by another firm (same name, another NTN) makes the insert do nothing and
  // the NTN stays unfound: the next slug carries the NTN's digits, which no other firm has.
  for (const slug of [base, `${base}-${digits.slice(-4)}`, `${base}-${digits || n.id.slice(0, 8)}`]) {
    await tx
      .insert(enterprises)
      .values({
        organiserId,
        slug,
        nameEn: n.enterpriseName,
        ntn: n.ntn,
        sizeClass: n.sizeClass,
        womenLed: n.womenLed,
        employees: n.employees,
        annualTurnoverPkr: n.annualTurnoverPkr,
        clusterSlug: cluster?.slug ?? null,
        district: n.district ?? (app.success && app.data.district ? app.data.district : null),
        province: cluster?.province ?? null,
        certifications: app.success ? app.data.certifications : [],
        exportMarkets: app.success ? app.data.exportMarkets.filter((c) => /^[A-Z]{2}$/.test(c)) : [],
        nominatedBySlug: body?.slug ?? null,
      })
      .onConflictDoNothing();
    const id = await find();
    if (id) return id;
  }
  throw new Error(`no free slug for nomination ${n.id}`);
}

/** What the application says about the firm that the baseline may suggest as answers. */
export function applicationFacts(n: Nomination) {
  const app = applicationDraft.safeParse(n.application);
  const data = app.success ? app.data : null;
  return {
    ntn: n.ntn,
    womenLed: n.womenLed,
    annualTurnoverPkr: n.annualTurnoverPkr,
    certifications: data?.certifications ?? [],
    exportMarkets: data?.exportMarkets ?? [],
    hsCodes: (data?.products ?? []).map((p) => p.hsCode).filter((h): h is string => !!h),
  };
}

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import type { ExhibitorPictures } from "#features/b2b";
import { editions, enterprises } from "#features/editions";
import { cataloguePath, filePath } from "../paths";
import { exhibitorFiles, exhibitorProfiles } from "../tables";

// An exhibitor's public pictures for other features' pages (issue #11: "photos" on a B2B
// profile): the logo and photos of its catalogue profile, uploaded once in the exhibitor portal,
// and its catalogue page. Only what the catalogue shows anyone: a published profile of a
// published edition (the files' own rule, getFile in profile.ts).

export async function publicMediaOf(db: Executor, editionId: string, enterpriseIds: readonly string[]): Promise<Map<string, ExhibitorPictures>> {
  const out = new Map<string, ExhibitorPictures>();
  if (!enterpriseIds.length) return out;
  const rows = await db
    .select({ enterpriseId: exhibitorProfiles.enterpriseId, firm: enterprises.slug, edition: editions.slug, fileId: exhibitorFiles.id, kind: exhibitorFiles.kind })
    .from(exhibitorProfiles)
    .innerJoin(editions, eq(editions.id, exhibitorProfiles.editionId))
    .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
    .leftJoin(exhibitorFiles, eq(exhibitorFiles.profileId, exhibitorProfiles.id))
    .where(and(eq(exhibitorProfiles.editionId, editionId), inArray(exhibitorProfiles.enterpriseId, [...enterpriseIds]), eq(exhibitorProfiles.published, true), eq(editions.status, "published")))
    .orderBy(asc(exhibitorFiles.createdAt), asc(exhibitorFiles.id));
  for (const r of rows) {
    const m = out.get(r.enterpriseId) ?? { catalogue: cataloguePath(r.edition, r.firm), logo: null, photos: [] };
    if (r.fileId && r.kind === "logo") m.logo = filePath(r.edition, r.firm, r.fileId);
    if (r.fileId && r.kind === "photo") m.photos.push(filePath(r.edition, r.firm, r.fileId));
    out.set(r.enterpriseId, m);
  }
  return out;
}

import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor } from "#features/editions";
import { b2bParticipants, b2bProfiles } from "../tables";
import { cardQuery } from "./directory";

// The organiser's list of the edition's participants, both sides (issue #11, items 2 and 4): kind,
// name, completeness, consent, withdrawal; "empty or incomplete" narrows it to the profiles to
// chase (a signed link is sent per participant with sendAccessLink). Organiser staff only
// (`b2b.manage`). One query for the rows; the counts are computed from them.

export const participantsAdminInput = z.strictObject({
  editionId: z.uuid(),
  /** Only profiles never saved or below 100 % complete (withdrawn participants left out). */
  incomplete: z.boolean().optional(),
  side: z.enum(["sme", "buyer"]).optional(),
});

export async function listParticipants(ctx: Ctx, raw: Input<typeof participantsAdminInput>) {
  const input = parseInput(participantsAdminInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "b2b.manage");
  const rows = await cardQuery(ctx.db, {
    approved: b2bParticipants.approved,
    optedIn: b2bParticipants.optedIn,
    withdrawnAt: b2bParticipants.withdrawnAt,
    hasLink: sql<boolean>`${b2bParticipants.accessTokenHash} is not null`,
    saved: sql<boolean>`${b2bProfiles.participantId} is not null`,
  })
    .where(eq(b2bParticipants.editionId, edition.id))
    .orderBy(asc(b2bParticipants.side), asc(sql`coalesce(${b2bProfiles.completeness}, 0)`), asc(b2bParticipants.id));
  const all = rows.map((r) => {
    const x = r as typeof r & { approved: boolean; optedIn: boolean; withdrawnAt: Date | null; hasLink: boolean; saved: boolean };
    return {
      id: x.id,
      side: x.side,
      kind: x.kind,
      nameEn: x.entNameEn ?? x.personNameEn ?? "",
      nameUr: x.entNameUr ?? x.personNameUr ?? null,
      organisation: x.organisation ?? null,
      completeness: x.completeness,
      saved: x.saved,
      approved: x.approved,
      optedIn: x.optedIn,
      withdrawnAt: x.withdrawnAt?.toISOString() ?? null,
      hasLink: x.hasLink,
    };
  });
  const incomplete = (p: (typeof all)[number]) => !p.withdrawnAt && p.completeness < 100;
  const counts = {
    total: all.length,
    sme: all.filter((p) => p.side === "sme").length,
    buyer: all.filter((p) => p.side === "buyer").length,
    optedIn: all.filter((p) => p.optedIn && !p.withdrawnAt).length,
    withdrawn: all.filter((p) => p.withdrawnAt).length,
    empty: all.filter((p) => !p.withdrawnAt && (!p.saved || p.completeness === 0)).length,
    incomplete: all.filter(incomplete).length,
  };
  const participants = all.filter((p) => (!input.incomplete || incomplete(p)) && (!input.side || p.side === input.side));
  return { edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr }, counts, participants };
}

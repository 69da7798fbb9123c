import { eq } from "drizzle-orm";
import { editionDayCount } from "#features/editions";
import type { EditionCopyPart } from "#features/editions";
import { b2bProgrammes } from "./tables";

/** B2B's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  programme's days and sessions (those the new edition has), breaks, slot length, places,
 *  interpreters, caps, direction and expiry. The copy starts switched off and without a window
 *  (last year's dates mean nothing next year); no participant, request or meeting is copied. */
export const b2bCopyPart: EditionCopyPart = {
  name: "b2b",
  async copy(tx, _ctx, from, to) {
    const [p] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, from.id));
    if (!p) return { b2bProgramme: 0 };
    const dayCount = editionDayCount(to);
    const { id: _id, editionId: _e, updatedAt: _u, ...settings } = p;
    await tx.insert(b2bProgrammes).values({
      ...settings,
      editionId: to.id,
      enabled: false,
      windowOpensAt: null,
      windowClosesAt: null,
      days: p.days.filter((d) => d.day <= dayCount),
      breaks: p.breaks.filter((b) => b.day <= dayCount),
      updatedAt: to.createdAt,
    });
    return { b2bProgramme: 1 };
  },
};

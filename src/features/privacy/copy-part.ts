import { eq } from "drizzle-orm";
import type { EditionCopyPart } from "#features/editions";
import { privacyRetention } from "./tables";

/** Privacy's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  retention setting, so next year keeps personal data exactly as long as this year did. */
export const privacyCopyPart: EditionCopyPart = {
  name: "privacy",
  async copy(tx, ctx, from, to) {
    const [row] = await tx.select().from(privacyRetention).where(eq(privacyRetention.editionId, from.id));
    if (!row) return { retention: 0 };
    await tx.insert(privacyRetention).values({ editionId: to.id, scanDays: row.scanDays, leadDays: row.leadDays, updatedAt: ctx.clock.now() });
    return { retention: 1 };
  },
};

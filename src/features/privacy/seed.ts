import type { Executor } from "../../platform/db/types";
import { privacyRetention } from "./tables";

/** The demo's retention (issue #15, part 7): badge scans kept two years after each show (so the
 *  2026 footfall stays to look at), stall leads one year. Once per edition. */
export async function seedPrivacyDemo(tx: Executor, editionIds: readonly (string | null | undefined)[], now: Date): Promise<void> {
  const ids = editionIds.filter((id): id is string => !!id);
  if (ids.length) await tx.insert(privacyRetention).values(ids.map((editionId) => ({ editionId, scanDays: 730, leadDays: 365, updatedAt: now }))).onConflictDoNothing();
}

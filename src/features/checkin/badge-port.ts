import type { BadgePort } from "../registration/badge-port";
import { openPrivateKey, signingKey } from "./keys";
import { badgeLinkKey } from "./operations/badge-link";
import { badgeEmail, currentBadgeOf, firstBadgeRows, issueBadge, queueBadgeEmail, revokeBadgesOfRegistration, signNewBadge } from "./operations/issue-badge";
import { badges } from "./tables";
import { sql } from "drizzle-orm";

/** Badges as registration sees them (registration/badge-port.ts); provided by src/wiring.ts. */
export const checkinBadgePort: BadgePort = {
  issue: issueBadge,
  async reprint(tx, ctx, edition, reg) {
    const current = await currentBadgeOf(tx, reg.id);
    if (!current) {
      // An approved registration without a badge (should not happen): issue its first one.
      await issueBadge(tx, ctx, reg.id);
      return (await currentBadgeOf(tx, reg.id))?.serial ?? null;
    }
    if (current.revokedAt) return null;
    const badge = await signNewBadge(tx, ctx, edition, reg, current.serial + 1);
    await queueBadgeEmail(tx, ctx, edition, reg);
    return badge.serial;
  },
  revoke: revokeBadgesOfRegistration,
  newestKeyQuery: (editionId) => sql`select key_id, private_key from badge_keys where edition_id = ${editionId} order by key_id desc limit 1`,
  async signer(db, ctx, editionId, row) {
    // No key yet: the edition's first badge makes one.
    if (row?.key_id != null && row.private_key) return { keyId: Number(row.key_id), privateKey: openPrivateKey(row.private_key) };
    return signingKey(db, ctx.clock, editionId);
  },
  firstBadges(tx, ctx, edition, category, regs, signer) {
    const rows = firstBadgeRows(ctx, edition, category, regs, signer);
    return {
      insert: tx.insert(badges).values(rows).getSQL(),
      mails: rows.map((b, i) => badgeEmail(ctx, edition, regs[i]!, badgeLinkKey(b.code, signer.privateKey))),
    };
  },
};

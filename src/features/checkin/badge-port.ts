import type { BadgePort } from "#features/registration";
import { openPrivateKey, sealingKey, signingKey } from "./keys";
import { badgeLinkKey } from "./operations/badge-link";
import { badgeEmail, currentBadgeOf, firstBadgeRows, issueBadge, queueBadgeEmail, revokeBadgesOfRegistration, signNewBadge } from "./operations/issue-badge";
import { badges } from "./tables";
import { categoryMasksJsonSql, categoryZoneMasks } from "./zone-masks";
import { sql } from "drizzle-orm";
import { jsonInsert } from "../../platform/db/json-insert";

/** The first badges' insert: one text for any rows (the rush prepares it once per connection). */
const firstBadgeInsert = jsonInsert(badges, ["editionId", "registrationId", "registrationNo", "serial", "keyId", "code", "issuedAt"]);

/** The category masks as read by newestKeyQuery (json: an object, or its text on some drivers). */
function masksOf(value: unknown): Record<string, number> | undefined {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!parsed || typeof parsed !== "object") return undefined;
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
}

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
  // One row always: the newest key (nulls when none yet) and the categories' zone masks.
  newestKeyQuery: (editionId) =>
    sql`select k.key_id, k.private_key, ${categoryMasksJsonSql(editionId)} as category_zones from (select 1) one left join lateral (select key_id, private_key from badge_keys where edition_id = ${editionId} order by key_id desc limit 1) k on true`,
  async signer(db, ctx, editionId, row) {
    const categoryZones = row && "category_zones" in row ? masksOf(row.category_zones) : Object.fromEntries(await categoryZoneMasks(db, editionId));
    // No key yet: the edition's first badge makes one.
    if (row?.key_id != null && row.private_key) return { keyId: Number(row.key_id), privateKey: openPrivateKey(String(row.private_key), sealingKey(ctx.config)), categoryZones };
    return { ...(await signingKey(db, ctx.clock, editionId, sealingKey(ctx.config))), categoryZones };
  },
  firstBadgesInsert: (rows) => firstBadgeInsert.from(rows),
  firstBadges(ctx, edition, category, regs, signer) {
    const rows = firstBadgeRows(ctx, edition, category, regs, signer, signer.categoryZones?.[category.id] ?? 0);
    return {
      json: firstBadgeInsert.json(rows),
      mails: rows.map((b, i) => badgeEmail(ctx, edition, regs[i]!, badgeLinkKey(b.code, signer.privateKey))),
    };
  },
};

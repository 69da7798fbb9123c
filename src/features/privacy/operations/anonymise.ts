import { sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Tx } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editionForChange } from "#features/editions";
import { ANONYMISED, personalDataParts, type Counts } from "#features/editions";
import { anonymiseInput } from "../schemas";
import { erasureTarget } from "./subject";

// Erasing a person on request (issue #15, part 7): every feature's part anonymises its rows in one
// transaction (registrations, badges, meetings, outcomes, survey answers, leads…), then the audit
// log's labels and the outbox's copies of their emails lose the identity too. Figures stay: rows
// are kept with their statuses, categories, sectors, outcomes and values. Running it again changes
// nothing more (by registration id; by email, the email is gone after the first run).

/** Replace every occurrence of what names the person in the audit log and the outbox. */
async function scrub(tx: Tx, organiserId: string, registrationIds: readonly string[], needles: readonly string[]): Promise<Counts> {
  let audit = 0;
  let mail = 0;
  if (registrationIds.length) {
    const ids = sql.join(registrationIds.map((r) => sql`${r}::uuid`), sql`, `);
    const labelled = await tx.execute(sql`update audit_entries set actor_label = ${ANONYMISED} where actor_registration_id in (${ids}) and actor_label <> ${ANONYMISED} returning 1`);
    audit += rowsOf(labelled).length;
  }
  for (const needle of needles) {
    if (needle.length < 3) continue;
    // Case-insensitive (an email is typed in any case); the needle is matched literally.
    const re = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const a = await tx.execute(sql`
      update audit_entries set
        actor_label = regexp_replace(actor_label, ${re}, ${ANONYMISED}, 'gi'),
        data = regexp_replace(data::text, ${re}, ${ANONYMISED}, 'gi')::jsonb
      where (organiser_id = ${organiserId} or organiser_id is null)
        and (data::text ~* ${re} or actor_label ~* ${re}) returning 1`);
    audit += rowsOf(a).length;
    const m = await tx.execute(sql`delete from outbox_messages where lower(to_address) = lower(${needle}) returning 1`);
    mail += rowsOf(m).length;
    const b = await tx.execute(sql`
      update outbox_messages set
        subject = regexp_replace(subject, ${re}, ${ANONYMISED}, 'gi'),
        body_text = regexp_replace(body_text, ${re}, ${ANONYMISED}, 'gi'),
        body_html = regexp_replace(body_html, ${re}, ${ANONYMISED}, 'gi')
      where body_text ~* ${re} or subject ~* ${re} or coalesce(body_html, '') ~* ${re} returning 1`);
    mail += rowsOf(b).length;
  }
  return { auditEntries: audit, emails: mail };
}

export async function anonymisePerson(ctx: Ctx, raw: Input<typeof anonymiseInput>) {
  const input = parseInput(anonymiseInput, raw);
  return inTransaction(ctx, async (tx, ctx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "privacy.anonymise", "share");
    if (input.withAccount) authorize(ctx.actor, "privacy.anonymiseAccount");
    const target = await erasureTarget(tx, edition.organiserId, input, input.withAccount);
    if (!target) throw new DomainError("privacy_person_not_found");
    const at = ctx.clock.now();
    const parts: Record<string, Counts> = {};
    for (const part of personalDataParts()) parts[part.name] = await part.anonymise(tx, target.subject, at);
    // Longest first, so a name is not half replaced by a shorter one inside it.
    const needles = [...target.emails, ...target.names].sort((a, b) => b.length - a.length);
    parts.log = await scrub(tx, edition.organiserId, target.subject.registrationIds, needles);
    await recordAudit(tx, ctx, {
      action: "privacy.anonymised",
      entityType: "registration",
      entityId: target.subject.registrationIds[0] ?? null,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { registrations: target.subject.registrationIds.length, account: !!target.subject.userId, parts },
    });
    return { registrations: target.subject.registrationIds.length, account: !!target.subject.userId, parts };
  });
}

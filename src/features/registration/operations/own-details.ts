import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { STAFF_CATEGORY } from "../categories";
import { editions, visitorCategories } from "#features/editions";
import { badgePort } from "../badge-port";
import { ownDetailsInput } from "../schemas";
import { registrations } from "../tables";
import { findOwn, holderOf } from "./own";

// A registrant changes their own name and contact details, signed in or through the manage link.
//
// The badge's signed claims carry no name, so issuing would keep the current badge. But the
// printed A6 badge shows the name (Latin and Urdu) and the organisation: a badge printed before
// the change would still say the old name at the door, and a renamed registration would let the
// old paper badge walk in as someone else. So when what is printed changes on an approved
// registration, a new serial is signed (the old one is then refused as `replaced`) and the badge
// email goes out again: the badge port's reprint, which is reprintBadge's path without its
// organiser permission (the registrant may only reissue their own badge, and only by changing it).
// A revoked badge stays revoked: an organiser decides about those.

/** The fields printed on the badge. */
const PRINTED = ["name", "nameUr", "organisation"] as const;
const CHANGEABLE = ["name", "nameUr", "organisation", "designation", "phone"] as const;

export interface OwnDetailsResult {
  id: string;
  changed: string[];
  /** The new badge serial when the printed badge was reissued, else null. */
  reissuedSerial: number | null;
}

export async function updateOwnDetails(ctx: Ctx, raw: Input<typeof ownDetailsInput>): Promise<OwnDetailsResult> {
  const input = parseInput(ownDetailsInput, raw);
  if (!input.registrationId === !input.token) throw new DomainError("bad_request");
  const which = input.token ? { token: input.token } : { registrationId: input.registrationId! };
  const reg = await findOwn(ctx.db, ctx, which);
  return inTransaction(ctx, async (tx) => {
    // Only the registration row (then its badges): the same order as every other change of it.
    const [locked] = await tx.select().from(registrations).where(eq(registrations.id, reg.id)).for("update");
    if (!locked || locked.status === "cancelled" || locked.status === "refused") {
      throw new DomainError("registration_inactive");
    }
    const changed = CHANGEABLE.filter((k) => (locked[k] ?? null) !== (input[k] ?? null));
    if (changed.length === 0) return { id: reg.id, changed: [], reissuedSerial: null };
    // An organiser approved this person (a trade category), or an exhibitor issued this staff
    // badge: the holder may not put another name or organisation on it, which would hand a vetted
    // badge to someone else. Contact details may still change.
    const [category] = await tx.select().from(visitorCategories).where(eq(visitorCategories.id, locked.categoryId));
    const vetted = (locked.status === "approved" && category?.needsApproval) || category?.code === STAFF_CATEGORY;
    const printedChanged = changed.filter((k) => (PRINTED as readonly string[]).includes(k));
    if (vetted && printedChanged.length) {
      throw new DomainError("validation_failed", { fields: printedChanged.map((k) => ({ path: k, code: "registration_details_vetted" })) });
    }
    const now = ctx.clock.now();
    const [after] = await tx
      .update(registrations)
      .set({ name: input.name, nameUr: input.nameUr, organisation: input.organisation, designation: input.designation, phone: input.phone, updatedAt: now })
      .where(eq(registrations.id, reg.id))
      .returning();
    const [edition] = await tx.select().from(editions).where(eq(editions.id, reg.editionId));
    let reissuedSerial: number | null = null;
    if (after!.status === "approved" && changed.some((k) => (PRINTED as readonly string[]).includes(k))) {
      reissuedSerial = await badgePort().reprint(tx, ctx, edition!, after!);
    }
    // Organisers see who changed what, and why a badge serial was replaced.
    await recordAudit(tx, ctx, {
      action: "registration.details_changed",
      entityType: "registration",
      entityId: reg.id,
      organiserId: edition!.organiserId,
      editionId: edition!.id,
      data: {
        registrationNo: after!.number,
        changes: Object.fromEntries(changed.map((k) => [k, { before: locked[k] ?? null, after: after![k] ?? null }])),
        reissuedSerial,
      },
      by: holderOf(locked),
    });
    return { id: reg.id, changed: [...changed], reissuedSerial };
  });
}

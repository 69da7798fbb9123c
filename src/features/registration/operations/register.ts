import { editionDayCount } from "#features/editions";
import { and, eq, ne, or, sql } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor, Tx } from "../../../platform/db/types";
import { isEmailingLimited, recordEmailing } from "../../../platform/auth/rate-limit";
import { prepared } from "../../../platform/db/prepared";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { authorize, can, type Permission } from "../../../platform/permissions/policy";
import { isGroupCategory } from "../core/groups";
import { parseInput, type Input } from "../../../platform/validation";
import { STAFF_CATEGORY } from "../categories";
import { editions } from "#features/editions";
import { requestFingerprint } from "../core/idempotency";
import { checkPastDays } from "../core/past-days";
import { groupInput, registerInput, walkInInput } from "../schemas";
import { registrationRepeats, registrations } from "../tables";
import { emailNewManageLink } from "./manage-link";
import { checkAnswers } from "./questions";
import { fewAtATime } from "./queue";
import { insertPeople, insertPeopleAtOnce, NeedsExclusive, numbersAndKey, type PeopleInput, type Source } from "./register-insert";
import { registrationSetup, type RegistrationSetup } from "./setup-cache";

type Registration = typeof registrations.$inferSelect;

/** What a registrant (or the desk) gets back: no hashes, no keys. */
export function publicView(r: Registration) {
  return {
    id: r.id,
    editionId: r.editionId,
    number: r.number,
    categoryId: r.categoryId,
    name: r.name,
    email: r.email,
    status: r.status,
    days: r.days,
    groupId: r.groupId,
    createdAt: r.createdAt.toISOString(),
  };
}
export type RegistrationView = ReturnType<typeof publicView>;

/**
 * What the public (the form, the API) is told: the same whether the people were new or already
 * registered, so nobody learns who is registered by registering them. The registrants learn the
 * rest by email: a new one their confirmation and link, one already registered a "you are already
 * registered" message with a new link (emailNewManageLink).
 */
export interface PublicAnswer {
  accepted: true;
  /** How many people the request named. */
  count: number;
}

export interface RegisterResult {
  /** The only part public adapters may show. */
  answer: PublicAnswer;
  /** For the desk (a walk-in is answered with the registration) and for tests: never shown to the public. */
  registrations: RegistrationView[];
  /** false when nothing was made: an earlier request with the same key, or everyone already registered. */
  created: boolean;
  /** The new registrations' manage-link secrets (they are emailed; for tests and the desk). */
  manageTokens?: string[];
}


/** Earlier registrations a request may repeat: the same idempotency key (null: none), or the same
 *  email and not cancelled; and, for a key, the fingerprint of a keyed request that made nothing
 *  (everyone in it registered already, tables.ts). One statement, from the edition's row so there
 *  is always one. */
const earlierQuery = (db: Executor, name: string) =>
  db
    .select({
      reg: registrations,
      repeatFingerprint: sql<string | null>`(select ${registrationRepeats.requestFingerprint} from ${registrationRepeats} where ${registrationRepeats.editionId} = ${editions.id} and ${registrationRepeats.idempotencyKey} = ${sql.placeholder("scopedKey")}::text)`,
    })
    .from(editions)
    .leftJoin(
      registrations,
      and(
        eq(registrations.editionId, editions.id),
        or(
          sql`split_part(${registrations.idempotencyKey}, '#', 1) = ${sql.placeholder("scopedKey")}::text`,
          and(sql`lower(${registrations.email}) = any(${sql.placeholder("emails")}::text[])`, ne(registrations.status, "cancelled")),
        ),
      ),
    )
    .where(eq(editions.id, sql.placeholder("editionId")))
    .prepare(name);

export function checkDays(days: number[], dayCount: number, path = "days"): FieldIssue[] {
  return days.some((d) => d >= dayCount) ? [{ path, code: "registration_day_out_of_range", params: { max: dayCount } }] : [];
}

/** Public registration of one person. */
export async function register(ctx: Ctx, raw: Input<typeof registerInput>): Promise<RegisterResult> {
  const { editionId, categoryId, idempotencyKey, locale, ...person } = parseInput(registerInput, raw);
  return registerPeople(ctx, { editionId, categoryId, idempotencyKey, locale, members: [person] }, "self", "registration.register");
}

/** A delegation: one leader registers everyone; admitted (or waitlisted) together. */
export async function registerGroup(ctx: Ctx, raw: Input<typeof groupInput>): Promise<RegisterResult> {
  const input = parseInput(groupInput, raw);
  return registerPeople(ctx, input, "group", "registration.register");
}

/** At the desk: approved at once when there is room, whatever the category. */
export async function registerWalkIn(ctx: Ctx, raw: Input<typeof walkInInput>): Promise<RegisterResult> {
  const { editionId, categoryId, idempotencyKey, locale, ...person } = parseInput(walkInInput, raw);
  return registerPeople(ctx, { editionId, categoryId, idempotencyKey, locale, members: [person] }, "walk_in", "registration.walkIn");
}

/** A few registrations of an edition at a time, first come first served (queue.ts): in a rush each
 *  waits its turn here instead of in the connection pool, so waits stay short and even. */
function registerPeople(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission): Promise<RegisterResult> {
  return fewAtATime(input.editionId, () => registerPeopleNow(ctx, input, source, permission));
}

async function registerPeopleNow(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission): Promise<RegisterResult> {
  for (let round = 0; ; round++) {
    // The cached setup first; checked again on fresh rows when it is out of date (or refused on it).
    const setup = await registrationSetup(ctx.db, input.editionId, input.categoryId, round > 0);
    try {
      return await registerWith(ctx, input, source, permission, setup, round < 3);
    } catch (e) {
      if (e instanceof StaleSetup) continue;
      throw e;
    }
  }
}

/** The setup a registration was checked against is out of date: check it again on fresh rows. */
class StaleSetup extends Error {}

/** The request's refusals on this setup: permission, category, days, answers, repeated emails. */
function checkRequest(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission, { edition, category, questions }: RegistrationSetup) {
  authorize(ctx.actor, permission, { organiserId: edition.organiserId });
  // Staff badges come only from an exhibitor's own account, within the quota organisers set
  // (checkin/operations/staff-badges.ts); neither the public form nor the desk may bypass it.
  if (category.code === STAFF_CATEGORY) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "registration_category_not_public" }] });
  }
  // Delegations are for the categories that arrive as one (core/groups.ts); organisers may group anyone.
  if (source === "group" && !isGroupCategory(category.code) && !can(ctx.actor, "registration.configure", { organiserId: edition.organiserId })) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "registration_category_not_group" }] });
  }
  if (edition.status !== "published" && permission === "registration.register") {
    authorize(ctx.actor, "registration.configure", { organiserId: edition.organiserId });
  }
  const many = input.members.length > 1 || source === "group";
  const at = (i: number, field: string) => (many ? `members.${i}.${field}` : field);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    issues.push(...checkDays(m.days, editionDayCount(edition), at(i, "days")));
    // The public form offers only days still to come (core/past-days.ts); the desk is not limited.
    if (permission === "registration.register") issues.push(...checkPastDays(m.days, edition, ctx.clock.now(), at(i, "days")));
    // At the desk the queue cannot wait for optional paperwork: answers are checked, not required.
    issues.push(...checkAnswers(source === "walk_in" ? questions.map((q) => ({ ...q, required: false })) : questions, m.answers, at(i, "answers")));
    if (seen.has(m.email)) issues.push({ path: at(i, "email"), code: "registration_email_repeated" });
    seen.add(m.email);
  });
  if (issues.length) throw new DomainError("validation_failed", { fields: issues });
}


async function registerWith(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission, setup: RegistrationSetup, strict: boolean): Promise<RegisterResult> {
  try {
    checkRequest(ctx, input, source, permission, setup);
  } catch (e) {
    if (setup.cached) throw new StaleSetup();
    throw e;
  }
  const { edition, category } = setup;

  const who = ctx.actor.kind === "user" ? ctx.actor.userId : ctx.actor.kind === "token" ? ctx.actor.tokenId : "anon";
  const scopedKey = input.idempotencyKey ? `${source}:${who}:${input.idempotencyKey}` : null;
  const { idempotencyKey: _ignored, ...body } = input;
  const fingerprint = requestFingerprint({ ...body, source });
  const answer: PublicAnswer = { accepted: true, count: input.members.length };
  const emails = input.members.map((m) => m.email);
  // Earlier registrations this request may repeat (same idempotency key, or same email) and, for a
  // keyed request, the fingerprint of a keyed request that made nothing, everyone in it being
  // registered already (tables.ts): one statement, from the edition's row so there is always one.
  const earlier = async () => {
    const found = await prepared(ctx.db, "registration_earlier", earlierQuery).execute({ editionId: edition.id, scopedKey, emails });
    const fingerprintKept = found[0]?.repeatFingerprint;
    return {
      rows: found.flatMap((f) => (f.reg ? [f.reg] : [])),
      repeat: fingerprintKept == null ? undefined : { requestFingerprint: fingerprintKept },
    };
  };
  const replayOf = (rows: Registration[], repeat: { requestFingerprint: string } | undefined): RegisterResult | undefined => {
    const sameKey = scopedKey ? rows.filter((r) => r.idempotencyKey?.split("#")[0] === scopedKey) : [];
    const keptFingerprint = sameKey[0]?.requestFingerprint ?? repeat?.requestFingerprint;
    if (keptFingerprint === undefined) return undefined;
    if (keptFingerprint !== fingerprint) throw new DomainError("idempotency_key_reused");
    // The same request again: the same answer, and no second email.
    const mine = sameKey.length > 0 ? sameKey : rows.filter((r) => r.status !== "cancelled" && emails.includes(r.email.toLowerCase()));
    return { answer, registrations: mine.sort((a, b) => a.number - b.number).map(publicView), created: false };
  };

  for (let attempt = 0; ; attempt++) {
    // First, optimistically, as if everyone were new (in a rush nearly all are): the write's unique
    // keys (the idempotency key, the email of a registration not cancelled) refuse a repeat, and
    // the next attempt looks, answering it as before. The desk looks first (it answers a person
    // already registered with their registration, and is never a rush).
    const { rows, repeat } = attempt === 0 && source !== "walk_in" ? { rows: [], repeat: undefined } : await earlier();
    const replay = replayOf(rows, repeat);
    if (replay) return replay;
    const found = rows.filter((r) => r.status !== "cancelled" && emails.includes(r.email.toLowerCase()));
    // At the desk (staff, signed in) a person already registered is answered with their registration.
    if (source === "walk_in" && found.length > 0) return { answer, registrations: found.map(publicView), created: false };
    // Everyone else already registered is left as they are and emailed a new link instead; the
    // others (a delegation's new members) are registered together as usual.
    const taken = new Set(found.map((f) => f.email.toLowerCase()));
    const fresh = input.members.filter((m) => !taken.has(m.email));
    const mayEmail = await repeatsToEmail(ctx, found);
    try {
      if (fresh.length === 0) {
        await inTransaction(ctx, async (tx) => {
          if (scopedKey) {
            const [kept] = await tx
              .insert(registrationRepeats)
              .values({ editionId: edition.id, idempotencyKey: scopedKey, requestFingerprint: fingerprint, createdAt: ctx.clock.now() })
              .onConflictDoNothing()
              .returning();
            // The same key, at the same moment, in another request: that one answers (and emails).
            if (!kept) throw new RepeatRace();
          }
          await emailRepeats(tx, ctx, edition, mayEmail);
        });
        return { answer, registrations: found.map(publicView), created: false };
      }
      // Outside the transaction, so it stays short: numbers from the edition's sequence, and the
      // signing key of the badge that a registration approved at once gets.
      const { numbers, key, repeatFingerprint, setupVersion } = await numbersAndKey(ctx.db, ctx, edition.id, fresh.length, !category.needsApproval || source === "walk_in", scopedKey);
      // Checked against a setup changed since (by any process): check again (the numbers go unused).
      if (strict && setupVersion !== setup.version) throw new StaleSetup();
      // The key is one of a keyed request that made nothing (nobody new in it): look, and answer
      // as that request was answered (the same body) or refuse the key's reuse.
      if (repeatFingerprint !== null && attempt === 0) continue;
      const args = { edition, category, input: { ...input, members: fresh }, source, scopedKey, fingerprint, numbers, key };
      // The common case (a place free in one stripe, nobody to email as already registered): one
      // statement. Otherwise, or when it claims nothing, a transaction that decides on the whole picture.
      const atOnce = mayEmail.length === 0 ? await insertPeopleAtOnce(ctx.db, ctx, args) : null;
      const inTx = (exclusive: boolean) =>
        inTransaction(ctx, async (tx) => {
          const made = await insertPeople(tx, ctx, args, exclusive);
          await emailRepeats(tx, ctx, edition, mayEmail);
          return made;
        });
      // The stripes read for share first (enough to waitlist); for update when a place may be free.
      const written = async () => {
        try {
          return await inTx(false);
        } catch (e) {
          if (e instanceof NeedsExclusive) return inTx(true);
          throw e;
        }
      };
      const { rows: made, tokens } = atOnce ?? (await written());
      return { answer, registrations: [...made, ...found].map(publicView), created: true, manageTokens: tokens };
    } catch (e) {
      // A repeat (same key or same email) found by the write, or a race lost to another request:
      // look, and answer as the earlier request is answered (once more for a race after looking).
      if ((e instanceof RepeatRace || isUniqueViolation(e)) && attempt < 2) continue;
      throw e;
    }
  }
}

class RepeatRace extends Error {}

/** Someone registered these people again: which of them may be emailed, within the limit of such
 *  emails per address (recorded outside any transaction, so a failed request still counts). */
async function repeatsToEmail(ctx: Ctx, found: Registration[]): Promise<Registration[]> {
  const out: Registration[] = [];
  for (const reg of found) {
    const email = reg.email.toLowerCase();
    await recordEmailing(ctx.db, ctx.clock, REPEAT_PURPOSE, email);
    if (!(await isEmailingLimited(ctx.db, ctx.clock, REPEAT_PURPOSE, email))) out.push(reg);
  }
  return out;
}

async function emailRepeats(tx: Tx, ctx: Ctx, edition: { id: string; nameEn: string; nameUr: string }, regs: Registration[]) {
  for (const reg of regs) {
    // Locked and read again: it may have been cancelled (then there is nothing to manage) since.
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, reg.id)).for("update");
    if (current && current.status !== "cancelled") await emailNewManageLink(tx, ctx, edition, current, "already");
  }
}

/** The purpose "you are already registered" emails are counted under (platform/auth/rate-limit.ts).
 *  Its own, not "lost your link?"'s: a count that a new registration does not add to must not be
 *  observable through that form's limit. */
const REPEAT_PURPOSE = "registration-repeat";

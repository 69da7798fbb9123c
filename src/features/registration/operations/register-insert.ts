import { sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import type { Ctx } from "../../../platform/context";
import type { Executor, Tx } from "../../../platform/db/types";
import { sqlStateOf } from "../../../platform/db/errors";
import { hashSecret, newId, newSecret } from "../../../platform/ids";
import { outboxMessages } from "../../../platform/mail/tables";
import type { EmailMessage } from "../../../platform/mail/outbox";
import type { editions, visitorCategories } from "#features/editions";
import { normaliseEmail } from "../core/idempotency";
import { admitOrWaitlistGroup, bucketsFor, type PlaceRequest } from "../core/capacity";
import { badgePort, type BadgeSigner, type SignerRow } from "../badge-port";
import type { PersonInput } from "../schemas";
import { registrationRepeats, registrationSetupVersions, registrations, type RegistrationStatus } from "../tables";
import { registrationEmail } from "./emails";
import { claimPlaces, ensureNumberSequence, holdAndClaim, lockBuckets, sequenceName, stateOf, writeUsed } from "./places";
import { rowsOf } from "../../../platform/db/rows";
import { jsonInsert } from "../../../platform/db/json-insert";
import { namedStatement } from "../../../platform/db/prepared";
import { getTableColumns } from "drizzle-orm";

/** Every column of a registration (peopleRows gives them all), and the outbox columns it fills. */
const registrationInsert = jsonInsert(registrations, Object.keys(getTableColumns(registrations)) as (keyof Registration & string)[]);
const outboxInsert = jsonInsert(outboxMessages, ["createdAt", "nextAttemptAt", "kind", "toAddress", "subject", "bodyText", "bodyHtml"]);

// The write side of a registration, kept short because it holds places: one transaction of four
// round trips in the common case (begin; one statement that takes the edition's shared capacity
// lock, finds the limited buckets and claims a place, `registration_hold_and_claim`; one statement
// that inserts the registrations, their first badges (through the badge port) and their emails;
// commit). What can be done before it is done before it.

type Registration = typeof registrations.$inferSelect;
export type Source = "self" | "group" | "walk_in";

export interface PeopleInput {
  editionId: string;
  categoryId: string;
  idempotencyKey?: string;
  locale?: "en" | "ur";
  members: PersonInput[];
}

/** Before the transaction, in one statement: `count` registration numbers from the edition's
 *  sequence, when the registrations will be approved at once the badge signing key, and whether
 *  the idempotency key (null: none) is one of a keyed request that made nothing (tables.ts:
 *  then `repeatFingerprint`, and the caller answers as a repeat; the numbers go unused), and the
 *  version of what the registration was checked against (`setupVersion`, setup-cache.ts). */
export async function numbersAndKey(db: Executor, ctx: Ctx, editionId: string, count: number, wantKey: boolean, scopedKey: string | null = null) {
  await ensureNumberSequence(db, editionId);
  type Row = { n: string | number; repeat_fingerprint: string | null; setup_version: string | number };
  const values = { sequence: sequenceName(editionId), editionId, count, scopedKey };
  if (!wantKey) {
    const rows = rowsOf<Row>(await namedStatement(db, "registration_numbers", numbersQuery).execute(values));
    return { numbers: rows.map((r) => Number(r.n)), key: null, repeatFingerprint: rows[0]?.repeat_fingerprint ?? null, setupVersion: Number(rows[0]?.setup_version ?? 0) };
  }
  const port = badgePort();
  const rows = rowsOf<Row & SignerRow>(
    await namedStatement(
      db,
      "registration_numbers_key",
      () => sql`select g.n, g.repeat_fingerprint, g.setup_version, k.* from (${numbersQuery()}) g left join lateral (${port.newestKeyQuery(sql.placeholder("editionId"))}) k on true`,
    ).execute(values),
  );
  const key: BadgeSigner = await port.signer(db, ctx, editionId, rows[0]);
  return { numbers: rows.map((r) => Number(r.n)), key, repeatFingerprint: rows[0]?.repeat_fingerprint ?? null, setupVersion: Number(rows[0]?.setup_version ?? 0) };
}

/** `count` numbers from the edition's sequence, and on each row the fingerprint kept for a keyed
 *  request that made nothing under this key (else null) and the edition's registration set-up
 *  version (setup-cache.ts). */
const numbersQuery = () => sql`select nextval(${sql.placeholder("sequence")}::regclass) as n,
    (select ${registrationRepeats.requestFingerprint} from ${registrationRepeats} where ${registrationRepeats.editionId} = ${sql.placeholder("editionId")}::uuid and ${registrationRepeats.idempotencyKey} = ${sql.placeholder("scopedKey")}::text) as repeat_fingerprint,
    coalesce((select ${registrationSetupVersions.version} from ${registrationSetupVersions} where ${registrationSetupVersions.editionId} = ${sql.placeholder("editionId")}::uuid), 0) as setup_version
    from generate_series(1, ${sql.placeholder("count")}::int)`;

/** Hold places for the request: a free stripe when one is at hand, else decided on the whole
 *  picture, where a full bucket means the waitlist. Not `exclusive`, the whole picture is read
 *  with the stripes locked for share: enough to waitlist (nobody can free a place, which needs the
 *  stripes for update, before this commits; then its promotion sees this registration), and
 *  waitlisters do not queue behind one another at the end of a rush. Admitting needs them for
 *  update: then NeedsExclusive, and the caller starts the transaction again `exclusive` (upgrading
 *  a share lock that others hold too could deadlock). */
async function holdPlaces(tx: Tx, editionId: string, requests: PlaceRequest[], exclusive: boolean): Promise<boolean> {
  const sameBuckets = requests.every((r) => bucketsFor(r).join() === bucketsFor(requests[0]!).join());
  const candidates = [...new Set(requests.flatMap(bucketsFor))];
  // One statement for the common case: the shared capacity lock, which buckets are limited, and a
  // claim when it is just one.
  const { limited, claimed } = await holdAndClaim(tx, editionId, candidates, sameBuckets ? requests.length : 0);
  if (limited.length === 0 || claimed) return true;
  if (sameBuckets && limited.length > 1 && (await claimPlaces(tx, editionId, limited, requests.length))) return true;
  const rows = await lockBuckets(tx, editionId, limited, exclusive ? "update" : "share");
  const decision = admitOrWaitlistGroup(stateOf(rows), requests);
  if (decision.decision === "waitlist") return false;
  if (!exclusive) throw new NeedsExclusive();
  await writeUsed(tx, editionId, rows, decision.state);
  return true;
}

/** A place may be free after all: the transaction must start again holding the stripes for update. */
export class NeedsExclusive extends Error {}

export interface InsertArgs {
  edition: typeof editions.$inferSelect;
  category: typeof visitorCategories.$inferSelect;
  input: PeopleInput;
  source: Source;
  scopedKey: string | null;
  fingerprint: string;
  numbers: number[];
  key: BadgeSigner | null;
}

/** The rows, emails and first badges of the request once its status is known: built in Node,
 *  written by the caller in one statement (`write`: data-modifying CTEs, then `last`). */
function peopleRows(ctx: Ctx, a: InsertArgs, admitted: boolean, signer: BadgeSigner | null) {
  const { edition, category, input, source } = a;
  const status: RegistrationStatus = !admitted ? "waitlisted" : category.needsApproval && source !== "walk_in" ? "pending" : "approved";
  const now = ctx.clock.now();
  const groupId = input.members.length > 1 || source === "group" ? newId() : null;
  const tokens = input.members.map(() => newSecret(24));
  // A signed-in account registering itself: linked only when the email is the account's own, so
  // an account cannot take over (see, cancel) the registration of an address it does not own.
  const me = ctx.actor.kind === "user" && source === "self" ? ctx.actor : null;
  const userIdFor = (email: string) => (me && normaliseEmail(me.email) === email ? me.userId : null);
  // Every column given, so these objects are the rows as stored (no `returning` needed).
  const rows: Registration[] = input.members.map((m, i) => ({
    id: newId(),
    editionId: edition.id,
    number: a.numbers[i]!,
    categoryId: category.id,
    userId: userIdFor(m.email),
    email: m.email,
    name: m.name,
    nameUr: m.nameUr ?? null,
    organisation: m.organisation ?? null,
    designation: m.designation ?? null,
    phone: m.phone ?? null,
    status,
    days: [...new Set(m.days)].sort((x, y) => x - y),
    answers: m.answers,
    consentData: m.consentData,
    consentScan: m.consentScan,
    groupId,
    idempotencyKey: a.scopedKey ? (i === 0 ? a.scopedKey : `${a.scopedKey}#${i}`) : null,
    requestFingerprint: a.scopedKey ? a.fingerprint : null,
    manageTokenHash: hashSecret(tokens[i]!),
    source,
    waitlistedAt: admitted ? null : now,
    locale: input.locale ?? ctx.locale,
    refusalReason: null,
    decidedAt: status === "approved" ? now : null,
    decidedBy: status === "approved" && source === "walk_in" && ctx.actor.kind === "user" ? ctx.actor.userId : null,
    createdAt: now,
    updatedAt: now,
  }));
  const kind = status === "waitlisted" ? "waitlisted" : status === "approved" ? "approved" : "received";
  const mails: EmailMessage[] = rows.map((reg, i) => registrationEmail(ctx, edition, reg, kind, tokens[i], category));
  const first = status === "approved" && signer ? badgePort().firstBadges(ctx, edition, category, rows, signer) : null;
  if (first) mails.push(...first.mails);
  const outbox = mails.map((m) => ({ createdAt: now, nextAttemptAt: now, kind: m.kind, toAddress: m.to, subject: m.subject, bodyText: m.text, bodyHtml: m.html ?? null }));
  // One statement: the registrations, their badges, their emails (foreign keys are checked at its
  // end); with `claim`, the emails are a CTE too and the statement's own query claims the places
  // (registration_claim_or_refuse). Built once per shape with placeholders (the rows travel as json
  // parameters, json-insert.ts) and run as a named prepared statement: neither Node nor PostgreSQL
  // builds, parses or plans it again.
  const write = (db: Executor, claim?: { buckets: string[]; count: number }) => {
    const name = `registration_write_${claim ? "claim" : "plain"}${first ? "_badges" : ""}`;
    const statement = namedStatement(db, name, () => {
      const ctes = [
        sql`r as (${registrationInsert.from(sql.placeholder("registrations"))})`,
        ...(first ? [sql`b as (${badgePort().firstBadgesInsert(sql.placeholder("badges"))})`] : []),
        ...(claim ? [sql`o as (${outboxInsert.from(sql.placeholder("outbox"))})`] : []),
      ];
      const last = claim
        ? sql`select registration_claim_or_refuse(${sql.placeholder("editionId")}, ${sql.placeholder("buckets")}::text[], ${sql.placeholder("count")}::int)`
        : outboxInsert.from(sql.placeholder("outbox"));
      return sql`with ${sql.join(ctes, sql`, `)} ${last}`;
    });
    return statement.execute({
      registrations: registrationInsert.json(rows),
      badges: first?.json,
      outbox: outboxInsert.json(outbox),
      editionId: edition.id,
      buckets: claim?.buckets,
      count: claim?.count,
    });
  };
  return { rows, tokens, status, write };
}

/** What holdPlaces holds for the request: the same buckets for everyone (one claim) or not. */
function placesOf(a: InsertArgs) {
  const requests: PlaceRequest[] = a.input.members.map((m) => ({ category: a.category.code, days: m.days }));
  const sameBuckets = requests.every((r) => bucketsFor(r).join() === bucketsFor(requests[0]!).join());
  return { requests, sameBuckets, candidates: [...new Set(requests.flatMap(bucketsFor))] };
}

/**
 * The rush's path: the whole write in one statement, without begin and commit (a statement is a
 * transaction of its own). `registration_claim_or_refuse` takes the edition's shared capacity
 * lock and claims the places in one free stripe, and refuses (SQLSTATE NM001: the statement
 * writes nothing) when it cannot decide alone: the bucket is full or busy, or several buckets are
 * limited. Then null: the caller writes with insertPeople, in a transaction that decides on the
 * whole picture. Public requests only (a walk-in is audited, in a transaction); the rows are
 * built as admitted (pending or approved), since they are written only when the claim succeeds.
 */
export async function insertPeopleAtOnce(db: Executor, ctx: Ctx, a: InsertArgs) {
  const { sameBuckets, requests, candidates } = placesOf(a);
  if (a.source === "walk_in" || !sameBuckets) return null;
  // Refused a moment ago for these buckets (full, as at the end of a rush): go straight to the
  // transaction instead of signing and rendering for nothing. Only a hint: the database decides.
  const refusals = refusedAt.get(db) ?? new Map<string, number>();
  refusedAt.set(db, refusals);
  const hintKey = `${a.edition.id}|${candidates.join()}`;
  const refused = refusals.get(hintKey);
  if (refused !== undefined && performance.now() - refused < REFUSAL_HINT_MS) return null;
  const signer = a.category.needsApproval ? null : (a.key ?? (await badgePort().signer(db, ctx, a.edition.id, undefined)));
  const { rows, tokens, write } = peopleRows(ctx, a, true, signer);
  try {
    await write(db, { buckets: candidates, count: requests.length });
  } catch (e) {
    if (sqlStateOf(e) === NO_CLAIM) {
      refusals.set(hintKey, performance.now());
      return null;
    }
    throw e;
  }
  return { rows, tokens };
}

/** The SQLSTATE of registration_claim_or_refuse's refusal (migration 0011). */
const NO_CLAIM = "NM001";
/** When the one statement was last refused, per database handle and (edition, buckets): for
 *  REFUSAL_HINT_MS afterwards requests of those buckets take the transaction path directly. */
const refusedAt = new WeakMap<object, Map<string, number>>();
const REFUSAL_HINT_MS = 1000;

export async function insertPeople(tx: Tx, ctx: Ctx, a: InsertArgs, exclusive: boolean) {
  const { edition, category, input, source } = a;
  const admitted = await holdPlaces(tx, edition.id, input.members.map((m) => ({ category: category.code, days: m.days })), exclusive);
  const signer = admitted && (!category.needsApproval || source === "walk_in") ? (a.key ?? (await badgePort().signer(tx, ctx, edition.id, undefined))) : null;
  const { rows, tokens, status, write } = peopleRows(ctx, a, admitted, signer);
  await write(tx);
  if (source === "walk_in") {
    await recordAudit(tx, ctx, {
      action: "registration.walk_in",
      entityType: "registration",
      entityId: rows[0]!.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { number: rows[0]!.number, status, category: category.code },
    });
  }
  return { rows, tokens };
}

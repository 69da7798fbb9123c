import type { Executor, Tx } from "../../platform/db/types";
import type { editions } from "./tables";

// Personal data (issue #15, part 7): what Numaish holds about one person, spread over many
// features. The privacy feature (the top of the layers) exports it, anonymises it on request and
// sweeps it when an edition's retention has passed; it imports none of the features that hold the
// data. Each of them implements a part here, the composition root (src/wiring.ts) provides the
// list, like the edition copy parts (copy-port.ts). Every part runs inside the caller's
// transaction, so an erasure is all or nothing.

type Edition = typeof editions.$inferSelect;

/** Who the data is about, resolved by the privacy feature before any part runs. */
export interface PersonalDataSubject {
  /** Their account, when the request is about it (signed in, or erased with the account). */
  userId: string | null;
  /** Their registrations the request covers (one edition's or every edition of the organiser). */
  registrationIds: readonly string[];
  /** Enterprises they answer for as an exhibitor (their exhibitor grants). */
  enterpriseIds: readonly string[];
  /** Of `enterpriseIds`, those no other account answers for: what the enterprise wrote is then
   *  theirs alone, so an erasure empties it too (decision 0012). */
  soleEnterpriseIds: readonly string[];
  /** Email addresses they are known by, lower case (their account's, or the ones an erasure
   *  names): finds what others wrote down about them, e.g. a nomination's contact person. */
  emails: readonly string[];
  /** An erasure's organiser: what is found by email (not by the ids above) is touched only in its
   *  editions. Null for a person's own download, which covers every organiser. */
  organiserId: string | null;
}

/** An edition's retention setting (privacy/tables.ts): days after the edition's last day. */
export interface RetentionPolicy {
  /** Delete badge scans (gate and meeting check-ins) this many days after the end; null = keep. */
  scanDays: number | null;
  /** Delete stall leads this many days after the end; null = keep. */
  leadDays: number | null;
}

export interface RetentionEdition {
  edition: Edition;
  policy: RetentionPolicy;
}

export type Counts = Record<string, number>;

export interface PersonalDataPart {
  /** Names the part in the export, the audit entry and the readable page. */
  name: string;
  /** Everything this feature holds about the subject, as plain JSON (no secrets, no token hashes). */
  export(db: Executor, subject: PersonalDataSubject): Promise<unknown>;
  /** What others wrote down about the subject, found by `subject.emails` alone (e.g. a nomination
   *  naming them as its contact person): the names and phones it knows them by, or null when it
   *  holds nothing. An erasure asks this when the person has no registration or account of their
   *  own, so someone known only there is found (and those names are scrubbed from the log). */
  knownAs?(db: Executor, subject: PersonalDataSubject): Promise<string[] | null>;
  /** Remove the identity (names, emails, phones, free text, notes), keep what figures count
   *  (statuses, sectors, outcomes, values). Idempotent. Returns counts of rows touched. */
  anonymise(tx: Tx, subject: PersonalDataSubject, at: Date): Promise<Counts>;
  /** Delete what the edition's retention says is no longer needed at `now`. Idempotent. */
  retention?(tx: Tx, target: RetentionEdition, now: Date): Promise<Counts>;
}

/** Whether `days` after the edition's last day (its end, midnight UTC after `endsOn`) have passed. */
export function retentionDue(edition: Pick<Edition, "endsOn">, days: number | null, now: Date): boolean {
  if (days === null) return false;
  const end = Date.parse(`${edition.endsOn}T00:00:00Z`) + 86_400_000;
  return now.getTime() >= end + days * 86_400_000;
}

/** The stand-in written where a name column may not be empty. */
export const ANONYMISED = "anonymised";

/** The stand-in email of an anonymised registration: unique per row, never deliverable. */
export const anonymisedEmail = (id: string) => `anonymised-${id}@invalid`;

let provided: readonly PersonalDataPart[] | null = null;

export function providePersonalDataParts(parts: readonly PersonalDataPart[]): void {
  provided = parts;
}

export function personalDataParts(): readonly PersonalDataPart[] {
  if (!provided) throw new Error("No personal data parts: import src/wiring.ts (the composition root) first.");
  return provided;
}

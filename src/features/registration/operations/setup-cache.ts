import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { prepared } from "../../../platform/db/prepared";
import { DomainError } from "../../../platform/errors";
import { editions, visitorCategories } from "#features/editions";
import { registrationQuestions, registrationSetupVersions } from "../tables";
import type { AnswerRule } from "./questions";

// What a registration is checked against (the edition, the category, the questions its
// registrants answer), kept per database handle, so a rush reads it once instead of once per
// request. It is as current as `registration_setup_versions` says (database triggers bump it on
// any change to those rows, by any process): the statement that draws the registration numbers
// reads that version, and a registration checked against an older one is checked again on fresh
// rows (register.ts). A refusal on cached rows is also checked again on fresh ones before it is
// given, so a cache never refuses what the database would accept.

const editionAndCategory = (db: Executor, name: string) =>
  // The category joined to its edition (a category of another edition is no match), and the
  // questions its registrants answer (the category's own and the all-category ones), in order:
  // one statement.
  db
    .select({
      edition: editions,
      category: visitorCategories,
      version: sql<number>`coalesce((select ${registrationSetupVersions.version} from ${registrationSetupVersions} where ${registrationSetupVersions.editionId} = ${editions.id}), 0)`,
      questions: sql<AnswerRule[] | string | null>`(
        select json_agg(json_build_object('id', q.id, 'kind', q.kind, 'required', q.required, 'options', q.options) order by q.sort, q.label_en)
        from ${registrationQuestions} q
        where q.edition_id = ${editions.id} and (q.category_id is null or q.category_id = ${visitorCategories.id}))`,
    })
    .from(editions)
    .leftJoin(visitorCategories, and(eq(visitorCategories.id, sql.placeholder("categoryId")), eq(visitorCategories.editionId, editions.id)))
    .where(eq(editions.id, sql.placeholder("editionId")))
    .prepare(name);

/** The edition, the category (of that edition) and the questions its registrants answer. */
export async function loadEditionAndCategory(db: Executor, editionId: string, categoryId: string) {
  const [row] = await prepared(db, "registration_edition_category_questions", editionAndCategory).execute({ editionId, categoryId });
  if (!row) throw new DomainError("not_found", { params: { what: "edition" } });
  if (!row.category) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
  // json: parsed by node-postgres and PGlite; its text on a driver that does not.
  const questions: AnswerRule[] = typeof row.questions === "string" ? (JSON.parse(row.questions) as AnswerRule[]) : (row.questions ?? []);
  return { edition: row.edition, category: row.category, questions, version: Number(row.version) };
}

export type RegistrationSetup = Awaited<ReturnType<typeof loadEditionAndCategory>> & {
  /** Read from this handle's cache rather than the database just now. */
  cached: boolean;
};

const caches = new WeakMap<object, Map<string, Awaited<ReturnType<typeof loadEditionAndCategory>>>>();

/** The setup for a request: this handle's cached copy unless `fresh` (then read and cached again). */
export async function registrationSetup(db: Executor, editionId: string, categoryId: string, fresh: boolean): Promise<RegistrationSetup> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${editionId}|${categoryId}`;
  const kept = fresh ? undefined : cache.get(key);
  if (kept) return { ...kept, cached: true };
  const loaded = await loadEditionAndCategory(db, editionId, categoryId);
  // A handful of editions and categories in use at once; the bound only guards against many.
  if (cache.size > 512) cache.clear();
  cache.set(key, loaded);
  return { ...loaded, cached: false };
}

import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { visitorCategories } from "#features/editions";
import { listInput } from "../schemas";
import { registrations } from "../tables";
import { editionFor } from "#features/editions";

export function filters(input: { editionId: string; categoryId?: string; status?: string; q?: string }): SQL {
  const where: SQL[] = [eq(registrations.editionId, input.editionId)];
  if (input.categoryId) where.push(eq(registrations.categoryId, input.categoryId));
  if (input.status) where.push(eq(registrations.status, input.status as "pending"));
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(registrations.name, like), ilike(registrations.email, like), ilike(registrations.organisation, like))!);
  }
  return and(...where)!;
}

/**
 * The back office's list, filtered by category, status or a search. Email and phone only for
 * callers allowed personal data (organiser staff); a `catalogue:read` token sees names and status.
 */
export async function listRegistrations(ctx: Ctx, raw: Input<typeof listInput>) {
  const input = parseInput(listInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "registration.list");
  const personal = can(ctx.actor, "registration.exportPersonal", { organiserId: edition.organiserId });
  const where = filters(input);
  const [rows, [total], byStatus] = await Promise.all([
    ctx.db
      .select({ r: registrations, categoryCode: visitorCategories.code, categoryEn: visitorCategories.nameEn, categoryUr: visitorCategories.nameUr })
      .from(registrations)
      .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
      .where(where)
      .orderBy(asc(registrations.number))
      .limit(input.limit)
      .offset(input.offset),
    ctx.db.select({ n: count() }).from(registrations).where(where),
    ctx.db
      .select({ status: registrations.status, n: count() })
      .from(registrations)
      .where(eq(registrations.editionId, edition.id))
      .groupBy(registrations.status),
  ]);
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    total: Number(total!.n),
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, Number(s.n)])),
    personal,
    items: rows.map(({ r, categoryCode, categoryEn, categoryUr }) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      nameUr: r.nameUr,
      organisation: r.organisation,
      designation: r.designation,
      category: { id: r.categoryId, code: categoryCode, nameEn: categoryEn, nameUr: categoryUr },
      status: r.status,
      days: r.days,
      source: r.source,
      refusalReason: r.refusalReason,
      createdAt: r.createdAt.toISOString(),
      email: personal ? r.email : null,
      phone: personal ? r.phone : null,
    })),
  };
}

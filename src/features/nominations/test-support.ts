// Shared set-up of the nomination db tests: a fresh edition copied from the demo
// (so the demo's completed call does not interfere), an open call, and extra
// representatives and reviewers.
import { and, eq } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { Ctx } from "../../platform/context";
import type { Db } from "../../platform/db/types";
import { roleGrants } from "#features/accounts";
import { copyEdition } from "#features/editions";
import { editions, organisers, tradeBodies } from "#features/editions";
import { defaultCriteria } from "./schemas";
import { publishCall, saveCall } from "./operations/call";

export async function freshEditionWithCall(staff: Ctx, slug: string, rule: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const [source] = await staff.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const edition = await copyEdition(staff, { editionId: source!.id, slug, year: 2030 + Math.floor(Math.random() * 60), startsOn: "2030-01-23" });
  await saveCall(staff, {
    editionId: edition.id,
    opensAt: "2026-01-01T00:00:00Z",
    closesAt: "2026-02-01T00:00:00Z",
    criteria: defaultCriteria,
    totalStalls: 10,
    rule,
    ...extra,
  });
  await publishCall(staff, { editionId: edition.id });
  return edition;
}

export async function tradeBodyId(db: Db, slug: string): Promise<string> {
  const [b] = await db.select().from(tradeBodies).where(eq(tradeBodies.slug, slug));
  return b!.id;
}

/** A user with one grant (trade_body_rep of a trade body, or reviewer of the demo organiser). */
export async function makeUser(db: Db, email: string, role: "trade_body_rep" | "reviewer" | "organiser_staff", tradeBodySlug?: string) {
  const [org] = await db.select().from(organisers);
  const [u] = await db.insert(users).values({ email, name: email.split("@")[0]! }).returning();
  await db.insert(roleGrants).values({
    userId: u!.id,
    role,
    organiserId: org!.id,
    tradeBodyId: tradeBodySlug ? await tradeBodyId(db, tradeBodySlug) : null,
  });
  return u!;
}

export async function userId(db: Db, email: string): Promise<string> {
  const [u] = await db.select().from(users).where(and(eq(users.email, email)));
  return u!.id;
}

export const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n") + "\r\n");
export const HEADER = "Enterprise name,NTN,Cluster,Size class,Annual turnover (PKR),Employees,Women-led,Contact person,Email,Mobile,District";

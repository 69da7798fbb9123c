import { eq } from "drizzle-orm";
import type { AppServices, Ctx } from "../../src/platform/context";
import { users } from "../../src/platform/auth/tables";
import { createSession, SESSION_COOKIE } from "../../src/platform/auth/sessions";
import { actorForUser } from "../../src/features/accounts/grants";
import { copyEdition } from "../../src/features/editions/operations/copy-edition";
import { editions } from "../../src/features/editions/tables";
import { publishCall, saveCall } from "../../src/features/nominations/operations/call";
import { nominateOne } from "../../src/features/nominations/operations/nominate";
import { defaultCriteria } from "../../src/features/nominations/schemas";

// What the page-weight test and bench need beyond the public pages: an application link (an open
// call on a copy of the demo edition, one nominee) and an organiser's session cookie.
export async function weightFixtures(services: Pick<AppServices, "db" | "clock" | "config">): Promise<{ applyPath: string; organiserCookie: { name: string; value: string } }> {
  const { db, clock, config } = services;
  const byEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;
  const organiser = await byEmail("organiser@demo.numaish.pk");
  const staff: Ctx = { db, clock, config, locale: "en", actor: await actorForUser(db, organiser) };
  const [source] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const edition = await copyEdition(staff, { editionId: source!.id, slug: "weight-call", year: 2098, startsOn: "2098-01-23" });
  const now = clock.now().getTime();
  await saveCall(staff, { editionId: edition.id, opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 30 * 86_400_000), criteria: defaultCriteria, totalStalls: 50, rule: { bonus: { womenLed: 5 } } });
  await publishCall(staff, { editionId: edition.id });
  const rep: Ctx = { db, clock, config, locale: "en", actor: await actorForUser(db, await byEmail("chamber@demo.numaish.pk")) };
  const { link } = await nominateOne(rep, { editionId: edition.id, enterpriseName: "Weight Crafts", ntn: "4300001-1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "2000000", employees: "3", womenLed: "yes", contactName: "Sadia", phone: "0300-9998887" });
  const { secret } = await createSession(db, clock, organiser.id);
  return { applyPath: new URL(link).pathname, organiserCookie: { name: SESSION_COOKIE, value: secret } };
}

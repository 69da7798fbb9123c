import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ctxFor, openTestDb, type TestDb } from "../../../tests/support/db";
import { outboxMessages } from "../../platform/mail/tables";
import { anonymous } from "../../platform/permissions/actor";
import { editions, visitorCategories } from "../editions/tables";
import { requestManageLink } from "./operations/manage-link";
import { register } from "./operations/register";

// "Lost your link?" is limited to 5 requests per email in 15 minutes. Requests arriving together
// (a burst from a script) must not all pass the check before any of them is counted: each one
// rotates the manage link and emails the registrant.

let t: TestDb;
let editionId: string;
let general: string;
beforeAll(async () => {
  t = await openTestDb();
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
  const [c] = await t.db.select().from(visitorCategories).where(and(eq(visitorCategories.editionId, editionId), eq(visitorCategories.code, "general_public")));
  general = c!.id;
});
afterAll(async () => t?.close());

describe("lost your link? under a burst", () => {
  it("sends at most five links for one email however many requests arrive at once", async () => {
    const email = "burst@example.com";
    await register(ctxFor(t.db), { editionId, categoryId: general, name: "Burst Target", email, days: [0], consentData: true });
    const asks = Array.from({ length: 12 }, (_, i) =>
      requestManageLink(ctxFor(t.db, anonymous), { edition: "showcase-2026", email, ip: `198.51.100.${i}` }).then(
        () => "sent",
        (e: { code?: string }) => e.code ?? "error",
      ),
    );
    const results = await Promise.all(asks);
    const sent = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, email), eq(outboxMessages.kind, "registration_link")));
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r === "rate_limited").length).toBe(12 - sent.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ctxFor, openTestDb, type TestDb } from "../../../tests/support/db";
import { clusters } from "../editions/tables";
import { getTransparencyReport, transparencyCsv } from "./operations/transparency";

// Every CSV export goes through platform/csv.ts: an organiser-typed name that a spreadsheet would
// run as a formula comes out neutralised in the public transparency file too (the registrations
// export has the same check in registration-api.db.test.ts).

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("the transparency CSV", () => {
  it("neutralises a cluster name written as a formula", async () => {
    const before = await getTransparencyReport(ctxFor(t.db), { slug: "showcase-2026" });
    const key = before.report.tables.cluster.rows[0]!.key;
    await t.db.update(clusters).set({ nameEn: '=HYPERLINK("http://evil")' }).where(eq(clusters.id, key));
    const r = await getTransparencyReport(ctxFor(t.db), { slug: "showcase-2026" });
    const csv = transparencyCsv(r.report, r.clusterNames);
    expect(csv).toContain(`cluster,"'=HYPERLINK(""http://evil"")",`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

// Targets per sector through the API and the selection run: organisers set
// them on the call (JSON), the run honours them and tells applicants why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { users } from "../../platform/auth/tables";
import { clusters, sectors } from "../editions/tables";
import { nominations, reviews } from "../nominations/tables";
import { freshEditionWithCall, tradeBodyId } from "../nominations/test-support";
import { reasonText } from "./reasons";
import { runSelectionProposal } from "./operations/selection";

let t: TestDb;
let api: ReturnType<typeof testApp>;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  for (const who of [demo.chamber, demo.organiser]) {
    const r = await api.call("/api/v1/auth/sign-in", { json: { email: who, password: demo.password } });
    cookies[who] = r.headers.get("set-cookie")!.split(";")[0]!;
  }
});
afterAll(async () => t?.close());

describe("targets per sector", () => {
  it("are set through the API and honoured by the selection run, with the rule named in each reason", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "sector-test");
    const [sector] = await t.db.select().from(sectors).where(eq(sectors.editionId, edition.id)).then((rows) => rows.filter((s) => s.code === "surgical-light-engineering"));
    const inSector = (await t.db.select().from(clusters).where(eq(clusters.editionId, edition.id))).filter((c) => c.sectorId === sector!.id);
    expect(inSector.length).toBeGreaterThanOrEqual(2);
    const [c1, c2] = inSector;

    const cookie = cookies[demo.organiser]!;
    const current = await api.call(`/api/v1/editions/${edition.id}/call`, { cookie });
    expect(current.status).toBe(200);
    expect(current.body.call.sectorTargets).toEqual([]);
    const { editionId: _e, publishedAt: _p, ...call } = current.body.call;
    // Instead of cluster targets: two places for the whole sector, shared by its clusters.
    const saved = await api.call(`/api/v1/editions/${edition.id}/call`, { method: "PUT", cookie, json: { ...call, clusterTargets: [], sectorTargets: [{ sectorId: sector!.id, places: 2 }] } });
    expect(saved.status).toBe(200);
    expect(saved.body.sectorTargets).toEqual([{ sectorId: sector!.id, places: 2 }]);
    expect((await api.call(`/api/v1/editions/${edition.id}/call`, { cookie })).body.call.sectorTargets).toEqual([{ sectorId: sector!.id, places: 2 }]);
    // A sector of another edition is refused; a trade body cannot touch the call.
    const [otherSector] = await t.db.select().from(sectors).limit(1);
    const wrong = await api.call(`/api/v1/editions/${edition.id}/call`, { method: "PUT", cookie, json: { ...call, sectorTargets: [{ sectorId: otherSector!.id, places: 2 }] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([expect.objectContaining({ path: "sectorTargets.0.sectorId", code: "sector_unknown" })]);
    expect((await api.call(`/api/v1/editions/${edition.id}/call`, { method: "PUT", cookie: cookies[demo.chamber], json: call })).status).toBe(403);
    const openapi = await api.call("/api/v1/openapi.json");
    expect(openapi.body.components.schemas.NominationCall.properties.sectorTargets).toBeTruthy();

    // Three scored applications in the sector's two clusters: the two best take its two places.
    const lcci = await tradeBodyId(t.db, "lcci");
    const apps = await t.db
      .insert(nominations)
      .values(
        [c1, c2, c1].map((c, i) => ({
          editionId: edition.id,
          tradeBodyId: lcci,
          clusterId: c!.id,
          ntn: `320000${i}-1`,
          enterpriseName: `Sector Firm ${i}`,
          sizeClass: "small" as const,
          annualTurnoverPkr: 50_000_000,
          employees: 20,
          womenLed: false,
          contactName: "Owner",
          status: "submitted" as const,
          linkHash: `sector-test-${i}`,
          linkExpiresAt: new Date("2027-01-01T00:00:00Z"),
          submittedAt: new Date("2026-01-05T00:00:00Z"),
        })),
      )
      .returning();
    const [reviewer] = await t.db.select().from(users).where(eq(users.email, demo.reviewer));
    await t.db.insert(reviews).values(
      apps.map((a, i) => ({ nominationId: a.id, reviewerId: reviewer!.id, scores: { quality: 5 - i, innovation: 5 - i, market_readiness: 5 - i }, submittedAt: new Date("2026-01-08T00:00:00Z") })),
    );
    const { result } = await runSelectionProposal(staff, { editionId: edition.id });
    expect(result.totals.selected).toBe(2);
    expect(result.sectors).toEqual([expect.objectContaining({ sectorId: sector!.id, target: 2, selected: 2, waitlisted: 1 })]);
    const third = result.decisions.find((d) => d.applicationId === apps[2]!.id)!;
    expect(third.status).toBe("waitlisted");
    expect(third.reasons[0]).toEqual({ code: "sector_target_reached", params: { target: 2 } });
    expect(reasonText("en", third.reasons[0]!)).toBe("All 2 places of your sector went to applicants ranked higher.");
    expect(reasonText("ur", third.reasons[0]!)).toContain("شعبے");
    expect(result.flags).toEqual([]);
  });
});

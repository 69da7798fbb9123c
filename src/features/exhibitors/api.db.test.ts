import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { rowsOf } from "../../platform/db/rows";

// The catalogue and the exhibitor's own profile over the API (issue #12, item 7): the catalogue
// is public; the profile is read and changed only by its own exhibitor's session, and a PUT
// changes only the fields it sends.

let t: TestDb;
let api: ReturnType<typeof testApp>;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
});
afterAll(async () => t?.close());

const cookieFor = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

describe("the exhibitors API", () => {
  it("reads the catalogue and one exhibitor without signing in, searched in Urdu", async () => {
    const all = await api.call(`/api/v1/editions/showcase-2026/catalogue?q=${encodeURIComponent("فورسیپس")}&page=1`);
    expect(all.status).toBe(200);
    expect(all.body.count).toBeGreaterThan(0);
    const first = all.body.exhibitors[0];
    const one = await api.call(`/api/v1/editions/showcase-2026/catalogue/${first.slug}`);
    expect(one.status).toBe(200);
    expect(one.body.exhibitor.products.length).toBeGreaterThan(0);
    expect((await api.call("/api/v1/editions/showcase-2026/catalogue/no-such-firm")).status).toBe(404);
    const doc = await api.call("/api/v1/openapi.json");
    const ops = JSON.stringify(doc.body);
    for (const id of ["getCatalogue", "getCatalogueExhibitor", "getOwnExhibitorProfile", "updateOwnExhibitorProfile"]) expect(ops).toContain(id);
  });

  it("lets an exhibitor read and update only its own profile", async () => {
    expect((await api.call("/api/v1/exhibitor/profile")).status).toBe(401);
    expect((await api.call("/api/v1/exhibitor/profile", { cookie: await cookieFor(demo.visitor) })).status).toBe(403);
    const cookie = await cookieFor(demo.exhibitor);
    const before = await api.call("/api/v1/exhibitor/profile", { cookie });
    expect(before.status).toBe(200);
    expect(before.body.enterprise.slug).toBe("belveta-surgical-works");
    const put = await api.call("/api/v1/exhibitor/profile", { method: "PUT", cookie, json: { fasciaUr: "بیلویتا", phone: "03001234567" } });
    expect(put.status).toBe(200);
    const after = await api.call("/api/v1/exhibitor/profile", { cookie });
    expect(after.body.profile.fasciaUr).toBe("بیلویتا");
    expect(after.body.profile.phone).toBe("+923001234567");
    expect(after.body.profile.descriptionEn).toBe(before.body.profile.descriptionEn);
    // A public GET of the catalogue finds the new text at once, and writes nothing (issue #12: the
    // search words are computed when the profile is written, not when it is read).
    const search = (q: string) => api.call(`/api/v1/editions/showcase-2026/catalogue?q=${encodeURIComponent(q)}`);
    expect((await search("zephyrine")).body.count).toBe(0);
    await api.call("/api/v1/exhibitor/profile", { method: "PUT", cookie, json: { fasciaEn: "Zephyrine Steelcraft", published: true } });
    const rowVersions = async () => rowsOf(await t.db.execute(sql`SELECT id, xmin::text AS v FROM exhibitor_profiles ORDER BY id`));
    const unread = await rowVersions();
    expect((await search("zephyrine steel")).body.exhibitors.map((e: { slug: string }) => e.slug)).toEqual(["belveta-surgical-works"]);
    expect(await rowVersions()).toEqual(unread);
    const bad = await api.call("/api/v1/exhibitor/profile", { method: "PUT", cookie, json: { phone: "12" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].code).toBe("exhibitor_phone");
  });
});

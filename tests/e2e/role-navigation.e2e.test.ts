import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { en, ur } from "../../src/messages";
import { demo, emailedPath, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// A signed-in person finds their role's pages from the header and their account page; the back
// office links every page of an edition; the home page in Urdu has no English left in its facts;
// sign-up from the sign-in page carries on to where the person was going. Phone-sized, en and ur.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 740 } };
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const urdu = (context: BrowserContext) => context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
const header = (page: Page) => page.locator("header.site-header");
const main = (page: Page) => page.locator("main");

describe("signing in without a page to go to", () => {
  it("lands organisers and administrators in the back office, gate staff at the gate, reviewers on their reviews, visitors at home", async () => {
    for (const [who, path] of [
      [demo.organiser, "/back-office"],
      [demo.admin, "/back-office"],
      ["gate@demo.numaish.pk", "/gate"],
      ["reviewer@demo.numaish.pk", "/review"],
      [demo.visitor, "/"],
    ] as const) {
      const { page } = await env.context(phone);
      await signIn(page, who);
      await page.waitForLoadState("domcontentloaded");
      expect(new URL(page.url()).pathname, who).toBe(path);
    }
  });
});

describe("role pages", () => {
  const cases = [
    { who: "gate@demo.numaish.pk", header: ["nav.gate"], account: ["nav.gate", "nav.walkIn"], hrefs: ["/gate", /^\/desk\/editions\/[0-9a-f-]{36}\/walk-in$/] },
    { who: "chamber@demo.numaish.pk", header: ["nav.nominations"], account: ["nav.nominations"], hrefs: ["/nominations"] },
    { who: "reviewer@demo.numaish.pk", header: ["nav.reviews"], account: ["nav.reviews"], hrefs: ["/review"] },
    { who: "exhibitor@demo.numaish.pk", header: ["nav.exhibitorPortal"], account: ["nav.exhibitorPortal", "nav.staffBadges"], hrefs: ["/account/exhibitor", "/account/staff-badges"] },
    { who: demo.organiser, header: ["nav.backOffice"], account: ["nav.backOffice", "nav.gate", "nav.walkIn"], hrefs: ["/back-office", "/gate", /\/walk-in$/] },
  ] as const;

  for (const c of cases) {
    it(`${c.who.split("@")[0]} finds them in the header and on the account page, in English and Urdu`, async () => {
      const { context, page } = await env.context(phone);
      await signInByPost(env, page, c.who);
      for (const [lang, m] of [["en", en], ["ur", ur]] as const) {
        if (lang === "ur") await urdu(context);
        await page.goto("/");
        for (const key of c.header) expect(await header(page).getByRole("link", { name: m[key], exact: true }).count(), `${lang} header ${key}`).toBe(1);
        await page.goto("/account");
        const nav = main(page).getByRole("navigation", { name: m["account.rolePages"] });
        const hrefs = await Promise.all(c.account.map((key) => nav.getByRole("link", { name: m[key], exact: true }).getAttribute("href")));
        c.hrefs.forEach((want, i) => (typeof want === "string" ? expect(hrefs[i]).toBe(want) : expect(hrefs[i]).toMatch(want)));
        expect(await noSideScroll(page)).toBe(true);
        expect(await seriousViolations(page, `${c.who} account ${lang}`)).toEqual([]);
      }
    });
  }

  it("the gate link opens the scanner and the desk link the walk-in form for gate staff", async () => {
    const { page } = await env.context(phone);
    await signInByPost(env, page, "gate@demo.numaish.pk");
    await page.goto("/account");
    await Promise.all([page.waitForURL("**/walk-in"), main(page).getByRole("link", { name: en["nav.walkIn"] }).click()]);
    expect((await page.request.get(page.url())).status()).toBe(200);
    await Promise.all([page.waitForURL("**/gate"), header(page).getByRole("link", { name: en["nav.gate"] }).click()]);
    await main(page).getByRole("heading", { level: 1 }).waitFor();
  });

  it("a visitor has no role links", async () => {
    const { page } = await env.context(phone);
    await signInByPost(env, page, demo.visitor);
    await page.goto("/account");
    expect(await main(page).getByRole("navigation", { name: en["account.rolePages"] }).count()).toBe(0);
    for (const key of ["nav.gate", "nav.nominations", "nav.reviews", "nav.exhibitorPortal", "nav.backOffice"] as const) {
      expect(await header(page).getByRole("link", { name: en[key], exact: true }).count()).toBe(0);
    }
  });
});

describe("the back office's edition menu", () => {
  it("links every page of the open edition, in English and Urdu at 360 px", async () => {
    const { context, page } = await env.context(phone);
    await signIn(page, demo.organiser);
    const edition = (await (await page.request.get("/api/v1/editions/current")).json()).edition.id as string;
    const base = `/back-office/editions/${edition}`;
    const want = {
      "bo.edition.settings": base,
      "registration.settings.title": `${base}/registration`,
      "registration.bo.title": `${base}/registrations`,
      "nominations.call.title": `${base}/call`,
      "nominations.all.title": `${base}/nominees`,
      "nominations.aff.title": `${base}/reviewers`,
      "nominations.sel.title": `${base}/selection`,
      "checkin.nav.badges": `${base}/badges`,
      "checkin.nav.setup": `${base}/checkin-setup`,
      "checkin.nav.footfall": `${base}/footfall`,
      "analytics.title": `${base}/analytics`,
    } as const;
    for (const [lang, m] of [["en", en], ["ur", ur]] as const) {
      if (lang === "ur") await urdu(context);
      await page.goto(`${base}/registrations`);
      const menu = page.getByRole("list", { name: m["bo.nav.thisEdition"] });
      for (const [key, href] of Object.entries(want)) {
        expect(await menu.getByRole("link", { name: m[key as keyof typeof want], exact: true }).getAttribute("href"), `${lang} ${key}`).toBe(href);
      }
      expect(await noSideScroll(page)).toBe(true);
      expect(await seriousViolations(page, `bo menu ${lang}`)).toEqual([]);
    }
    // Every link opens a page (none is a 404 or an error).
    for (const href of Object.values(want)) {
      const res = await page.request.get(href, { maxRedirects: 5 });
      expect(res.status(), href).toBe(200);
    }
  });

  it("counts with the right number: never '1 editions'", async () => {
    const { page } = await env.context(phone);
    await signInByPost(env, page, demo.organiser);
    await page.goto("/back-office");
    const stats = await page.locator("p.stats").innerText();
    const n = Number(/(\d+) edition/.exec(stats)?.[1]);
    expect(stats).toContain(n === 1 ? "1 edition" : `${n} editions`);
    expect(stats).not.toMatch(/\b1 editions\b/);
  });
});

describe("the home page in Urdu", () => {
  it("shows the venue's address, the timezone and the districts in Urdu", async () => {
    const { context, page } = await env.context(phone);
    await urdu(context);
    await page.goto("/");
    const facts = await page.locator("header.hero").innerText();
    expect(facts).toContain("عبدالحق روڈ، جوہر ٹاؤن، لاہور");
    expect(facts).toContain("پاکستان کا معیاری وقت");
    expect(facts).not.toMatch(/Asia\/Karachi|Abdul Haque|Johar Town/);
    const clusters = await page.locator("section[aria-labelledby=clusters-h]").innerText();
    for (const place of ["گلگت", "عمرکوٹ", "ملتان"]) expect(clusters).toContain(place);
    expect(clusters).not.toMatch(/Gilgit|Umerkot|Multan|Sialkot|Karachi/);
    expect(await noSideScroll(page)).toBe(true);
    expect(await seriousViolations(page, "home ur")).toEqual([]);
  });

  it("and in English names the time zone in words", async () => {
    const { page } = await env.context(phone);
    await page.goto("/");
    expect(await page.locator("header.hero").innerText()).toContain("Times are in Pakistan Standard Time");
  });
});

describe("sign-up from the sign-in page", () => {
  it("keeps where the person was going", async () => {
    const { page } = await env.context({ ...phone, javaScriptEnabled: false });
    await page.goto("/account/registrations");
    await page.waitForURL("**/sign-in?next=*");
    await Promise.all([page.waitForURL("**/sign-up?next=*"), main(page).getByRole("link", { name: en["nav.signUp"] }).click()]);
    await page.getByLabel(en["auth.name"]).fill("Sana Ullah");
    await page.getByLabel(en["auth.email"]).fill("sana.next@example.com");
    await page.getByRole("button", { name: en["accounts.signUp.send"] }).click();
    await page.getByTestId("sign-up-sent").waitFor();
    // The emailed link carries where the person was going.
    const link = await emailedPath(env, "sana.next@example.com", "/sign-up/");
    expect(link).toContain(`?next=${encodeURIComponent("/account/registrations")}`);
    await page.goto(link);
    await page.getByLabel(en["auth.password"], { exact: true }).fill("a long enough password 42");
    await Promise.all([page.waitForURL("**/account/registrations"), page.getByRole("button", { name: en["auth.signUp.submit"] }).click()]);
    expect(new URL(page.url()).pathname).toBe("/account/registrations");
  });

  it("never follows a next to another site", async () => {
    const { page } = await env.context({ ...phone, javaScriptEnabled: false });
    await page.goto("/sign-up?next=//evil.example/");
    expect(await page.locator("input[name=next]").getAttribute("value")).toBe("");
  });
});

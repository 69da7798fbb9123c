import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import axe from "axe-core";
import { BEFORE_THE_SHOW, clockFrom, SUITE_NOW, type StartedClock } from "../support/clocks";
import { startTestServer, type TestServer } from "../support/server";
import { chromiumPath } from "../support/chromium";
import { and, desc, eq } from "drizzle-orm";
import { outboxMessages } from "../../src/platform/mail/tables";

// One server per test file (its own copy of the seeded demo) and one Chromium per test worker,
// shared by the files that worker runs (test files share modules: vitest.config.ts): every test
// gets a fresh browser context, with its own cookies and storage, so nothing leaks between them.

/** Options for expect.poll: the default second is too short on a loaded 2-core CI machine. */
export const SLOW = { timeout: 15_000, interval: 100 };

export const demo = {
  organiser: "organiser@demo.numaish.pk",
  visitor: "visitor@demo.numaish.pk",
  admin: "admin@demo.numaish.pk",
  password: "numaish-demo-2026",
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

let shared: Promise<Browser> | undefined;
/** This worker's Chromium, launched on first use (again if it crashed); Playwright ends it with
 *  the worker process. */
function workerBrowser(): Promise<Browser> {
  if (!shared) {
    shared = launchBrowser();
    shared.then((b) => b.on("disconnected", () => (shared = undefined)), () => (shared = undefined));
  }
  return shared;
}

export interface Env {
  server: TestServer;
  browser: Browser;
  /** A fresh context (own cookies) whose requests are all recorded. */
  context(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; requests: string[] }>;
  close(): Promise<void>;
}

export { clockFrom, SUITE_NOW };

/** Two weeks before the demo edition opens: journeys that register for its days. */
export const beforeTheShow = () => clockFrom(BEFORE_THE_SHOW);

/** Servers start at SUITE_NOW unless a file asks for another clock (tests/support/clocks.ts). */
export async function startEnv(options: { smtpPort?: number; clock?: StartedClock } = {}): Promise<Env> {
  const clock = options.clock ?? clockFrom(SUITE_NOW);
  const [server, browser] = await Promise.all([startTestServer({ ...options, clock }), workerBrowser()]);
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async context(contextOptions = {}) {
      const context = await browser.newContext({ baseURL: server.url, ...contextOptions });
      contexts.push(context);
      // The phone's clock is the server's (offline checks compare the badge's dates with it).
      await context.clock.install({ time: server.services.clock.now() });
      const requests: string[] = [];
      context.on("request", (r) => requests.push(r.url()));
      const page = await context.newPage();
      return { context, page, requests };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await server.close();
    },
  };
}

export async function signIn(page: Page, email: string, password: string = demo.password) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== "/sign-in"), page.getByRole("button", { name: "Sign in" }).click()]);
  // With JavaScript the URL changes before React renders the new page: wait for the signed-in header.
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** Signed in through the sign-in form's own POST (the same action, password check and session
 *  cookie), without rendering the sign-in page: for journeys whose subject is what comes after.
 *  The page stays where it was; go where the journey starts. */
export async function signInByPost(env: Env, page: Page, email: string, password: string = demo.password) {
  const response = await page.request.post(`${env.server.url}/sign-in`, {
    form: { email, password, next: "/account" },
    headers: { origin: env.server.url },
    maxRedirects: 0,
  });
  if (![302, 303].includes(response.status())) throw new Error(`sign-in for ${email} answered ${response.status()}`);
}

type AxeResults = import("axe-core").AxeResults;

/**
 * axe-core's WCAG 2 A and AA rules on the page (or on the part `include` selects), run in the page
 * itself. Not through @axe-core/playwright's AxeBuilder: for pages without frames it only adds cost
 * (it finishes every run in a new blank page; measured 2026-12-06 on a loaded 2-core machine:
 * 4–15 s a call against 1–3 s here, and the browser journeys call axe about 200 times). Our pages
 * have no frames (no `<iframe>` in src/), so nothing goes unchecked.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeResults["violations"]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(
    ([selector]) => {
      const w = window as unknown as { axe: typeof import("axe-core") };
      const context = selector ? { include: [[selector]] } : document;
      return w.axe.run(context as import("axe-core").ElementContext, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] });
    },
    [include] as const,
  );
  return result.violations;
}

/** Serious and critical axe violations, printed so a failure says what and where. */
export async function seriousViolations(page: Page, label: string) {
  const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) {
    const lines = bad.flatMap((v) => [
      `[${label}] ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
    ]);
    console.log(lines.join("\n"));
  }
  return bad.map((v) => ({ page: label, rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Signed in as organiser staff: the back-office address of an edition, found by a text its link
 *  has (e.g. "2026") or has not (the demo's other show). */
export async function backOfficeEditionPath(page: Page, which: { hasText: string } | { hasNotText: string }): Promise<string> {
  await page.goto("/back-office");
  const href = await page.locator('main a[href^="/back-office/editions/"]', which).first().getAttribute("href");
  if (!href) throw new Error("the back-office overview lists no such edition");
  return href;
}

/** The path of the newest link to `pathPrefix` (e.g. "/registration/", "/sign-up/") emailed to an
 *  address, polled: forms answer "check your email", and the email is where the link is. */
export async function emailedPath(env: Env, to: string, pathPrefix: string, kind?: string): Promise<string> {
  const deadline = Date.now() + SLOW.timeout;
  for (;;) {
    const messages = await env.server.services.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, to), kind ? eq(outboxMessages.kind, kind) : undefined))
      .orderBy(desc(outboxMessages.createdAt));
    for (const m of messages) {
      for (const found of m.bodyText.match(/https?:\/\/\S+/g) ?? []) {
        const url = new URL(found.replace(/[.,;:)]+$/, ""));
        if (url.pathname.startsWith(pathPrefix) && url.pathname !== "/registration/lost-link") return url.pathname + url.search;
      }
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a link to ${pathPrefix}`);
    await new Promise((r) => setTimeout(r, SLOW.interval));
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beforeTheShow, startEnv, type Env, signInByPost } from "./helpers";

// Registration and badges are reachable: from the public edition page and from the account page,
// on a phone. The exhibitor-staff category is not offered on the public form.

let env: Env;
beforeAll(async () => {
  // Registration takes only days still to come: the server's clock runs from before the demo edition.
  env = await startEnv({ clock: beforeTheShow() });
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 800 } };

describe("ways in to registration and badges", () => {
  it("the edition page leads to the registration form, which offers no exhibitor-staff category", async () => {
    const { page } = await env.context(phone);
    await page.goto("/");
    await Promise.all([page.waitForURL(/\/editions\/[^/]+\/register$/), page.getByRole("link", { name: "Register to visit" }).click()]);
    await page.getByRole("link", { name: "General public" }).waitFor();
    expect(await page.getByRole("link", { name: "Exhibitor staff" }).count()).toBe(0);
  });

  it("the account page links to registrations and badge, and staff badges for exhibitors only", async () => {
    const visitor = (await env.context(phone)).page;
    await signInByPost(env, visitor, "visitor@demo.numaish.pk");
    await visitor.goto("/account");
    expect(await visitor.getByRole("link", { name: "My registrations" }).getAttribute("href")).toBe("/account/registrations");
    expect(await visitor.getByRole("link", { name: "Your badge" }).getAttribute("href")).toBe("/account/badge");
    expect(await visitor.getByRole("link", { name: "Staff badges" }).count()).toBe(0);
    const exhibitor = (await env.context(phone)).page;
    await signInByPost(env, exhibitor, "exhibitor@demo.numaish.pk");
    await exhibitor.goto("/account");
    // The account page links the staff badges (the header links the exhibitor portal).
    await Promise.all([exhibitor.waitForURL("**/account/staff-badges"), exhibitor.locator("main").getByRole("link", { name: "Staff badges" }).click()]);
  });
});

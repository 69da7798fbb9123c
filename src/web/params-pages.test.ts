import { describe, expect, it } from "vitest";

// Every page whose route names a row by its UUID refuses a malformed one with a 404 before any
// operation runs (src/web/params.ts): the context below throws on any use, so a loader or action
// that reached an operation (or the database) fails this test instead of answering 404.

const pages: [module: string, param: string][] = [
  ["../features/registration/pages/account-registration.tsx", "id"],
  ["../features/registration/pages/bo-export.ts", "editionId"],
  ["../features/registration/pages/desk.tsx", "editionId"],
  ["../features/registration/pages/bo-settings.tsx", "editionId"],
  ["../features/registration/pages/bo-registrations.tsx", "editionId"],
  ["../features/checkin/pages/badge.tsx", "registrationId"],
  ["../features/checkin/pages/footfall.tsx", "editionId"],
  ["../features/checkin/pages/badges-admin.tsx", "editionId"],
  ["../features/checkin/pages/setup.tsx", "editionId"],
  ["../features/checkin/pages/zone-access.tsx", "editionId"],
  ["../features/nominations/pages/photo.ts", "photoId"],
  ["../features/nominations/pages/call.tsx", "editionId"],
  ["../features/nominations/pages/nominees.tsx", "editionId"],
  ["../features/selection/pages/review-photo.ts", "photoId"],
  ["../features/selection/pages/selection.tsx", "editionId"],
  ["../features/selection/pages/reviewers.tsx", "editionId"],
  ["../features/backoffice/pages/edition.tsx", "editionId"],
  ["../features/b2b/pages/participants-admin.tsx", "editionId"],
  ["../features/b2b/pages/runs.tsx", "editionId"],
  ["../features/b2b/pages/run.tsx", "runId"],
  ["../features/floor/pages/allocation.tsx", "editionId"],
  ["../features/floor/pages/allocation-run.tsx", "runId"],
  ["../features/programme/pages/editor.tsx", "editionId"],
  ["../features/programme/pages/session.tsx", "sessionId"],
  ["../features/programme/pages/session-ics.ts", "sessionId"],
  ["../features/exhibitors/pages/bo-exhibitors.tsx", "editionId"],
  ["../features/exhibitors/pages/catalogue-product.tsx", "productId"],
  ["../features/exhibitors/pages/catalogue-file.ts", "fileId"],
  ["../features/floor/pages/floor-halls.tsx", "editionId"],
  ["../features/floor/pages/floor-editor.tsx", "hallId"],
  ["../features/floor/pages/floor-export.ts", "hallId"],
  ["../features/meetday/pages/lounge.tsx", "editionId"],
  ["../features/meetday/pages/outcomes-admin.tsx", "editionId"],
  ["../features/meetday/pages/own-outcome.tsx", "meetingId"],
  ["../features/baseline/pages/bo-baseline.tsx", "editionId"],
  ["../features/baseline/pages/bo-baseline-csv.ts", "editionId"],
  ["../features/awards/pages/bo-awards.tsx", "editionId"],
  ["../features/awards/pages/certificate.ts", "categoryId"],
  ["../features/programme/pages/door.tsx", "editionId"],
  ["../features/programme/pages/invitations.tsx", "editionId"],
  ["../features/privacy/pages/bo-privacy.tsx", "editionId"],
  ["../features/leads/pages/bo-leads.tsx", "editionId"],
  ["../features/baseline/pages/bo-baseline-firms.tsx", "editionId"],
  ["../features/baseline/pages/bo-record.tsx", "enterpriseId"],
];

const untouchable = new Proxy(
  {},
  {
    get(_t, key) {
      throw new Error(`the context was used (${String(key)}) before the id was checked`);
    },
  },
);

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>;

async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return "no error";
}

// Importing a page's graph the first time takes seconds on a busy machine.
describe("pages with a UUID in their route", () => {
  it.each(pages)("%s answers a malformed %s with 404 before any operation", async (path, param) => {
    const mod = (await import(/* @vite-ignore */ path)) as { loader?: Handler; action?: Handler };
    expect(mod.loader ?? mod.action).toBeTypeOf("function");
    for (const [kind, handler] of [["loader", mod.loader], ["action", mod.action]] as const) {
      if (!handler) continue;
      for (const bad of ["not-a-uuid", "1", "12345678-9abc-4def-8123-456789abcdefx"]) {
        const params = { [param]: bad, token: "t" };
        const request = new Request(`http://numaish.test/x/${bad}`, kind === "action" ? { method: "POST", body: new FormData() } : {});
        const e = await thrown(() => handler({ request, params, context: untouchable }));
        expect([kind, bad, e]).toMatchObject([kind, bad, { init: { status: 404 }, data: { code: "not_found" } }]);
      }
    }
  }, 60_000);
});

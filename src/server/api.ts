import { DomainError } from "../platform/errors";
import type { AppServices } from "../platform/context";
import { apiRouter } from "../platform/http/api-router";
import { accountsApi } from "../features/accounts/api";
import { editionsApi } from "../features/editions/api";
import { backofficeApi } from "../features/backoffice/api";
import { renderApiReference } from "./api-reference";

export function createApi(services: AppServices) {
  const api = apiRouter();
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "numaish_session",
  });
  api.route("/", accountsApi(services));
  api.route("/", editionsApi(services));
  api.route("/", backofficeApi(services));
  const document = {
    openapi: "3.1.0" as const,
    info: {
      title: "Numaish API",
      version: "1",
      description:
        "JSON API over the same operations as the web pages. Authenticate with an organiser's API token (`Authorization: Bearer nmsh_…`) or a session cookie. Errors carry a stable `code`.",
    },
    servers: [{ url: `${services.config.publicUrl}/api/v1` }],
  };
  api.doc31("/openapi.json", document);
  api.get("/docs", (c) => c.html(renderApiReference(api.getOpenAPI31Document(document) as unknown as Record<string, unknown>)));
  api.notFound(() => {
    throw new DomainError("not_found", { params: { what: "route" } });
  });
  return api;
}

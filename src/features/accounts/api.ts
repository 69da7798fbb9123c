import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { getOwnAccount } from "./operations/own-account";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

export const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(["en", "ur"]),
    grants: z.array(
      z.object({
        role: z.string(),
        organiserId: z.string().nullable(),
        tradeBodyId: z.string().nullable(),
        enterpriseId: z.string().nullable(),
      }),
    ),
  })
  .openapi("Account");

export const errorResponses = {
  400: { description: "Invalid input", content: { "application/json": { schema: errorSchema } } },
  401: { description: "Not signed in", content: { "application/json": { schema: errorSchema } } },
  403: { description: "Not allowed", content: { "application/json": { schema: errorSchema } } },
  404: { description: "Not found", content: { "application/json": { schema: errorSchema } } },
} as const;

export function accountsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      summary: "The signed-in account and its roles",
      tags: ["accounts"],
      security: [{ session: [] }],
      responses: {
        200: { description: "The account", content: { "application/json": { schema: accountSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getOwnAccount(c.get("req").ctx), 200),
  );
  return api;
}

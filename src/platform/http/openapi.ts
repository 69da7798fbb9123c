import { z } from "@hono/zod-openapi";

// Shared pieces of every feature's API: the error body, the error responses,
// JSON bodies and UUID path parameters. Request bodies are strict objects so a
// misspelt field is refused instead of silently ignored; the operations then
// parse again with their own schemas (the single source of the rules).

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).openapi({ description: "Figures of the refusal, e.g. `remaining` and `valid` of `quota_exceeded`" }),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

export const errorResponses = {
  400: errorResponse("Invalid input: `validation_failed` (with field issues) or `bad_request`"),
  401: errorResponse("Not signed in, or the API token is unknown or revoked (`unauthenticated`)"),
  403: errorResponse("Not allowed (`forbidden`), or a cookie request from another site (`csrf_failed`)"),
  404: errorResponse("Not found"),
} as const;

/** For routes anyone may call: bad input, or a cross-site cookie request. */
export const publicErrors = { 400: errorResponses[400], 403: errorResponse("A request from another site (`csrf_failed`)") } as const;

export const conflictResponse = { 409: errorResponse("Conflicts with what exists (`slug_taken`, `already_exists`, `idempotency_key_reused`, …: the body's code says which)") } as const;

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

/** A JSON response. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const idParams = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" }, example: "0b7f3c1e-8a53-4c1e-9a55-2f1d1c7e0a11" }),
});

/** Who may call: a session cookie, an API token, or either. */
type Security = { [scheme: string]: string[] }[];
export const security: Record<"session" | "token" | "either" | "none", Security> = {
  session: [{ session: [] }],
  token: [{ bearer: [] }],
  either: [{ session: [] }, { bearer: [] }],
  none: [],
};

import { OpenAPIHono } from "@hono/zod-openapi";
import { DomainError } from "../errors";
import { toFieldIssues } from "../validation";
import type { AppEnv } from "./request-context";

/** A router whose request validation failures become our `validation_failed` error. */
export const apiRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new DomainError("validation_failed", { fields: toFieldIssues(result.error) });
    },
  });

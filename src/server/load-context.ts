import type { AppServices, Ctx } from "../platform/context";

/** What the server hands every React Router loader and action. */
export interface LoadContext {
  services: AppServices;
  ctx: Ctx;
  nonce: string;
  sessionSecret?: string;
  ip: string;
  userAgent: string | null;
  [key: string]: unknown;
}

declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LoadContext {}
}

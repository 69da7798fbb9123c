import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";

export function editionsApi(_services: AppServices) {
  return apiRouter();
}

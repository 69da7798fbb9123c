import { data } from "react-router";

// A route parameter that names a row by its UUID. A malformed one names nothing: the page answers
// 404 (the not-found page) before any operation runs, never a 500 from the database's uuid cast.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The parameter when it is a UUID; otherwise the loader or action stops with a 404. */
export function uuidParam(value: string | undefined): string {
  if (!isUuid(value)) throw data({ code: "not_found" }, { status: 404 });
  return value;
}

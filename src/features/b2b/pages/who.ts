import { data } from "react-router";
import { isUuid } from "../../../web/params";
import type { ParticipantRef } from "../operations/participants";

// The participant's pages live under /b2b/:who/… where `who` is either the participant's id (a
// person with an account, who must be signed in as it) or its signed link's token (no password).
// The operations decide whether the caller may act for it (ownParticipant); this only reads the
// segment. A segment that can be neither answers 404 before any operation runs.

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function refOf(who: string | undefined): ParticipantRef {
  if (isUuid(who)) return { participantId: who };
  if (typeof who === "string" && TOKEN.test(who)) return { token: who };
  throw data({ code: "not_found" }, { status: 404 });
}

/** The base path of a participant's pages. */
export const participantBase = (who: string) => `/b2b/${encodeURIComponent(who)}`;

/** The participant's pages, in the order of the navigation. */
export const participantPages = [
  { path: "", key: "b2b.nav.profile" },
  { path: "/recommended", key: "b2b.nav.recommended" },
  { path: "/directory", key: "b2b.nav.directory" },
  { path: "/requests", key: "b2b.nav.requests" },
  { path: "/meetings", key: "b2b.nav.meetings" },
  { path: "/walk-up", key: "meetday.walkup.nav" },
] as const;

import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, publicErrors, security } from "../../platform/http/openapi";
import { getDraft, saveRoom, saveSession, saveSpeaker } from "./operations/draft";
import { publicAgenda, publicChanges, publicRooms, publicSpeaker } from "./operations/public";
import { publishRelease } from "./operations/release";
import { uploadDoorScans } from "./operations/door";
import { inviteByCategory, inviteToSession } from "./operations/invitations";
import { cancelRsvp, rsvpSession } from "./operations/rsvp";
import { saveRoomInput, saveSessionFields, saveSpeakerInput } from "./schemas";
import { sessionAccess, sessionKinds, speakerRoles, tracks } from "./tables";

// The agenda over the API (issue #13): the released agenda, rooms, speakers and releases for
// anyone (a published edition); the draft, rooms, speakers, sessions, releases and invitations for
// the organiser's staff (`programme.manage`: a session or a catalogue:write token); RSVPs for a
// registered person (their own registration when signed in, or its manage-link token). Same
// operations as the pages.

const tags = ["programme"];
const slugParam = z.object({ slug: z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }) });
const speakerRef = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameUr: z.string(), organisation: z.string(), role: z.enum(speakerRoles) });
const session = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    kind: z.enum(sessionKinds),
    track: z.enum(tracks),
    titleEn: z.string(),
    titleUr: z.string(),
    descriptionEn: z.string(),
    descriptionUr: z.string(),
    day: z.number().int().openapi({ description: "1 = the edition's first day" }),
    startMinute: z.number().int().openapi({ description: "Minutes since local midnight (the edition's timezone)" }),
    endMinute: z.number().int(),
    roomId: z.string(),
    roomEn: z.string(),
    roomUr: z.string(),
    language: z.enum(["en", "ur"]),
    interpretation: z.boolean(),
    access: z.enum(sessionAccess),
    speakers: z.array(speakerRef),
  })
  .openapi("ProgrammeSession");
const onFloor = z
  .object({ areaCode: z.string(), nameEn: z.string(), nameUr: z.string(), hall: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }), href: z.string() })
  .openapi("ProgrammeRoomOnFloor", { description: "The area of the floor plan where the room is, and the public hall page with it marked" });
const editionRef = z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string(), startsOn: z.string(), timezone: z.string(), dayCount: z.number().int() });
const change = z.record(z.string(), z.unknown()).openapi("ProgrammeChange", { description: "type: added | moved | changed | cancelled, with the session's id, titles and places" });
const notFound = { ...publicErrors, 404: errorResponses[404] };
const holder = z.union([z.object({ registrationId: z.uuid() }), z.object({ token: z.string().min(20).max(100) })]).openapi("ProgrammeHolder", { description: "Your own registration (signed in) or its manage-link token" });

export function programmeApi(_services: AppServices) {
  const api = apiRouter();
  const get = <Q extends z.ZodObject = typeof slugParam>(operationId: string, path: string, summary: string, schema: z.ZodType, run: (ctx: never, p: z.infer<Q>) => Promise<unknown>, params: Q = slugParam as unknown as Q) =>
    api.openapi(
      createRoute({ method: "get", operationId, path, summary, tags, security: security.none, request: { params }, responses: { 200: jsonResponse(schema, summary), ...notFound } }),
      async (c) => c.json((await run(c.get("req").ctx as never, c.req.valid("param" as never) as z.infer<Q>)) as never, 200),
    );
  get("getProgramme", "/editions/{slug}/programme", "The released agenda (the last release): sessions, rooms, tracks", z.object({ edition: editionRef, release: z.object({ number: z.number(), name: z.string(), releasedAt: z.string() }).nullable(), sessions: z.array(session) }).openapi("Programme"), (ctx, p) => publicAgenda(ctx, { slug: p.slug }));
  get("listProgrammeRooms", "/editions/{slug}/programme/rooms", "The edition's rooms and stages with their seats, and where each is on the floor map (`onFloor.href`: the public hall page with its area marked)", z.object({ edition: editionRef, rooms: z.array(z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string(), capacity: z.number().int(), onFloor: onFloor.nullable() })) }), (ctx, p) => publicRooms(ctx, { slug: p.slug }));
  get("listProgrammeReleases", "/editions/{slug}/programme/releases", "Every release, newest first, with its change log", z.object({ edition: editionRef, releases: z.array(z.object({ number: z.number(), name: z.string(), releasedAt: z.string(), changes: z.array(change) })) }), (ctx, p) => publicChanges(ctx, { slug: p.slug }));
  get(
    "getProgrammeSpeaker",
    "/editions/{slug}/programme/speakers/{speaker}",
    "A speaker of the released agenda and their sessions",
    z.object({ edition: editionRef, speaker: z.record(z.string(), z.unknown()), sessions: z.array(session) }),
    (ctx, p) => publicSpeaker(ctx, { slug: p.slug, speaker: p.speaker }),
    slugParam.extend({ speaker: z.string().max(60).openapi({ param: { name: "speaker", in: "path" } }) }),
  );

  const staff = <B extends z.ZodType>(operationId: string, path: string, summary: string, body: B | null, run: (ctx: never, id: string, b: z.infer<B>) => Promise<unknown>, method: "get" | "post" = "post") =>
    api.openapi(
      createRoute({
        method,
        operationId,
        path,
        summary,
        description: "Organiser staff (`programme.manage`). Audited.",
        tags,
        security: security.either,
        request: body ? { params: idParams, body: jsonBody(body) } : { params: idParams },
        responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), summary), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json((await run(c.get("req").ctx as never, (c.req.valid("param" as never) as { id: string }).id, (body ? c.req.valid("json" as never) : undefined) as z.infer<B>)) as never, 200),
    );
  staff("getProgrammeDraft", "/editions/{id}/programme/draft", "The private draft: rooms, speakers, sessions, warnings, releases", null, (ctx, id) => getDraft(ctx, { editionId: id }), "get");
  staff("saveProgrammeRoom", "/editions/{id}/programme/rooms", "Add a room (or change one, with its id)", saveRoomInput.omit({ editionId: true }), (ctx, id, b) => saveRoom(ctx, { ...b, editionId: id }));
  staff("saveProgrammeSpeaker", "/editions/{id}/programme/speakers", "Add a speaker (or change one, with its id)", saveSpeakerInput.omit({ editionId: true }), (ctx, id, b) => saveSpeaker(ctx, { ...b, editionId: id }));
  staff("saveProgrammeSession", "/editions/{id}/programme/sessions", "Add a session to the draft (or change one, with its id)", saveSessionFields.omit({ editionId: true }), (ctx, id, b) => saveSession(ctx, { ...b, editionId: id }));
  staff("publishProgrammeRelease", "/editions/{id}/programme/releases", "Publish the draft as a named release (emails the speakers concerned)", z.object({ name: z.string().max(80) }), (ctx, id, b) => publishRelease(ctx, { ...b, editionId: id }));
  staff("inviteToProgrammeSession", "/editions/{id}/programme/invitations", "Invite approved registrations to a session (emails each new invitee a link to RSVP)", z.object({ sessionId: z.uuid(), registrationIds: z.array(z.uuid()) }), (ctx, id, b) => inviteToSession(ctx, { ...b, editionId: id }));
  staff("inviteCategoriesToProgrammeSession", "/editions/{id}/programme/invitations/by-category", "Invite every approved registration of the chosen visitor categories to a session", z.object({ sessionId: z.uuid(), categoryIds: z.array(z.uuid()) }), (ctx, id, b) => inviteByCategory(ctx, { ...b, editionId: id }));

  api.openapi(
    createRoute({
      method: "post",
      operationId: "uploadProgrammeDoorScans",
      path: "/editions/{id}/programme/door-scans",
      summary: "Badge scans at a session's door (one, or a device's offline queue): each decided and recorded once per nonce",
      description:
        "Gate staff or organiser staff (`checkin.scan`). The shape every scanner uploads: each item `{nonce, code, at, deviceId, offline}` is decided again (`offline`: whether the phone was offline when it scanned, stored with the scan, true when left out); answers admit | refuse with a reason (the gate's reasons, then session_cancelled, session_not_today, not_invited, category_not_admitted, no_rsvp) in the caller's language. A nonce sent again counts as a duplicate and returns the first answer. An ill-formed item is listed in `invalid` (its index and issues) and the others are still recorded.",
      tags,
      security: security.either,
      request: {
        params: idParams,
        // Each item is parsed alone by the operation (an ill-formed one is named in `invalid`, the
        // others recorded), as at the lounge and the stalls: one bad item must not refuse a phone's
        // whole queue, which it would then send again for ever.
        body: jsonBody(z.object({ sessionId: z.uuid(), scans: z.array(z.unknown().openapi({ description: "{nonce, code, at (ISO date-time), deviceId?, offline?}" })).max(500) })),
      },
      responses: {
        200: jsonResponse(
          z.object({ recorded: z.number().int(), duplicates: z.number().int(), invalid: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })), answers: z.array(z.record(z.string(), z.unknown())) }),
          "The answers, in order",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json((await uploadDoorScans(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id })) as never, 200),
  );

  for (const [operationId, path, summary, run] of [
    ["rsvpProgrammeSession", "/programme/sessions/{id}/rsvp", "Reserve a seat, or a place on the waitlist when the session is full (status seated | waitlisted, position in line); idempotent. Refusals: programme_invitation_only, programme_category_not_admitted, programme_not_registered, programme_not_released", rsvpSession],
    ["cancelProgrammeRsvp", "/programme/sessions/{id}/rsvp/cancel", "Give the seat back or leave the waitlist (the first person waiting gets the seat)", cancelRsvp],
  ] as const)
    api.openapi(
      createRoute({
        method: "post",
        operationId,
        path,
        summary,
        tags,
        security: [...security.session, {}],
        request: { params: idParams, body: jsonBody(z.object({ holder })) },
        responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), summary), ...errorResponses, ...conflictResponse, 410: errorResponses[404] },
      }),
      async (c) => c.json((await run(c.get("req").ctx, { sessionId: c.req.valid("param").id, holder: c.req.valid("json").holder })) as never, 200),
    );
  return api;
}

import { redirect } from "react-router";
import type { Ctx } from "../../../platform/context";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { runForm } from "../../../web/actions";
import { minuteOf, snap } from "../engine/warnings";
import { cancelSession, moveSession, saveRoom, saveSession, saveSpeaker, setHours } from "../operations/draft";
import { publishRelease } from "../operations/release";
import { sessionAccess, sessionKinds, speakerRoles, tracks } from "../tables";
import { oneOf, optionalOneOf } from "../../../web/form-fields";

// The schedule editor's forms (pages/editor.tsx): each intent's form text turned into its
// operation's input. The drag in the browser (pages/editor-drag.tsx) posts the same "move" form.
// After a move the page is told which session moved, to show that session's warnings.

/** "09:03" → 905 snapped to 5 minutes; a field issue when not a time. */
function timeField(text: string, path: string, issues: FieldIssue[]): number {
  const m = minuteOf(text);
  if (m === undefined) {
    issues.push({ path, code: "programme_time_format" });
    return 0;
  }
  return snap(m);
}

export async function editorAction(ctx: Ctx, editionId: string, form: FormData) {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const intent = text("intent");
  let done = intent;
  let moved = "";
  const result = await runForm(ctx.locale, form, async () => {
    const issues: FieldIssue[] = [];
    const fail = () => {
      if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    };
    switch (intent) {
      case "session": {
        const startMinute = timeField(text("startMinute"), "startMinute", issues);
        const endMinute = timeField(text("endMinute"), "endMinute", issues);
        fail();
        const speakers = form
          .getAll("speakerIds")
          .map(String)
          .map((speakerId) => ({ speakerId, role: optionalOneOf(form, `role.${speakerId}`, speakerRoles) ?? "speaker" }));
        return saveSession(ctx, {
          editionId,
          ...(text("id") ? { id: text("id") } : {}),
          kind: oneOf(form, "kind", sessionKinds),
          track: oneOf(form, "track", tracks),
          titleEn: text("titleEn"),
          titleUr: text("titleUr"),
          descriptionEn: text("descriptionEn"),
          descriptionUr: text("descriptionUr"),
          day: Number(text("day")),
          startMinute,
          endMinute,
          roomId: text("roomId"),
          language: oneOf(form, "language", ["en", "ur"]),
          interpretation: form.has("interpretation"),
          rsvpRequired: form.has("rsvpRequired"),
          access: oneOf(form, "access", sessionAccess),
          categoryIds: text("access") === "by_category" ? form.getAll("categoryIds").map(String) : [],
          speakers,
        });
      }
      case "move": {
        const startMinute = timeField(text("startMinute"), "startMinute", issues);
        const endMinute = timeField(text("endMinute"), "endMinute", issues);
        fail();
        const r = await moveSession(ctx, { editionId, id: text("id"), day: Number(text("day")), startMinute, endMinute, roomId: text("roomId") });
        moved = r.session.id;
        return r;
      }
      case "cancel":
      case "restore":
        return cancelSession(ctx, { editionId, id: text("id") }, intent === "cancel");
      case "room":
      case "roomEdit":
        return saveRoom(ctx, {
          editionId,
          ...(intent === "roomEdit" ? { id: text("id") } : {}),
          slug: text("slug"),
          nameEn: text("nameEn"),
          nameUr: text("nameUr"),
          capacity: Number(text("capacity")),
          floorAreaId: text("floorAreaId") || null,
        });
      case "speaker":
        return saveSpeaker(ctx, {
          editionId,
          slug: text("slug"),
          name: text("name"),
          nameUr: text("nameUr"),
          organisation: text("organisation"),
          role: text("role"),
          bioEn: text("bioEn"),
          bioUr: text("bioUr"),
          email: text("email") || null,
          locale: optionalOneOf(form, "locale", ["en", "ur"]) ?? "en",
        });
      case "hours": {
        const opensMinute = timeField(text("opensMinute"), "opensMinute", issues);
        const closesMinute = timeField(text("closesMinute"), "closesMinute", issues);
        fail();
        return setHours(ctx, { editionId, opensMinute, closesMinute });
      }
      case "release": {
        const r = await publishRelease(ctx, { editionId, name: text("name") });
        done = `release-${r.release.number}`;
        return r;
      }
      default:
        throw new DomainError("bad_request");
    }
  });
  if (!result.ok) return result.response;
  const query = new URLSearchParams({ done });
  if (text("day")) query.set("day", text("day"));
  if (moved) query.set("moved", moved);
  const step = text("step");
  if (step) query.set("step", step);
  return redirect(`/back-office/editions/${editionId}/programme?${query}`);
}

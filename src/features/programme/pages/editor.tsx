import type { Route } from "./+types/editor";
import { loadOr } from "../../../web/actions";
import { Notice } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { editionDayDate } from "#features/editions/client";
import { stepOf } from "../engine/grid";
import { namesSession } from "../engine/warnings";
import { getDraft } from "../operations/draft";
import { editorAction } from "./editor-action";
import { Grid } from "./editor-grid";
import { EmbedSnippet } from "./editor-embed";
import { SessionForm } from "./editor-session-form";
import { SessionList } from "./editor-sessions";
import { HoursForm, ReleaseForm, RoomForm, SpeakerForm } from "./editor-setup";
import { MovedNotice, Warnings } from "./editor-warnings";
import "./editor.css";

// The organiser's schedule editor (issue #13, agenda item 2): the private draft in a day × room
// grid (editor-grid.tsx; in the browser its sessions can be dragged to another cell at a 5, 15 or
// 30-minute snap, editor-drag.tsx), the warnings (editor-warnings.tsx), a session's form
// (editor-session-form.tsx), the day's sessions with their move forms (editor-sessions.tsx), rooms,
// speakers, the venue's hours and "publish a release" (editor-setup.tsx). Every edit works through
// plain forms without JavaScript; the drag posts the same move form. The page only turns form text
// into the operations' input (editor-action.ts).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "programme.editor.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const url = new URL(request.url);
  const draft = await loadOr(request, () => getDraft(context.ctx, { editionId }));
  const day = Math.min(Math.max(1, Number(url.searchParams.get("day")) || 1), draft.edition.dayCount);
  const editId = url.searchParams.get("edit");
  const editing = draft.sessions.find((s) => s.id === editId) ?? null;
  // After a move (the form or a drag): the moved session's warnings.
  const movedId = url.searchParams.get("moved");
  const moved = draft.sessions.some((s) => s.id === movedId) ? { id: movedId!, warnings: draft.warnings.filter((w) => namesSession(w, movedId!)) } : null;
  return { ...draft, publicUrl: context.ctx.config.publicUrl, day, editing, moved, step: stepOf(url.searchParams.get("step")), done: url.searchParams.get("done") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  return editorAction(context.ctx, editionId, await request.formData());
}

export default function ProgrammeEditor({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section>
      <h1>{t("programme.editor.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done && !d.moved ? <Notice>{d.done.startsWith("release-") ? t("programme.editor.released", { number: d.done.slice(8) }) : t("programme.editor.saved")}</Notice> : null}
      <p className="hint">{t("programme.editor.hint")}</p>
      <p>
        <a href={`/editions/${d.edition.slug}/programme`}>{t("programme.editor.public")}</a> · <a href={`/editions/${d.edition.slug}/programme/changes`}>{t("programme.changes.title")}</a>
      </p>
      <EmbedSnippet publicUrl={d.publicUrl} slug={d.edition.slug} />
      <nav aria-label={t("programme.field.day")}>
        {Array.from({ length: d.edition.dayCount }, (_, i) => (
          <a key={i} href={`?day=${i + 1}`} aria-current={d.day === i + 1 ? "page" : undefined} data-drop-day={d.day === i + 1 ? undefined : i + 1} className="chip">
            {t("programme.day", { day: i + 1, date: editionDayDate(d.edition.startsOn, i) })}
          </a>
        ))}
      </nav>
      <h2>{t("programme.editor.warnings")}</h2>
      <Warnings d={d} />
      <MovedNotice d={d} />
      <Grid d={d} />
      <ReleaseForm d={d} />
      <SessionForm key={d.editing?.id ?? "new"} d={d} s={d.editing} />
      <h2>{t("programme.editor.sessions")}</h2>
      <SessionList d={d} />
      <RoomForm d={d} />
      <SpeakerForm />
      <HoursForm d={d} />
    </section>
  );
}

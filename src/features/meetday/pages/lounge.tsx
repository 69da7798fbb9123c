import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/lounge";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { useAutoRefresh } from "../../../web/use-auto-refresh";
import type { MessageKey } from "../../../platform/i18n/catalogue";
import { ScanForm, type OfflineKeys } from "#features/checkin/client";
import { decideMeetingScan } from "../core/meeting-scan";
import { loungeBoard, type BoardMeeting } from "../operations/board";
import { bothHere, scanAtMeeting } from "../operations/checkin";

// The lounge board for staff (issue #14, item 1): each table's current and next meeting, who of
// each side is here, who is late, who was marked no-show; under each meeting, a badge code field
// (a keyboard-wedge scanner types into it, or staff type the code) and "both here". A walk-up
// meeting (agreed during the event) is marked as such. Works without
// JavaScript; refresh to see the latest (the page is small enough to reload on a phone). With
// JavaScript the board refreshes itself every 30 seconds (not while a code is being typed), and each code field is the shared scanner (checkin/client/scan-form.tsx): camera where the
// browser has BarcodeDetector, every scan queued on the phone with a nonce and uploaded at once;
// offline, the badge and the meeting's two sides are checked on the phone (core/meeting-scan.ts),
// the server deciding again when the queue is sent.

// The scanner needs its JavaScript (camera, offline queue); the forms work without it.
export const handle = { hydrate: true };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.board.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  const day = q.get("day");
  const at = q.get("at");
  return loadOr(request, () => loungeBoard(context.ctx, { editionId, ...(day ? { day } : {}), ...(at ? { at } : {}) }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const meetingId = String(form.get("meetingId") ?? "");
  const result = await runForm(context.ctx.locale, form, () =>
    form.get("intent") === "both" ? bothHere(context.ctx, { meetingId }) : scanAtMeeting(context.ctx, { meetingId, code: String(form.get("code") ?? "") }),
  );
  if (!result.ok) return result.response;
  return { answer: result.value, meetingId };
}

function MeetingCard({ m, label, editionId, offline }: { m: BoardMeeting; label: string; editionId: string; offline: OfflineKeys }) {
  const t = useT();
  const state = (s: BoardMeeting["sides"][number]) => (s.noShow ? t("meetday.board.noShow") : s.arrived ? t("meetday.board.arrived") : s.late ? t("meetday.board.late") : t("meetday.board.waiting"));
  return (
    <div className="card" data-testid={`board-meeting-${m.id}`}>
      <p>
        <strong>{label}</strong> {m.start}–{m.end} {m.started ? `· ${t("meetday.board.started")}` : ""}
        {m.walkUp ? (
          <>
            {" "}
            <span className="badge" data-testid={`board-walkup-${m.id}`}>
              {t("meetday.board.walkUp")}
            </span>
          </>
        ) : null}
      </p>
      <ul>
        {m.sides.map((s) => (
          <li key={s.side}>
            {t(s.side === "sme" ? "meetday.board.sme" : "meetday.board.buyer")}: {s.name} — <strong>{state(s)}</strong>
          </li>
        ))}
      </ul>
      {m.started ? null : (
        <>
          <ScanForm
            testId={`meeting-${m.id}`}
            url={`/api/v1/editions/${editionId}/meeting-scans`}
            target={{ meetingId: m.id }}
            offline={offline}
            decide={(v) => {
              const d = decideMeetingScan({
                verification: v,
                // The phone knows no revocation: the server decides again on upload.
                badge: v.ok ? { state: "valid", currentSerial: v.payload.serial } : null,
                meeting: { status: "scheduled", smeNumbers: new Set(m.numbers.sme), buyerNumber: m.numbers.buyer },
                arrived: new Set(m.sides.filter((s) => s.arrived).map((s) => s.side)),
              });
              return { result: d.result === "arrived" ? "ok" : "refuse", reason: d.reason };
            }}
            reasonText={(reason) => t(`meetday.reason.${reason}` as MessageKey)}
          >
            <input type="hidden" name="meetingId" value={m.id} />
            <Field name="code" form={`scan-${m.id}`} label={t("meetday.board.code")} dir="ltr" autoComplete="off" />
            <button type="submit" name="intent" value="scan">
              {t("meetday.board.check")}
            </button>
          </ScanForm>
          <Form method="post">
            <input type="hidden" name="meetingId" value={m.id} />
            <button type="submit" name="intent" value="both">
              {t("meetday.board.bothHere")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

/** How often the board reloads itself with JavaScript: a meeting slot is 20 minutes, and arrivals
 *  checked at another table's phone show within half a minute. */
const BOARD_REFRESH_MS = 30_000;

export default function LoungePage({ loaderData: b }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = useActionData() as { answer?: { result: string; message: string } } | undefined;
  useAutoRefresh(BOARD_REFRESH_MS);
  return (
    <section className="page">
      <h1>{t("meetday.board.title")}</h1>
      <p>
        {pick(locale, b.edition.nameEn, b.edition.nameUr)} · {t("meetday.board.day", { day: b.day, date: b.date })}
        {b.now ? ` · ${t("meetday.board.now", { time: b.now })}` : ""} · <Link to={`?day=${b.day}`}>{t("meetday.board.refresh")}</Link>
      </p>
      <nav aria-label={t("meetday.board.title")}>
        {Array.from({ length: b.days }, (_, i) => i + 1).map((d) => (
          <Link key={d} to={`?day=${d}`} aria-current={d === b.day ? "page" : undefined} style={{ marginInlineEnd: "0.75rem" }}>
            {t("meetday.board.day", { day: d, date: "" }).replace(/ — $/, "")}
          </Link>
        ))}
      </nav>
      {done?.answer ? <Notice>{done.answer.message}</Notice> : null}
      <FormError failure={failure} />
      {b.tables.length === 0 ? <p>{t("meetday.board.empty")}</p> : null}
      {b.tables.map((table) => (
        <article key={table.tableNo}>
          <h2>{t("meetday.board.table", { table: table.tableNo })}</h2>
          {table.current ? <MeetingCard m={table.current} label={t("meetday.board.current")} editionId={b.edition.id} offline={b.offline} /> : <p>{t("meetday.board.current")}: {t("meetday.board.none")}</p>}
          {table.next ? <MeetingCard m={table.next} label={t("meetday.board.next")} editionId={b.edition.id} offline={b.offline} /> : null}
        </article>
      ))}
    </section>
  );
}

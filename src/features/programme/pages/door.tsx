import { Link, useActionData } from "react-router";
import type { Route } from "./+types/door";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import type { MessageKey } from "../../../platform/i18n/catalogue";
import { ScanForm } from "#features/checkin/client";
import { newScanNonce } from "#features/checkin/client";
import { editionDayDate } from "#features/editions/client";
import { decideDoorOffline, doorReasonKey } from "../engine/door-offline";
import { hhmm } from "../engine/warnings";
import { doorScan, doorView, type DoorAnswer } from "../operations/door";

// A session's door (issue #13, agenda item 5), for gate staff and organisers: a badge code field (a
// keyboard-wedge scanner types into it and presses Enter, or staff type the code), the answer in
// large type with the reason in the staff member's language, the number admitted and the last
// scans. Works without JavaScript. Each rendering carries a fresh nonce, so a form sent twice (a
// double tap, a retried request) is recorded once. With JavaScript the form is the shared scanner
// (checkin/client/scan-form.tsx): camera where the browser has BarcodeDetector, every scan queued
// on the phone with a nonce and uploaded at once; offline, the badge and the session's rule are
// checked on the phone (engine/door-offline.ts) and the queue is sent when the network is back.

// The scanner needs its JavaScript (camera, offline queue); the form works without it.
export const handle = { hydrate: true };

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: d.session.titleEn }] : [];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const id = uuidParam(params.sessionId);
  const view = await loadOr(request, () => doorView(context.ctx, { editionId, id }));
  return { ...view, nonce: newScanNonce() };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const sessionId = uuidParam(params.sessionId);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    doorScan(context.ctx, { editionId, sessionId, code: String(form.get("code") ?? ""), nonce: String(form.get("nonce") ?? "") || undefined, deviceId: "door-page" }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const, answer: result.value };
}

export default function DoorPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = useActionData() as { answer?: DoorAnswer } | undefined;
  const a = done?.answer;
  const s = d.session;
  return (
    <section className="page">
      <p className="eyebrow">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <h1>{t("programme.door.title", { session: pick(locale, s.titleEn, s.titleUr) })}</h1>
      <p>
        {t("programme.day", { day: s.day, date: editionDayDate(d.edition.startsOn, s.day - 1) })},{" "}
        <span dir="ltr">
          {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
        </span>{" "}
        · {pick(locale, d.room.nameEn, d.room.nameUr)} · {t(`programme.access.${s.access}`)}
        {s.rsvpRequired ? <> · {t("programme.field.rsvpRequired")}</> : null}
      </p>
      <p data-testid="door-admitted">
        <strong>{t("programme.door.admitted", { n: d.admitted })}</strong> · <Link to=".">{t("programme.door.recent")}</Link>
      </p>
      {a ? (
        <div className={`card door-${a.result}`} role="status" data-testid="door-answer">
          <p style={{ fontSize: "1.6rem", margin: 0 }}>
            <strong>{a.result === "admit" ? t("programme.door.admit") : t("programme.door.refuse")}</strong>
          </p>
          <p>{a.message}</p>
          {a.person ? (
            <p>
              {a.person.name} · {a.person.category} · <span dir="ltr">#{a.person.registrationNo}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      <FormError failure={failure} />
      <p className="hint">{t("programme.door.hint")}</p>
      <ScanForm
        testId="door"
        url={`/api/v1/editions/${d.edition.id}/programme/door-scans`}
        body={{ sessionId: s.id }}
        offline={d.offline}
        decide={(v) => {
          const r = decideDoorOffline(v, d.offline.facts, new Date());
          return { result: r.result === "admit" ? "ok" : "refuse", reason: r.reason };
        }}
        reasonText={(reason) => t(doorReasonKey(reason) as MessageKey)}
      >
        <input type="hidden" name="nonce" value={d.nonce} />
        <Field name="code" form="door" label={t("programme.door.code")} dir="ltr" autoComplete="off" required />
        <button type="submit" className="primary">
          {t("programme.door.check")}
        </button>
      </ScanForm>
      <h2>{t("programme.door.recent")}</h2>
      {d.recent.length === 0 ? (
        <p>{t("programme.door.none")}</p>
      ) : (
        <ul className="plain">
          {d.recent.map((r, i) => (
            <li key={i}>
              <strong>{r.result === "admit" ? t("programme.door.admit") : t("programme.door.refuse")}</strong>: {r.message}
              {r.name ? (
                <>
                  {" "}
                  · {r.name} <span dir="ltr">#{r.number}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

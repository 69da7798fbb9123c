import type { FormEvent } from "react";
import { Form } from "react-router";
import { Field, FormError, type failureOf } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { ManualLookup } from "../core/manual-entry";
import type { FindAnswer } from "../operations/lookup";

// The gate page's way in when the camera fails: find a badge by short code or name (online), or
// by short code in this phone's bundle (offline), then admit it through the same scan, marked manual.

/** The find form's answer: from the server (names), or from this phone's bundle offline (numbers only). */
export type Found = { query: string; online: FindAnswer | null; offline: Extract<ManualLookup, { ok: true }> | null; problem: string | null };

export function GateFind(props: {
  gates: { id: string; nameEn: string; nameUr: string }[];
  gateId: string;
  postedGateId: string | null;
  enhanced: boolean;
  found: Found | null;
  failure: ReturnType<typeof failureOf>;
  submitting: boolean;
  onFind: (e: FormEvent<HTMLFormElement>) => void;
  onAdmitOffline: (o: NonNullable<Found["offline"]>) => void;
  onAdmitOnline: () => void;
  categoryName: (index: number) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const { gates, gateId, postedGateId, enhanced, found, failure, submitting, onFind, onAdmitOffline, onAdmitOnline, categoryName } = props;
  return (
    <section aria-labelledby="gate-find" style={{ marginBlock: "1rem" }}>
      <h2 id="gate-find">{t("checkin.find.title")}</h2>
      <FormError failure={failure} />
      <Form method="post" onSubmit={enhanced ? onFind : undefined} noValidate>
        <input type="hidden" name="intent" value="find" />
        {enhanced ? (
          <input type="hidden" name="gateId" value={gateId} />
        ) : (
          <div className="field">
            <label htmlFor="find-gate">{t("checkin.find.gate")}</label>
            <select id="find-gate" name="gateId" defaultValue={gateId}>
              {gates.map((g) => (
                <option key={g.id} value={g.id}>
                  {pick(locale, g.nameEn, g.nameUr)}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field name="query" form="find" label={t("checkin.find.query")} hint={t("checkin.find.hint")} failure={failure} defaultValue={found?.query ?? ""} autoComplete="off" dir="auto" />
        <button type="submit">{t("checkin.find.submit")}</button>
      </Form>
      {found ? (
        <div data-testid="gate-found" style={{ marginBlockStart: "0.75rem" }}>
          {found.problem ? (
            <p className="error" role="alert">
              {found.problem}
            </p>
          ) : null}
          {found.offline ? (
            <div className="card">
              <p style={{ margin: 0 }}>{t("checkin.find.offline")}</p>
              <p style={{ margin: "0.25rem 0", fontWeight: 700 }}>
                <span dir="ltr">{found.offline.code}</span> · {t("checkin.badge.number", { number: found.offline.registrationNo })} ·{" "}
                {categoryName(found.offline.verification.payload.category)}
              </p>
              <button type="button" className="primary" onClick={() => onAdmitOffline(found.offline!)}>
                {t("checkin.find.admit", { code: found.offline.code })}
              </button>
            </div>
          ) : null}
          {found.online && found.online.found.length === 0 ? <p role="status">{t("checkin.find.none", { query: found.query })}</p> : null}
          {found.online && found.online.found.length > 0 ? (
            <>
              <p role="status">{t("checkin.find.results")}</p>
              <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "0.5rem" }}>
                {found.online.found.map((f) => (
                  <li key={f.registrationNo} className="card">
                    <p style={{ margin: 0, fontWeight: 700 }} dir="auto">
                      {f.name}
                      {f.nameUr ? (
                        <span lang="ur" dir="rtl" style={{ marginInlineStart: "0.5rem", fontWeight: 400 }}>
                          {f.nameUr}
                        </span>
                      ) : null}
                    </p>
                    <p style={{ margin: "0.25rem 0" }}>
                      {f.category} · {t(`registration.status.${f.status}`)} · {t(`checkin.find.badge.${f.badge}`)}
                    </p>
                    <p style={{ margin: "0.25rem 0" }} dir="ltr">
                      {f.shortCode}
                    </p>
                    {f.badge !== "none" ? (
                      <Form method="post" onSubmit={onAdmitOnline}>
                        <input type="hidden" name="intent" value="admit" />
                        <input type="hidden" name="gateId" value={enhanced ? gateId : (postedGateId ?? gateId)} />
                        <input type="hidden" name="registrationNo" value={f.registrationNo} />
                        <input type="hidden" name="via" value={found.online!.via} />
                        <button type="submit" className="primary" disabled={submitting}>
                          {t("checkin.find.admit", { code: f.shortCode })}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

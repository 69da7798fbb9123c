import { formatDay } from "../../../platform/i18n/format";
import { hasMessage } from "../../../platform/i18n/translate";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { EnterpriseRecord, RecordAnswer } from "../operations/record";

// One enterprise's record across editions (issue #15, item 4), the same for the organiser's page
// and the enterprise's own: per edition, its application and selection, its stall, each baseline
// round with its scores and (folded, readable without script) its answers, and its B2B meetings
// with their outcomes and follow-up dates.

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

function useAnswerText() {
  const t = useT();
  const locale = useLocale();
  return (a: RecordAnswer): string => {
    const one = (v: unknown): string => {
      if (typeof v === "boolean") return t(v ? "baseline.yes" : "baseline.no");
      const o = a.options.find((x) => x.value === v);
      return o ? pick(locale, o.en, o.ur) : String(v);
    };
    return Array.isArray(a.value) ? a.value.map(one).join(locale === "ur" ? "، " : ", ") : one(a.value);
  };
}

export function RecordView({ r }: { r: EnterpriseRecord }) {
  const t = useT();
  const locale = useLocale();
  const answerText = useAnswerText();
  const label = (key: string, fallback: string) => (hasMessage(key) ? t(key) : fallback);
  const comma = locale === "ur" ? "، " : ", ";
  return (
    <>
      <h1>
        {t("baseline.record.title")}: {pick(locale, r.enterprise.nameEn, r.enterprise.nameUr ?? r.enterprise.nameEn)}
      </h1>
      <p className="muted">{t(r.viewer === "organiser" ? "baseline.record.introOrganiser" : "baseline.record.introOwn")}</p>
      {r.editions.length === 0 ? <p>{t("baseline.record.none")}</p> : null}
      {r.editions.map((e) => (
        <section key={e.edition.id} aria-labelledby={`rec-${e.edition.id}`} data-testid="record-edition" data-edition={e.edition.slug}>
          <h2 id={`rec-${e.edition.id}`}>{pick(locale, e.edition.nameEn, e.edition.nameUr)}</h2>
          <dl className="record-facts">
            <dt>{t("baseline.record.application")}</dt>
            <dd>{e.application ? t(`baseline.record.app.${e.application.status}`) : t("baseline.record.noApplication")}</dd>
            <dt>{t("baseline.record.selection")}</dt>
            <dd data-testid="record-decision">
              {e.decision
                ? `${t(`baseline.record.decision.${e.decision.status}`)} · ${t("baseline.record.rank", { rank: e.decision.rankInCluster, of: e.decision.clusterApplicants })}`
                : e.application
                  ? t("baseline.record.decisionPending")
                  : "—"}
            </dd>
            <dt>{t("baseline.record.stall")}</dt>
            <dd>{e.stalls.length ? e.stalls.map((s) => `${s.number}${comma}${pick(locale, s.hallEn, s.hallUr)}`).join(locale === "ur" ? "؛ " : "; ") : t("baseline.record.noStall")}</dd>
          </dl>
          <h3>{t("baseline.record.baseline")}</h3>
          {e.baseline.length === 0 ? <p>{t("baseline.record.notAnswered")}</p> : null}
          {e.baseline.map((b) => (
            <div key={b.round} data-testid="record-round" data-round={b.round}>
              <h4>{t(`baseline.round.${b.round}`)}</h4>
              <p>{b.submittedAt ? t("baseline.record.submittedOn", { date: formatDay(b.submittedAt.slice(0, 10), locale) }) : t("baseline.record.draft")}</p>
              {b.scores ? (
                <ul>
                  {(["export", "investment"] as const).map((k) => (
                    <li key={k} data-score={k}>
                      {t(`baseline.score.${k}`)}: {t("baseline.record.scoreLine", { score: b.scores![k].score, band: t(`baseline.band.${b.scores![k].band}`) })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <details>
                <summary>{t("baseline.record.answers", { n: b.answers.length })}</summary>
                <dl className="record-answers">
                  {b.answers.map((a) => (
                    <div key={a.code}>
                      <dt>{pick(locale, a.labelEn, a.labelUr)}</dt>
                      <dd>{answerText(a)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </div>
          ))}
          <h3>{t("baseline.record.meetings")}</h3>
          {e.meetings.length === 0 ? <p>{t("baseline.record.noMeetings")}</p> : null}
          <ul>
            {e.meetings.map((m) => (
              <li key={m.id} data-testid="record-meeting">
                {t("baseline.record.meetingLine", { day: m.day, time: hhmm(m.startMinute) })}
                {m.buyer ? ` ${t("baseline.record.with", { buyer: m.buyer })}` : ""}
                {m.status === "cancelled" ? ` (${t("baseline.record.cancelled")})` : ""}
                {m.outcomes.length || m.followUps.length ? (
                  <ul>
                    {m.outcomes.map((o, k) => (
                      <li key={k} data-side={o.side}>
                        {t(`baseline.record.side.${o.side}`)} · {t(`meetday.outcome.stage.${o.stage}`)}:{" "}
                        {!o.happened ? t("baseline.record.notHeld") : o.kind ? label(`meetday.kind.${o.kind}`, label(`meetday.since.${o.kind}`, o.kind)) : "—"}
                        {o.valueAmount !== null ? ` · ${o.valueAmount.toLocaleString("en")} ${o.currency ?? ""}` : ""}
                        {o.timeline ? ` · ${label(`meetday.timeline.${o.timeline}`, o.timeline)}` : ""}
                      </li>
                    ))}
                    {m.followUps
                      .filter((f) => f.stage !== "meeting")
                      .map((f, k) => (
                        <li key={`f${k}`}>
                          {t("baseline.record.followUpDue", { stage: t(`meetday.outcome.stage.${f.stage}`), date: formatDay(f.dueAt.slice(0, 10), locale) })}:{" "}
                          {t(f.answered ? "baseline.record.answered" : "baseline.record.waiting")}
                          {r.viewer === "organiser" ? ` (${t(`baseline.record.for.${f.side}`)})` : ""}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

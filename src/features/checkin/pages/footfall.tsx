import { useEffect, useState } from "react";
import type { Route } from "./+types/footfall";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { footfall, type Footfall } from "../operations/footfall";
import { editionFor } from "#features/editions";
import { uuidParam } from "../../../web/params";
import { SessionAttendanceTable } from "./footfall-sessions";

// Live footfall for organisers. The server renders the figures (useful without JavaScript: reload
// for fresh ones); with JavaScript an EventSource on /api/v1/editions/:id/footfall/stream replaces
// them every few seconds without a reload.

// Live figures from the footfall stream (EventSource): the page needs its JavaScript.
export const handle = { hydrate: true };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.footfall.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, async () => {
    const figures = await footfall(context.ctx, { editionId: params.editionId });
    // The clock in the header is the venue's, like the hourly rows (not the browser's zone).
    const { timezone } = await editionFor(context.ctx.db, context.ctx.actor, params.editionId, "checkin.manage");
    return { figures, timezone };
  });
}

/** A bar for a count; none at all for zero (a sliver would read as "some"). */
function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <span style={{ display: "flex", alignItems: "center", gap: "0.4rem" }}>
      {value > 0 && max > 0 ? (
        <span aria-hidden="true" data-bar style={{ display: "inline-block", blockSize: "0.8rem", inlineSize: `${Math.max(0.25, (value / max) * 10)}rem`, background: "#0b5d2a", borderRadius: 2 }} />
      ) : null}
      <span>{label}</span>
    </span>
  );
}

/** "17:36:01 (Pakistan Standard Time)": the time at the venue, 24-hour, the zone named in the reader's language. */
function venueClock(at: string, timezone: string, locale: string) {
  const tag = locale === "ur" ? "ur-PK" : "en-GB";
  const date = new Date(at);
  const time = new Intl.DateTimeFormat(tag, { timeZone: timezone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
  const zone = new Intl.DateTimeFormat(tag, { timeZone: timezone, timeZoneName: "long" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timezone;
  return { time, zone };
}

export default function FootfallPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [f, setF] = useState<Footfall>(loaderData.figures);
  const clock = venueClock(f.generatedAt, loaderData.timezone, locale);
  const [live, setLive] = useState(false);
  const n = (v: number) => v.toLocaleString(locale === "ur" ? "ur-PK" : "en-GB");

  useEffect(() => {
    const source = new EventSource(`/api/v1/editions/${params.editionId}/footfall/stream`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = (e) => {
      try {
        setF(JSON.parse(e.data as string) as Footfall);
      } catch {
        /* a broken message waits for the next one */
      }
    };
    return () => source.close();
  }, [params.editionId]);

  const maxHour = Math.max(0, ...f.byHour.map((h) => h.entries));
  const maxGate = Math.max(0, ...f.byGate.map((g) => g.entries));
  // All days by hour: one row per hour, its total (with a bar) and a column per day that had entries.
  const days = [...new Set(f.byDayHour.map((h) => h.day))].sort((a, b) => a - b);
  const hours = [...new Set(f.byDayHour.map((h) => h.hour))].sort((a, b) => a - b);
  const cell = (day: number, hour: number) => f.byDayHour.find((h) => h.day === day && h.hour === hour)?.entries ?? 0;
  const hourTotal = (hour: number) => f.byDayHour.filter((h) => h.hour === hour).reduce((s, h) => s + h.entries, 0);
  const maxHourAll = Math.max(0, ...hours.map(hourTotal));
  const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
  return (
    <section>
      <h1>{t("checkin.footfall.title")}</h1>
      <p className="hint" aria-live="polite">
        {live ? `${t("checkin.footfall.live")} · ` : null}
        <span data-testid="footfall-clock">{t("checkin.footfall.at", { time: clock.time, timezone: clock.zone })}</span>
      </p>
      {f.rehearsal ? (
        <p className="alert alert-ok" role="status" data-testid="footfall-rehearsal">
          {t("checkin.footfall.rehearsal")}
        </p>
      ) : null}
      {/* A wrapping row of figures: no list bullets (they would sit on the previous figure). */}
      <ul className="stats" data-testid="footfall-totals" style={{ listStyle: "none", paddingInlineStart: 0 }}>
        <li>
          {t("checkin.footfall.entries")}: <span data-testid="footfall-entries">{n(f.totals.entries)}</span>
        </li>
        <li>
          {t("checkin.footfall.unique")}: {n(f.totals.unique)}
        </li>
        <li>
          {t("checkin.footfall.refused")}: {n(f.totals.refused)}
        </li>
      </ul>

      <h2>{t("checkin.footfall.byDay")}</h2>
      {/* Focusable so keyboard users can scroll a wide table at 360 px. */}
      <div className="table-scroll" role="region" aria-label={t("checkin.footfall.byDay")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("checkin.badge.days")}</th>
              <th scope="col">{t("checkin.footfall.entries")}</th>
              <th scope="col">{t("checkin.footfall.unique")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byDay.map((d) => (
              <tr key={d.day}>
                <td>{t("checkin.footfall.day", { n: d.day + 1 })}</td>
                <td>{n(d.entries)}</td>
                <td>{n(d.unique)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("checkin.footfall.byHour")}</h2>
      {f.byHour.length === 0 ? (
        <p data-testid="footfall-none-today">{t("checkin.footfall.noneToday")}</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0 }}>
          {f.byHour.map((h) => (
            <li key={h.hour} style={{ display: "flex", gap: "0.5rem" }}>
              <span dir="ltr" style={{ inlineSize: "3rem" }}>{hh(h.hour)}</span>
              <Bar value={h.entries} max={maxHour} label={n(h.entries)} />
            </li>
          ))}
        </ul>
      )}

      {hours.length > 0 ? (
        <>
          <h2>{t("checkin.footfall.byHourAll")}</h2>
          {/* Focusable so keyboard users can scroll a wide table at 360 px. */}
          <div className="table-scroll" role="region" aria-label={t("checkin.footfall.byHourAll")} tabIndex={0} data-testid="footfall-by-hour-all">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("checkin.footfall.hour")}</th>
                  <th scope="col">{t("checkin.footfall.total")}</th>
                  {days.map((d) => (
                    <th scope="col" key={d}>
                      {t("checkin.footfall.day", { n: d + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {hours.map((hour) => (
                  <tr key={hour}>
                    <th scope="row" dir="ltr">
                      {hh(hour)}
                    </th>
                    <td>
                      <Bar value={hourTotal(hour)} max={maxHourAll} label={n(hourTotal(hour))} />
                    </td>
                    {days.map((d) => (
                      <td key={d}>{n(cell(d, hour))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>{t("checkin.footfall.byGate")}</h2>
      {/* Focusable so keyboard users can scroll a wide table at 360 px. */}
      <div className="table-scroll" role="region" aria-label={t("checkin.footfall.byGate")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("checkin.gate.chooseGate")}</th>
              <th scope="col">{t("checkin.footfall.entries")}</th>
              <th scope="col">{t("checkin.footfall.refused")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byGate.map((g) => (
              <tr key={g.gateId}>
                <td>{pick(locale, g.nameEn, g.nameUr)}</td>
                <td>
                  <Bar value={g.entries} max={maxGate} label={n(g.entries)} />
                </td>
                <td>{n(g.refused)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("checkin.footfall.byCategory")}</h2>
      {/* Focusable so keyboard users can scroll a wide table at 360 px. */}
      <div className="table-scroll" role="region" aria-label={t("checkin.footfall.byCategory")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("checkin.footfall.category")}</th>
              <th scope="col">{t("checkin.footfall.entries")}</th>
              <th scope="col">{t("checkin.footfall.unique")}</th>
            </tr>
          </thead>
          <tbody>
            {f.byCategory.map((c) => (
              <tr key={c.nameEn}>
                <td>{pick(locale, c.nameEn, c.nameUr)}</td>
                <td>{n(c.entries)}</td>
                <td>{n(c.unique)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <SessionAttendanceTable sessions={f.bySession ?? []} />

      <h2>{t("checkin.footfall.flags")}</h2>
      {f.flags.length === 0 ? (
        <p>{t("checkin.footfall.noFlags")}</p>
      ) : (
        <ul data-testid="footfall-flags">
          {f.flags.map((x) => (
            <li key={`${x.registrationNo}-${x.firstAt}-${x.secondGate}`}>
              {t("checkin.badge.number", { number: x.registrationNo })}: <span dir="ltr">{x.firstGate} → {x.secondGate}</span> ·{" "}
              {t("checkin.footfall.gap", { minutes: Math.round(x.gapMs / 60_000) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

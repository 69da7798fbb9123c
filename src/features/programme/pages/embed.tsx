import { renderToStaticMarkup } from "react-dom/server";
import type { Route } from "./+types/embed";
import { loadOr } from "../../../web/actions";
import { translate } from "../../../platform/i18n/translate";
import { editionDayDate } from "#features/editions/client";
import type { SessionSnapshot } from "../engine/changes";
import { hhmm } from "../engine/warnings";
import { publicAgenda } from "../operations/public";
import { agendaPath } from "./parts";

// /editions/:slug/programme/embed — the released agenda as a light, self-contained HTML page for an
// <iframe> on the organiser's own website (issue #13, agenda item 3): no JavaScript, no site chrome,
// its own small stylesheet, links that open the full session page in a new tab. ?lang=ur for Urdu
// (right to left). The only page other sites may frame (platform/http/security.ts, `framable`).

const STYLE = `
body{margin:0;padding:.75rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
[lang=ur] body,html[lang=ur]{font-family:"Noto Nastaliq Urdu","Jameel Noori Nastaleeq",system-ui,sans-serif;line-height:1.9}
h1{font-size:1.1rem;margin:0 0 .5rem}h2{font-size:1rem;margin:1rem 0 .25rem;border-bottom:1px solid #d0d7de}
ol{list-style:none;margin:0;padding:0}li{padding:.35rem 0;border-bottom:1px solid #eef1f4}
.when{color:#57606a;font-size:.9rem}.who{color:#3d444d;font-size:.9rem;margin:0}
a{color:#0b5cad}p{margin:.1rem 0}footer{margin-top:.75rem;font-size:.85rem}
`;

function Session({ s, href, ur }: { s: SessionSnapshot; href: string; ur: boolean }) {
  const title = ur ? s.titleUr : s.titleEn;
  return (
    <li>
      <p className="when">
        <span dir="ltr">
          {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
        </span>{" "}
        · {ur ? s.roomUr : s.roomEn}
      </p>
      <p>
        {s.kind === "break" ? title : (
          <a href={href} target="_blank" rel="noopener">
            <strong>{title}</strong>
          </a>
        )}
      </p>
      {s.speakers.length ? <p className="who">{s.speakers.map((p) => (ur && p.nameUr ? p.nameUr : p.name)).join(ur ? "، " : ", ")}</p> : null}
    </li>
  );
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const lang = new URL(request.url).searchParams.get("lang") === "ur" ? "ur" : "en";
  const d = await loadOr(request, () => publicAgenda(context.ctx, { slug: params.slug }));
  const ur = lang === "ur";
  const t = (key: string, p?: Record<string, string | number>) => translate(lang, key, p);
  const base = `${context.ctx.config.publicUrl}${agendaPath(d.edition.slug)}`;
  const q = ur ? "?lang=ur" : "";
  const days = [...new Set(d.sessions.map((s) => s.day))];
  const body = renderToStaticMarkup(
    <html lang={lang} dir={ur ? "rtl" : "ltr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {/* No icon: a framed page needs none, and the browser would fetch /favicon.ico for it. */}
        <link rel="icon" href="data:," />
        <title>{`${t("programme.agenda.title")}: ${ur ? d.edition.nameUr : d.edition.nameEn}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{ur ? d.edition.nameUr : d.edition.nameEn}</h1>
        {days.length === 0 ? <p>{t("programme.agenda.none")}</p> : null}
        {days.map((day) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{t("programme.day", { day, date: editionDayDate(d.edition.startsOn, day - 1) })}</h2>
            <ol>
              {d.sessions.filter((s) => s.day === day).map((s) => <Session key={s.id} s={s} ur={ur} href={`${base}/sessions/${s.id}${q}`} />)}
            </ol>
          </section>
        ))}
        <footer>
          <a href={`${base}${q}`} target="_blank" rel="noopener">
            {t("programme.embed.full")}
          </a>
        </footer>
      </body>
    </html>,
  );
  return new Response(`<!doctype html>${body}`, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" } });
}

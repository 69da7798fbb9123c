// One weight of the Urdu font, subset to the characters Urdu uses (114 KB, not 160 KB); bold Urdu
// is synthesised by the browser rather than sent as a second file to every Urdu page (slow phone
// networks; docs/benchmarks.md, page weight; docs/decisions/0006-html-first-pages.md).
import "./styles/urdu-font.css";
import "./styles/app.css";
import "./messages";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { dirOf, type Locale } from "./platform/i18n/locales";
import { translator } from "./platform/i18n/translate";
import { can } from "./platform/permissions/policy";
import { headerRoleLinks } from "./features/accounts/pages/role-links";
import type { RootData } from "./web/i18n";

export async function loader({ context }: Route.LoaderArgs): Promise<RootData> {
  const { actor, locale } = context.ctx;
  return {
    locale,
    user: actor.kind === "user" ? { name: actor.name, email: actor.email } : null,
    canBackOffice: can(actor, "backoffice.enter"),
    roleLinks: headerRoleLinks(actor),
    nonce: context.nonce,
  };
}

// Pages set their own title; this one names error pages (404 included) in the reader's language.
export function meta({ error, data }: Route.MetaArgs) {
  const t = translator((data as RootData | undefined)?.locale ?? "en");
  if (!error) return [{ title: t("app.name") }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: `${t(notFound ? "notFound.title" : "errorPage.title")} · ${t("app.name")}` }];
}

export function links() {
  return [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];
}

function Header({ data }: { data: RootData }) {
  const t = translator(data.locale);
  const location = useLocation();
  const other: Locale = data.locale === "ur" ? "en" : "ur";
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t("app.skipToContent")}
      </a>
      <Link to="/" className="brand">
        {t("app.name")}
      </Link>
      <nav aria-label={t("nav.main")}>
        <ul>
          {data.canBackOffice ? (
            <li>
              <Link to="/back-office">{t("nav.backOffice")}</Link>
            </li>
          ) : null}
          {(data.roleLinks ?? []).map((l) => (
            <li key={l.to}>
              <Link to={l.to}>{t(l.label)}</Link>
            </li>
          ))}
          {data.user ? (
            <>
              <li>
                <Link to="/account">{t("nav.account")}</Link>
              </li>
              <li>
                <form method="post" action="/sign-out">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </form>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link to="/sign-in">{t("nav.signIn")}</Link>
              </li>
              <li>
                <Link to="/sign-up">{t("nav.signUp")}</Link>
              </li>
            </>
          )}
          <li>
            <a
              href={`/lang/${other}?next=${next}`}
              lang={other}
              hrefLang={other}
              className="lang-switch"
              aria-label={t("lang.switchLabel")}
            >
              {t("lang.switchTo")}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

/**
 * Whether this page ships JavaScript. Every form works without it, so pages are HTML and CSS by
 * default (React and React Router alone are ~95 KB brotli: the English page budget). A route with
 * real client behaviour (camera, live stream, copy button, back-office widgets) says so with
 * `export const handle = { hydrate: true }`; then the page hydrates as before
 * (docs/decisions/0006-html-first-pages.md).
 */
function useHydrate(): boolean {
  return useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = (useRouteLoaderData("root") as RootData | undefined) ?? { locale: "en", user: null, canBackOffice: false };
  const nonce = data.nonce;
  const hydrate = useHydrate();
  return (
    <html lang={data.locale} dir={dirOf(data.locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header data={data} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {translator(data.locale)("app.name")} · <a href="/api/v1/docs">{translator(data.locale)("nav.apiDocs")}</a>
          </p>
        </footer>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const t = translator(data?.locale ?? "en");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <section className="page narrow">
      <h1>{notFound ? t("notFound.title") : t("errorPage.title")}</h1>
      <p>{notFound ? t("notFound.body") : forbidden ? t("error.forbidden") : t("errorPage.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}

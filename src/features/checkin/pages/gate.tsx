import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/gate";
import { loadOr, runForm } from "../../../web/actions";
import { failureOf, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { CameraScan } from "../client/camera-scan";
import { decideOffline, decideOfflineManual, deviceId, fetchBundle, findOffline, loadBundle, queueSize, rememberAdmission, saveBundle, uploadQueue } from "../client/gate-offline";
import type { ManualLookup } from "../core/manual-entry";
import { scanDay } from "../core/gate-bundle";
import { gateSetup } from "../operations/gate-setup";
import { admitFound, findBadges } from "../operations/lookup";
import { recordScan, type ScanAnswer } from "../operations/scan";
import { GateFind, type Found } from "./gate-find";
import { EDITION_MAX_DAYS, editionDayDate } from "#features/editions/client";
import { oneOf, text } from "../../../web/form-fields";

// The scanner page for gate staff on a phone. Without JavaScript it is a plain form (a hardware
// scanner types the digits and Enter submits; the server answers). With JavaScript it scans with
// the camera, asks the API, and when the network is gone decides on the phone with the synced
// gate bundle (WebCrypto Ed25519 + core/decide.ts), queues each scan with its nonce in IndexedDB
// and uploads the queue when the network returns. A service worker keeps the page openable offline.

// Scans with the camera and works offline (client/): the page needs its JavaScript.
export const handle = { hydrate: true };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.gate.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return loadOr(request, () => gateSetup(context.ctx, url.searchParams.get("edition")));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  // When the camera fails: find by short code or name, then admit through the same scan, marked manual.
  if (intent === "find") {
    const found = await runForm(context.ctx.locale, form, () => findBadges(context.ctx, { gateId: text(form, "gateId"), query: String(form.get("query") ?? "") }));
    if (!found.ok) return found.response;
    return { find: { ...found.value, query: String(form.get("query") ?? "").trim() }, gateId: String(form.get("gateId")) };
  }
  if (intent === "admit") {
    const admitted = await runForm(context.ctx.locale, form, () =>
      admitFound(context.ctx, { gateId: text(form, "gateId"), registrationNo: String(form.get("registrationNo") ?? ""), via: oneOf(form, "via", ["code", "name"]) }),
    );
    if (!admitted.ok) return admitted.response;
    return { answer: admitted.value, gateId: String(form.get("gateId")), manual: true };
  }
  const result = await runForm(context.ctx.locale, form, () =>
    recordScan(context.ctx, { gateId: text(form, "gateId"), code: String(form.get("code") ?? ""), deviceId: "web-form" }),
  );
  if (!result.ok) return result.response;
  return { answer: result.value, gateId: String(form.get("gateId")) };
}

const noSubscribe = () => () => {};

/** What an offline result can say about the person: only what the badge itself carries. */
type Carried = { registrationNo: number; category: number; days: number };
type Shown = { result: "admit" | "refuse"; message: string; person: ScanAnswer["person"]; offline: boolean; carried?: Carried; manual?: boolean };

/** The edition days a badge's day mask grants, as dates at the venue. */
function carriedDays(mask: number, startsOn: string, locale: string): string {
  const fmt = new Intl.DateTimeFormat(locale === "ur" ? "ur-PK" : "en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  const out: string[] = [];
  for (let i = 0; i < EDITION_MAX_DAYS; i++) if (mask & (1 << i)) out.push(fmt.format(new Date(`${editionDayDate(startsOn, i)}T00:00:00Z`)));
  return out.join(locale === "ur" ? "، " : ", ");
}

export default function Gate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const navigation = useNavigation();
  const { edition, gates, categories } = loaderData;
  const posted = actionData && "answer" in actionData && actionData.answer ? { answer: actionData.answer, gateId: String(actionData.gateId), manual: "manual" in actionData && !!actionData.manual } : null;
  const postedFind = actionData && "find" in actionData && actionData.find ? { find: actionData.find, gateId: String(actionData.gateId) } : null;
  const [gateId, setGateId] = useState(posted?.gateId ?? postedFind?.gateId ?? gates[0]?.id ?? "");
  const [offlineFound, setOfflineFound] = useState<Found | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [online, setOnline] = useState(true);
  const [queued, setQueued] = useState(0);
  const [syncedAt, setSyncedAt] = useState(loaderData.bundle.generatedAt);
  // True once hydrated (false in the server's HTML): the form then stays a plain POST without JS.
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  const refreshQueue = useCallback(() => queueSize().then(setQueued, () => undefined), []);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    try {
      if ((await queueSize()) > 0) await uploadQueue();
      const b = await fetchBundle(edition.id);
      if (b) setSyncedAt(b.generatedAt);
    } catch {
      /* retried on the next tick or when the network returns */
    }
    await refreshQueue();
  }, [edition.id, refreshQueue]);

  useEffect(() => {
    // State from the browser (storage, network) is read after the first paint, like any external source.
    queueMicrotask(() => {
      const stored = loadBundle(edition.id);
      // The page may come from the service worker's cache: keep whichever bundle is newer.
      if (!stored || stored.generatedAt < loaderData.bundle.generatedAt) saveBundle(edition.id, loaderData.bundle);
      else setSyncedAt(stored.generatedAt);
      const saved = localStorage.getItem("numaish.gate.selected");
      if (!posted && saved && gates.some((g) => g.id === saved)) setGateId(saved);
      setOnline(navigator.onLine);
    });
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    const timer = setInterval(() => void sync(), 15_000);
    void refreshQueue();
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker
        .register("/gate-sw.js", { scope: "/" })
        .then(async () => {
          const reg = await navigator.serviceWorker.ready;
          // Hand the worker the assets this page loaded, so a reload offline finds them all.
          const urls = performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/assets/"));
          reg.active?.postMessage({ type: "cache", urls });
        })
        .catch(() => undefined);
    }
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new answer from the server (a find, or an admission from it) replaces what the phone showed.
  useEffect(() => {
    if (!actionData) return;
    const person = posted?.answer.result === "admit" ? posted.answer.person : null;
    const bundle = person ? loadBundle(edition.id) : null;
    if (person && bundle) {
      const day = scanDay(new Date(), bundle);
      const zone = bundle.gates.find((g) => g.id === posted!.gateId)?.zone ?? null;
      rememberAdmission(person.registrationNo, day.dayIndex, zone, day.rehearsal ? (bundle.rehearsal?.onDate ?? null) : null);
    }
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionData]);

  /** Offline, the find form looks the code up in this phone's bundle (names need the network). */
  const onFind = (e: FormEvent<HTMLFormElement>) => {
    setShown(null);
    setOfflineFound(null);
    if (navigator.onLine) return;
    e.preventDefault();
    setOnline(false);
    const query = String(new FormData(e.currentTarget).get("query") ?? "").trim();
    const bundle = loadBundle(edition.id);
    const found = bundle ? findOffline(bundle, query) : null;
    let problem: string | null = null;
    if (!bundle || !found) problem = t("checkin.gate.noBundle");
    else if (!found.ok)
      problem =
        found.reason === "not_code"
          ? t("checkin.find.offlineNames")
          : found.reason === "bad_check"
            ? t("error.short_code_check_failed")
            : found.reason === "other_edition"
              ? t("error.short_code_other_edition", { year: query.trim().slice(0, 4) })
              : t("checkin.find.offlineUnknown", { at: new Date(bundle.generatedAt).toLocaleTimeString(locale === "ur" ? "ur-PK" : "en-GB") });
    setShown(null);
    setOfflineFound({ query, online: null, offline: found?.ok ? found : null, problem });
  };

  const admitOffline = async (found: Extract<ManualLookup, { ok: true }>) => {
    const bundle = loadBundle(edition.id);
    if (!bundle) return;
    const d = await decideOfflineManual(edition.id, bundle, gateId, found);
    const carried = d.badge ? { registrationNo: d.badge.registrationNo, category: d.badge.category, days: d.badge.days } : undefined;
    setOfflineFound(null);
    setShown({ result: d.result, message: t(`checkin.reason.${d.reason}`), person: null, offline: true, manual: true, ...(carried ? { carried } : {}) });
    await refreshQueue();
  };

  const check = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code || busy.current) return;
      busy.current = true;
      try {
        let answer: Shown | null = null;
        if (navigator.onLine) {
          try {
            const res = await fetch(`/api/v1/gates/${gateId}/scans`, {
              method: "POST",
              headers: { "content-type": "application/json", accept: "application/json" },
              body: JSON.stringify({ code, deviceId: deviceId() }),
            });
            if (res.status < 500) {
              const body = (await res.json()) as ScanAnswer & { error?: { message: string } };
              if (res.ok) {
                answer = { result: body.result, message: body.message, person: body.person, offline: false };
                const bundle = loadBundle(edition.id);
                const zone = bundle?.gates.find((g) => g.id === gateId)?.zone ?? null;
                if (body.result === "admit" && body.person && bundle) {
                  const day = scanDay(new Date(), bundle);
                  rememberAdmission(body.person.registrationNo, day.dayIndex, zone, day.rehearsal ? (bundle.rehearsal?.onDate ?? null) : null);
                }
              } else {
                answer = { result: "refuse", message: body.error?.message ?? String(res.status), person: null, offline: false };
              }
            }
          } catch {
            /* network gone mid-request: decide offline below */
          }
        }
        if (!answer) {
          setOnline(false);
          const bundle = loadBundle(edition.id);
          if (!bundle) {
            answer = { result: "refuse", message: t("checkin.gate.noBundle"), person: null, offline: true };
          } else {
            try {
              const d = await decideOffline(edition.id, bundle, gateId, code);
              const carried = d.badge ? { registrationNo: d.badge.registrationNo, category: d.badge.category, days: d.badge.days } : undefined;
              answer = { result: d.result, message: t(`checkin.reason.${d.reason}`), person: null, offline: true, ...(carried ? { carried } : {}) };
            } catch {
              answer = { result: "refuse", message: t("checkin.gate.unsupported"), person: null, offline: true };
            }
            await refreshQueue();
          }
        }
        setShown(answer);
      } finally {
        busy.current = false;
      }
    },
    [edition.id, gateId, refreshQueue, t],
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = input.current!;
    void check(field.value).then(() => {
      field.value = "";
      field.focus();
    });
  };

  const result: Shown | null = shown ?? (posted ? { ...posted.answer, offline: false, manual: posted.manual } : null);
  const findFailure = failureOf(failure, "find");
  const found: Found | null = offlineFound ?? (postedFind ? { query: postedFind.find.query, online: postedFind.find, offline: null, problem: null } : null);
  const bundleStart = loaderData.bundle.startsOn;
  // Today as the gate decides it: a door rehearsal, a show day, or a day every badge is refused.
  const today = scanDay(new Date(), loaderData.bundle);
  const notShowDay = !today.rehearsal && (today.dayIndex < 0 || today.dayIndex >= loaderData.bundle.days);
  const categoryName = (index: number) => {
    const c = categories.find((x) => x.index === index);
    return c ? pick(locale, c.nameEn, c.nameUr) : t("checkin.gate.category", { index });
  };
  if (gates.length === 0) return <section className="page narrow"><h1>{t("checkin.gate.title")}</h1><p>{t("checkin.gate.noGates")}</p></section>;
  return (
    <section className="page narrow">
      <h1>{t("checkin.gate.title")}</h1>
      <p className="muted" style={{ margin: 0 }}>
        {pick(locale, edition.nameEn, edition.nameUr)}
      </p>
      {today.rehearsal ? (
        <p className="alert alert-ok" role="status" data-testid="gate-rehearsal">
          {t("checkin.rehearsal.active", { date: loaderData.bundle.rehearsal!.onDate, day: today.dayIndex + 1 })}
        </p>
      ) : notShowDay ? (
        <p className="hint" data-testid="gate-not-today">
          {t("checkin.rehearsal.notToday")}
        </p>
      ) : null}
      <p style={{ margin: "0.25rem 0", fontWeight: 600 }} data-testid="gate-status">
        {online ? t("checkin.gate.online") : t("checkin.gate.offline")} · <span data-testid="gate-queue">{t("checkin.gate.queue", { count: queued })}</span>
      </p>
      <p className="hint">{t("checkin.gate.synced", { at: new Date(syncedAt).toLocaleTimeString(locale === "ur" ? "ur-PK" : "en-GB") })}</p>
      <FormError failure={findFailure ? undefined : failure} />
      <Form method="post" onSubmit={enhanced ? onSubmit : undefined} noValidate>
        <div className="field">
          <label htmlFor="gate-gate">{t("checkin.gate.chooseGate")}</label>
          <select
            id="gate-gate"
            name="gateId"
            value={gateId}
            onChange={(e) => {
              setGateId(e.target.value);
              localStorage.setItem("numaish.gate.selected", e.target.value);
            }}
          >
            {gates.map((g) => (
              <option key={g.id} value={g.id}>
                {pick(locale, g.nameEn, g.nameUr)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gate-code">{t("checkin.gate.code")}</label>
          <input id="gate-code" ref={input} name="code" autoComplete="off" autoCapitalize="off" spellCheck={false} inputMode="numeric" dir="ltr" autoFocus />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("checkin.gate.check")}
        </button>
      </Form>
      <div
        role="status"
        aria-live="assertive"
        data-testid="gate-result"
        data-result={result?.result ?? ""}
        style={
          result
            ? { marginBlock: "1rem", padding: "1.25rem 1rem", borderRadius: 8, color: "#fff", background: result.result === "admit" ? "#1b6b34" : "#a4161a", textAlign: "center" }
            : { minBlockSize: "1px" }
        }
      >
        {result ? (
          <>
            <p style={{ margin: 0, fontSize: "2.25rem", fontWeight: 800 }}>{t(`checkin.result.${result.result}`)}</p>
            <p style={{ margin: "0.25rem 0 0", fontSize: "1.2rem" }}>{result.message}</p>
            {result.person ? (
              <p style={{ margin: "0.25rem 0 0" }} dir="auto">
                {result.person.name} · {result.person.category} · {t("checkin.badge.number", { number: result.person.registrationNo })}
              </p>
            ) : null}
            {result.manual ? <p style={{ margin: "0.25rem 0 0", fontSize: "0.85rem" }}>{t("checkin.gate.manual")}</p> : null}
            {result.carried ? (
              <>
                <p style={{ margin: "0.25rem 0 0", fontSize: "1.1rem" }} data-testid="gate-carried">
                  {t("checkin.badge.number", { number: result.carried.registrationNo })} · {categoryName(result.carried.category)} ·{" "}
                  {carriedDays(result.carried.days, bundleStart, locale)}
                </p>
                <p style={{ margin: "0.25rem 0 0", fontSize: "0.85rem" }}>{t("checkin.gate.fromBadge")}</p>
              </>
            ) : null}
          </>
        ) : null}
      </div>
      <GateFind
        gates={gates}
        gateId={gateId}
        postedGateId={postedFind?.gateId ?? null}
        enhanced={enhanced}
        found={found}
        failure={findFailure}
        submitting={navigation.state === "submitting"}
        onFind={onFind}
        onAdmitOffline={(o) => void admitOffline(o)}
        onAdmitOnline={() => setShown(null)}
        categoryName={categoryName}
      />
      {enhanced ? <CameraScan onCode={(text) => void check(text)} videoStyle={{ marginBlockStart: "0.5rem" }} /> : null}
    </section>
  );
}

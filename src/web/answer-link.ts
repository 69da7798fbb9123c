import { redirect } from "react-router";
import type { Locale } from "../platform/i18n/locales";
import { loadOr, runForm } from "./actions";

// Pages that answer something by an emailed link, without signing in (a meeting request, a walk-up
// proposal, a meeting's outcome): the link's token is the credential. The feature's operations look
// the token up (only its SHA-256 is kept) and refuse an unknown, replaced or malformed one
// (`token_invalid`, 410; a malformed one `validation_failed`, 400); an answer already given is the
// row's own state, which the page shows. These are such a page's loader and action; its frame and
// error page are in components/answer-link.tsx. They work without JavaScript.

/**
 * The loader: what the link opens (a refusal becomes its HTTP status), with `done`, the answer just
 * given, read from `?done=` after the action's redirect when it is one of `answers` (else null).
 */
export async function loadByLink<V extends object, D extends string>(request: Request, answers: readonly D[], load: () => Promise<V>): Promise<V & { done: D | null }> {
  const view = await loadOr(request, load);
  const done = new URL(request.url).searchParams.get("done");
  return { ...view, done: answers.find((a) => a === done) ?? null };
}

/**
 * The action: runs `answer` with the posted form. A refusal stays on the page with its translated
 * texts and what was typed (4xx); an accepted answer redirects to `page?done=<done(result)>`, so
 * a reload does not post it again and the loader can say what was done.
 */
export async function answerByLink<T>(request: Request, locale: Locale, at: { page: string; answer: (form: FormData) => Promise<T>; done: (result: T) => string }) {
  const form = await request.formData();
  const result = await runForm(locale, form, () => at.answer(form));
  if (!result.ok) return result.response;
  return redirect(`${at.page}?done=${at.done(result.value)}`);
}

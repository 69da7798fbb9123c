import { redirect } from "react-router";
import type { Route } from "./+types/answer";
import { loadOr, runForm } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { ownBaseline, saveSection } from "../operations/answer";
import { BaselineAnswer, pageOf, sectionOfForm } from "./answer-view";

// The exhibitor's baseline (issue #15, item 2): its enterprise from the account's exhibitor grant,
// any edition it may answer (?edition=), the baseline or the 6-month follow-up (?round=follow_up).
// The page itself is answer-view.tsx, shared with the applicants' (applicant-answer.tsx).

const BASE = "/account/exhibitor/baseline";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const round = url.searchParams.get("round") === "follow_up" ? "follow_up" : "baseline";
  return pageOf(await loadOr(request, () => ownBaseline(context.ctx, url.searchParams.get("edition"), round)), url);
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const sent = sectionOfForm(form);
  const result = await runForm(context.ctx.locale, form, () => saveSection(context.ctx, sent));
  if (!result.ok) return result.response;
  const next = result.value.next ?? sent.section;
  const edition = `${sent.editionId ? `edition=${encodeURIComponent(sent.editionId)}&` : ""}${sent.round === "follow_up" ? "round=follow_up&" : ""}`;
  return redirect(`${BASE}?${edition}section=${encodeURIComponent(next)}&saved=1`);
}

export default function Answer({ loaderData: d }: Route.ComponentProps) {
  return <BaselineAnswer d={d} base={BASE} exhibitor />;
}

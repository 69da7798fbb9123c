import type { Route } from "./+types/record-own";
import { loadOr } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { ownRecord } from "../operations/record";
import { RecordView } from "./record-view";
import "./baseline.css";

// The enterprise's own record across editions (issue #15, item 4): which enterprise comes from the
// signed-in account's exhibitor grant only, so the page has no id to change.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.record.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => ownRecord(context.ctx));
}

export default function OwnRecord({ loaderData: r }: Route.ComponentProps) {
  return (
    <section className="page narrow">
      <RecordView r={r} />
    </section>
  );
}

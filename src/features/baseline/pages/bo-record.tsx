import type { Route } from "./+types/bo-record";
import { loadOr } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { enterpriseRecord } from "../operations/record";
import { RecordView } from "./record-view";
import "./baseline.css";

// An enterprise's record across the organiser's editions (issue #15, item 4), for organiser staff.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.record.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.enterpriseId);
  return loadOr(request, () => enterpriseRecord(context.ctx, { enterpriseId: params.enterpriseId }));
}

export default function BoRecord({ loaderData: r }: Route.ComponentProps) {
  return (
    <section className="page">
      <RecordView r={r} />
    </section>
  );
}

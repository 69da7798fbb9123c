import type { Route } from "./+types/recommended";
import { loadOr } from "../../../web/actions";
import { pageTitle, useT } from "../../../web/i18n";
import { recommendationsFor } from "../operations/recommendations";
import { ParticipantCard } from "./participant-card";
import { ParticipantNav } from "./participant-nav";
import { refOf } from "./who";

// Recommendations (issue #11, item 3): the counterparts worth meeting, best first, each with the
// reasons why in the reader's language, computed from the stored profiles on every visit.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.recommended.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  return loadOr(request, () => recommendationsFor(context.ctx, { ...ref, limit: 20 }));
}

export default function RecommendedPage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  return (
    <section>
      <h1>{t("b2b.recommended.title")}</h1>
      <ParticipantNav who={params.who} />
      <p className="hint">{t("b2b.recommended.hint")}</p>
      {d.recommendations.length === 0 ? <p>{t("b2b.recommended.none")}</p> : null}
      <ol style={{ display: "grid", gap: "0.75rem", paddingInlineStart: 0, listStyle: "none" }} data-testid="b2b-recommendations">
        {d.recommendations.map((r) => (
          <li key={r.card.id}>
            <ParticipantCard card={r.card} who={params.who} level={2}>
              <h3 style={{ marginBlock: "0.5rem 0.25rem", fontSize: "1rem" }}>{t("b2b.recommended.why")}</h3>
              <ul data-testid="b2b-reasons" style={{ marginBlock: 0 }}>
                {r.reasons.map((reason, i) => (
                  <li key={i}>{reason.text}</li>
                ))}
              </ul>
            </ParticipantCard>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { Link } from "react-router";
import type { Route } from "./+types/participant";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { participantCard } from "../operations/participant-card";
import { ParticipantCard } from "./participant-card";
import { ParticipantNav } from "./participant-nav";
import { participantBase, refOf } from "./who";

// A participant of the other side on a page of its own (issue #11): where the partner's name on
// My meetings leads. Its card as the directory shows it, its contact details when the two have an
// accepted request, and a way to request a meeting or go back to the meetings.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.participant.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const id = uuidParam(params.participantId);
  return loadOr(request, () => participantCard(context.ctx, { ...ref, id }));
}

/** An exhibitor's logo and photos (its catalogue profile's), loaded only when scrolled to, and its catalogue page. */
function Pictures({ media, name }: { media: NonNullable<Route.ComponentProps["loaderData"]["media"]>; name: string }) {
  const t = useT();
  return (
    <section aria-labelledby="b2b-pictures" data-testid="b2b-participant-pictures">
      <h2 id="b2b-pictures">{t("b2b.participant.pictures")}</h2>
      <p className="b2b-pictures">
        {media.logo ? <img src={media.logo} alt={t("b2b.participant.logoAlt", { name })} width={96} height={96} loading="lazy" style={{ objectFit: "contain" }} /> : null}
        {media.photos.slice(0, 6).map((src, i) => (
          <img key={src} src={src} alt={t("b2b.participant.photoAlt", { name, n: i + 1 })} width={160} height={120} loading="lazy" style={{ objectFit: "cover", maxWidth: "100%" }} />
        ))}
      </p>
      <p>
        <a href={media.catalogue}>{t("b2b.participant.catalogue")}</a>
      </p>
    </section>
  );
}

export default function ParticipantPage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const contact = d.contact ? [d.contact.name, d.contact.email, d.contact.phone].filter(Boolean).join(" · ") : "";
  return (
    <section>
      <h1>{t("b2b.participant.title")}</h1>
      <ParticipantNav who={params.who} />
      <ParticipantCard card={d.card} who={params.who} level={2}>
        {contact ? (
          <dl data-testid="b2b-participant-contact" style={{ overflowWrap: "anywhere" }}>
            <dt>{t("b2b.meetings.contact")}</dt>
            <dd>{contact}</dd>
          </dl>
        ) : null}
      </ParticipantCard>
      {d.media ? <Pictures media={d.media} name={pick(locale, d.card.nameEn, d.card.nameUr)} /> : null}
      {d.meets ? (
        <p>
          <Link to={`${participantBase(params.who)}/meetings`}>{t("b2b.participant.meetings")}</Link>
        </p>
      ) : null}
    </section>
  );
}

import { NavLink } from "react-router";
import { useT } from "../../../web/i18n";
import { participantBase, participantPages } from "./who";

// The navigation between a participant's own pages (profile, recommendations, directory, requests,
// meetings): plain links, so it works without JavaScript; wraps on a 360 px phone.

export function ParticipantNav({ who }: { who: string }) {
  const t = useT();
  const base = participantBase(who);
  return (
    <nav aria-label={t("b2b.nav.participant")} className="tabs" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", marginBlock: "0.75rem" }}>
      {participantPages.map((p) => (
        <NavLink key={p.key} to={`${base}${p.path}`} end>
          {t(p.key)}
        </NavLink>
      ))}
    </nav>
  );
}

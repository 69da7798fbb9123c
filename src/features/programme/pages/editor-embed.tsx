import { useT } from "../../../web/i18n";

// The agenda widget's snippet (issue #13, agenda item 3): the organiser pastes it into a page of
// their own website; the widget (embed.tsx) shows the last release, in English or Urdu.

export function embedSnippet(publicUrl: string, slug: string, lang: "en" | "ur"): string {
  const src = `${publicUrl}/editions/${slug}/programme/embed${lang === "ur" ? "?lang=ur" : ""}`;
  return `<iframe src="${src}" title="${lang === "ur" ? "ایجنڈا" : "Agenda"}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}

export function EmbedSnippet({ publicUrl, slug }: { publicUrl: string; slug: string }) {
  const t = useT();
  return (
    <details>
      <summary>{t("programme.embed.title")}</summary>
      <p className="hint">{t("programme.embed.hint")}</p>
      {(["en", "ur"] as const).map((lang) => (
        <p key={lang}>
          <label>
            {t(`programme.embed.${lang}`)}
            <textarea readOnly rows={3} dir="ltr" data-testid={`embed-snippet-${lang}`} defaultValue={embedSnippet(publicUrl, slug, lang)} />
          </label>
        </p>
      ))}
    </details>
  );
}

import { Form } from "react-router";
import { SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { roundModeration } from "../operations/moderation";

// The lead judge's part of /awards/judging (pages/judging.tsx): who has each entry of the open
// round and whether they have scored it, and the form that moves one entry from one judge to
// another (reassignEntry: never to a recused judge, one already on it, nor once scored). A plain
// form: no JavaScript needed.

type Moderation = Awaited<ReturnType<typeof roundModeration>>;

export function RoundModeration({ m, categoryId, round }: { m: Moderation; categoryId: string; round: string }) {
  const t = useT();
  const locale = useLocale();
  const failure = failureOf(useFailure(), "reassign");
  const name = (e: { nameEn: string; nameUr: string | null }) => pick(locale, e.nameEn, e.nameUr ?? e.nameEn);
  return (
    <section className="card" aria-labelledby={`moderate-${round}-${categoryId}`} data-testid="moderation">
      <h3 id={`moderate-${round}-${categoryId}`}>{t("awards.judging.moderate")}</h3>
      <div className="table-scroll" role="region" tabIndex={0} aria-label={t("awards.judging.moderate")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("awards.measure.entries")}</th>
              <th scope="col">{t("awards.judging.judges")}</th>
            </tr>
          </thead>
          <tbody>
            {m.entries.map((e) => (
              <tr key={e.id}>
                <th scope="row" dir="auto">
                  {name(e)}
                </th>
                <td>{e.judges.map((j) => `${j.name}${j.scored ? ` (${t("awards.judging.scored")})` : ""}`).join(locale === "ur" ? "، " : ", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.judges.length > 1 && m.entries.length ? (
        <Form method="post" className="stack">
          <h4>{t("awards.bo.reassign")}</h4>
          <p className="hint">{t("awards.bo.reassignHint")}</p>
          <input type="hidden" name="intent" value="reassign" />
          <input type="hidden" name="categoryId" value={categoryId} />
          <input type="hidden" name="round" value={round} />
          <SelectField form={`mod-${categoryId}-${round}`} name="entryId" label={t("awards.measure.entries")} failure={failure} options={m.entries.map((e) => ({ value: e.id, label: name(e) }))} />
          <SelectField form={`mod-${categoryId}-${round}`} name="fromUserId" label={t("awards.bo.reassignFrom")} failure={failure} options={m.judges.map((j) => ({ value: j.userId, label: j.name }))} />
          <SelectField form={`mod-${categoryId}-${round}`} name="toUserId" label={t("awards.bo.reassignTo")} failure={failure} options={m.judges.map((j) => ({ value: j.userId, label: j.name }))} />
          <button type="submit">{t("awards.bo.reassign")}</button>
        </Form>
      ) : null}
    </section>
  );
}

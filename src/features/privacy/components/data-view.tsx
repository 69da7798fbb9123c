import { en } from "../messages";
import { useT } from "../../../web/i18n";

// A person's data (operations/export.ts) as a readable page: one section per feature, one card per
// row, each value as written. Labels are translated where the field is a common one, else shown as
// stored; values are isolated (<bdi>) so an email or a date reads right in Urdu too.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isEmpty = (v: Json) => v === null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
const isRows = (v: Json): v is { [k: string]: Json }[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));

function useLabel() {
  const t = useT();
  return (key: string) => (`privacy.field.${key}` in en ? t(`privacy.field.${key}` as "privacy.field.name") : key);
}

function Scalar({ value }: { value: Json }) {
  const t = useT();
  if (value === true) return <>{t("privacy.yes")}</>;
  if (value === false) return <>{t("privacy.no")}</>;
  if (value === null || value === "") return <>—</>;
  if (Array.isArray(value) && value.every((x) => typeof x !== "object" || x === null)) return <bdi>{value.join(", ")}</bdi>;
  if (typeof value === "object") return <bdi className="privacy-json">{JSON.stringify(value)}</bdi>;
  return <bdi>{String(value)}</bdi>;
}

function Row({ row }: { row: { [k: string]: Json } }) {
  const label = useLabel();
  const nested = Object.entries(row).filter(([, v]) => isRows(v));
  return (
    <div className="card privacy-row">
      <dl>
        {Object.entries(row)
          .filter(([, v]) => !isRows(v))
          .map(([k, v]) => (
            <div key={k}>
              <dt>{label(k)}</dt>
              <dd>
                <Scalar value={v} />
              </dd>
            </div>
          ))}
      </dl>
      {nested.map(([k, v]) => (
        <Block key={k} title={label(k)} value={v} level={4} />
      ))}
    </div>
  );
}

function Block({ title, value, level }: { title: string; value: Json; level: 2 | 3 | 4 }) {
  const t = useT();
  const label = useLabel();
  const H = `h${level}` as "h2";
  let body;
  if (isEmpty(value)) body = <p className="muted">{t("privacy.mine.nothing")}</p>;
  else if (isRows(value))
    body = (
      <ol className="privacy-rows">
        {value.map((row, i) => (
          <li key={i}>
            <Row row={row} />
          </li>
        ))}
      </ol>
    );
  else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const sub = Object.entries(value).filter(([, v]) => Array.isArray(v));
    const flat = Object.fromEntries(Object.entries(value).filter(([, v]) => !Array.isArray(v)));
    body = (
      <>
        {Object.keys(flat).length ? <Row row={flat} /> : null}
        {level < 4 ? sub.map(([k, v]) => <Block key={k} title={label(k)} value={v} level={(level + 1) as 3} />) : null}
      </>
    );
  } else body = <p>{<Scalar value={value} />}</p>;
  return (
    <section className="privacy-part">
      <H>{title}</H>
      {body}
    </section>
  );
}

export function PersonalDataView({ parts }: { parts: Record<string, unknown> }) {
  const t = useT();
  return (
    <>
      {Object.entries(parts).map(([name, value]) => (
        <Block key={name} title={`privacy.part.${name}` in en ? t(`privacy.part.${name}` as "privacy.part.b2b") : name} value={value as Json} level={2} />
      ))}
    </>
  );
}

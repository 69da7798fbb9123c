import { data, Link } from "react-router";
import type { Route } from "./+types/register-group";
import { DomainError, isDomainError } from "../../../platform/errors";
import { newSecret } from "../../../platform/random";
import { formatDay } from "../../../platform/i18n/format";
import { formValues, toFailure, type FormFailure } from "../../../web/actions";
import { Notice } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { GroupForm } from "../components/group-form";
import { isGroupCategory } from "../core/groups";
import { getRegistrationForm } from "../operations/questions";
import { registerGroup } from "../operations/register";
import { dayOptions } from "./form-input";
import { DEFAULT_ROWS, MAX_ROWS, membersFrom, rowsFrom, toFormPaths, withoutRow } from "./group-input";

// A delegation's leader registers its members together (registerGroup: all admitted, or all
// waitlisted, together). Only for the categories that come as delegations (core/groups.ts).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.group.title");
}

async function groupForm(ctx: Parameters<typeof getRegistrationForm>[0], slug: string, category: string | null) {
  const f = await getRegistrationForm(ctx, { slug, category: category ?? undefined });
  const groupCategories = f.categories.filter((c) => isGroupCategory(c.code));
  const chosen = f.category && isGroupCategory(f.category.code) ? f.category : null;
  return { ...f, groupCategories, category: chosen, questions: chosen ? f.questions : [] };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const f = await groupForm(context.ctx, params.slug, url.searchParams.get("category")).catch((e) => {
    if (isDomainError(e)) throw data({ code: e.code }, { status: e.status });
    throw e;
  });
  return { ...f, idempotencyKey: newSecret(18) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const f = await groupForm(context.ctx, params.slug, String(form.get("category") ?? ""));
  const values = formValues(form);
  const intent = String(form.get("intent") ?? "register");
  const stamp = newSecret(6);
  // Round trips that only change the rows: the form comes back with everything typed kept.
  if (intent === "add") return { kind: "rows" as const, stamp, rows: Math.min(rowsFrom(form) + 1, MAX_ROWS), values };
  if (intent.startsWith("remove:")) {
    const rows = rowsFrom(form);
    const removed = Number(intent.slice(7));
    if (rows <= 1 || !Number.isInteger(removed) || removed < 0 || removed >= rows) return { kind: "rows" as const, stamp, rows, values };
    return { kind: "rows" as const, stamp, rows: rows - 1, values: withoutRow(values, removed) };
  }
  const { rows, members } = membersFrom(form, f.questions);
  try {
    if (!f.category) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
    if (members.length === 0) throw new DomainError("validation_failed", { fields: [{ path: "members", code: "registration_group_empty" }] });
    const result = await registerGroup(context.ctx, {
      editionId: f.edition.id,
      categoryId: f.category.id,
      idempotencyKey: String(form.get("idempotencyKey") ?? "") || undefined,
      locale: context.ctx.locale,
      members,
    });
    // The same page whether or not some members were registered already (they are emailed a new
    // link instead): the page tells nobody who is registered.
    return { kind: "done" as const, count: result.answer.count };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const mapped = new DomainError(e.code, { fields: toFormPaths(e.fields, rows), params: e.params });
    return data({ kind: "failed" as const, stamp, failure: toFailure(context.ctx.locale, mapped, values) }, { status: e.status });
  }
}

function Result({ count, category }: { count: number; category: string }) {
  const t = useT();
  return (
    <>
      <Notice>
        <p data-testid="registration-sent">{t("registration.group.checkEmail", { count })}</p>
      </Notice>
      <p>
        <Link to={`?category=${encodeURIComponent(category)}`} reloadDocument>
          {t("registration.group.another")}
        </Link>
      </p>
    </>
  );
}

export default function RegisterGroupPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, category, groupCategories, questions, dayCount } = loaderData;
  const days = dayOptions(edition.startsOn, dayCount, (iso) => formatDay(iso, locale, { weekday: "long", day: "numeric", month: "long" }));
  const a = actionData;
  let failure: FormFailure | undefined;
  let rows = DEFAULT_ROWS;
  if (a?.kind === "rows") {
    failure = { ok: false, code: "", message: "", fields: {}, values: a.values };
    rows = a.rows;
  } else if (a?.kind === "failed") {
    failure = a.failure;
    rows = rowsFrom(a.failure.values);
  }
  return (
    <section className="page narrow">
      <h1>{t("registration.group.title")}</h1>
      <p>{pick(locale, edition.nameEn, edition.nameUr)}</p>
      {a?.kind === "done" ? (
        <Result count={a.count} category={category?.code ?? ""} />
      ) : !category ? (
        <ul className="cards">
          {groupCategories.map((c) => (
            <li key={c.id} className="card">
              <Link to={`?category=${encodeURIComponent(c.code)}`}>{pick(locale, c.nameEn, c.nameUr)}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <h2>{pick(locale, category.nameEn, category.nameUr)}</h2>
          <p>{t("registration.group.intro")}</p>
          <p>{t(category.needsApproval ? "registration.page.needsApproval" : "registration.page.instant")}</p>
          <GroupForm
            category={category.code}
            idempotencyKey={failure?.values.idempotencyKey ?? loaderData.idempotencyKey}
            rows={rows}
            days={days}
            questions={questions}
            failure={failure}
            stamp={a && "stamp" in a ? a.stamp : "first"}
          />
        </>
      )}
    </section>
  );
}

import type { Route } from "./+types/certificate";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { translate } from "../../../platform/i18n/translate";
import { renderCertificatePdf } from "../certificate-pdf";
import { certificateOf } from "../operations/results";

// /editions/:slug/awards/:categoryId/certificates/:entryId?lang=en|ur — a published winner's or
// runner-up's certificate as a PDF, in English or Urdu.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const categoryId = uuidParam(params.categoryId);
  const entryId = uuidParam(params.entryId);
  const lang = new URL(request.url).searchParams.get("in") === "ur" ? "ur" : "en";
  const c = await loadOr(request, () => certificateOf(context.ctx, { categoryId, entryId, locale: lang }));
  if (c.edition.slug !== params.slug) throw new Response("Not found", { status: 404 });
  const tr = (key: string, p?: Record<string, string>) => translate(lang, key, p);
  const ur = lang === "ur";
  const date = new Intl.DateTimeFormat(ur ? "ur-PK" : "en-GB", { dateStyle: "long", timeZone: c.edition.timezone }).format(c.category.publishAt!);
  const { pdf } = await renderCertificatePdf({
    locale: lang,
    title: tr("awards.certificate.title"),
    placeLine: tr(c.result.place === "winner" ? "awards.place.winner" : "awards.place.runner_up"),
    categoryName: ur ? c.category.nameUr : c.category.nameEn,
    editionName: ur ? c.edition.nameUr : c.edition.nameEn,
    enterpriseName: ur && c.nameUr ? c.nameUr : c.nameEn,
    enterpriseNameUr: ur ? null : c.nameUr,
    dateLine: tr("awards.certificate.date", { edition: ur ? c.edition.nameUr : c.edition.nameEn, date }),
  });
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="certificate-${entryId.slice(0, 8)}-${lang}.pdf"`, "cache-control": "public, max-age=300" },
  });
}

import type { Route } from "./+types/template";
import { DomainError } from "../../../platform/errors";
import { loadOr } from "../../../web/actions";
import { findCurrentEdition } from "#features/editions";
import { editionBySlug } from "../operations/call";
import { nominationTemplateFile } from "../operations/nominate";

// The spreadsheet template with the edition's clusters. Nothing private in it
// (clusters are public), so anyone may download it.
export async function loader({ context, request }: Route.LoaderArgs) {
  const slug = new URL(request.url).searchParams.get("edition");
  const file = await loadOr(request, async () => {
    const edition = slug ? await editionBySlug(context.ctx.db, slug) : await findCurrentEdition(context.ctx.db);
    if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
    return nominationTemplateFile(context.ctx, { editionId: edition.id });
  });
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="nominations-template.xlsx"',
    },
  });
}

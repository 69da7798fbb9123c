import { redirect } from "react-router";
import type { Route } from "./+types/current";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { loadOr } from "../../../web/actions";
import { findCurrentEdition } from "#features/editions";

// The back-office menu's "Selection": the current edition's review and selection page.
export async function loader({ context, request }: Route.LoaderArgs) {
  const edition = await loadOr(request, async () => {
    authorize(context.ctx.actor, "selection.manage");
    const e = await findCurrentEdition(context.ctx.db);
    if (!e) throw new DomainError("not_found", { params: { what: "edition" } });
    return e;
  });
  throw redirect(`/back-office/editions/${edition.id}/selection`);
}

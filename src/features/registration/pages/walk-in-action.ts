import type { Ctx } from "../../../platform/context";
import { runForm } from "../../../web/actions";
import { registerWalkIn } from "../operations/register";
import { personFrom } from "./form-input";

/** The walk-in form's action, shared by the back office and the desk page. */
export async function walkInAction(ctx: Ctx, form: FormData, editionId: string) {
  const result = await runForm(ctx.locale, form, () =>
    registerWalkIn(ctx, {
      editionId,
      categoryId: String(form.get("categoryId") ?? ""),
      idempotencyKey: String(form.get("idempotencyKey") ?? "") || undefined,
      locale: form.get("locale") === "ur" ? "ur" : "en",
      ...personFrom(form, []),
    }),
  );
  if (!result.ok) return result.response;
  const r = result.value.registrations[0]!;
  return { ok: true as const, walkIn: { number: r.number, status: r.status, name: r.name } };
}

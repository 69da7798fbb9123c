import type { Ctx } from "../../../platform/context";
import { runForm } from "../../../web/actions";
import { cancelOwnRegistration, getOwnRegistration, updateOwnRegistration } from "../operations/own";
import { updateOwnDetails } from "../operations/own-details";
import { answersFrom, daysFrom } from "./form-input";

// The action behind both manage pages (signed link and own account): `which` names the registration.
export async function manageAction(ctx: Ctx, form: FormData, which: { token: string } | { registrationId: string }) {
  if (form.get("intent") === "cancel") {
    const result = await runForm(ctx.locale, form, () => cancelOwnRegistration(ctx, which));
    return result.ok ? { ok: true as const, done: "cancelled" as const } : result.response;
  }
  if (form.get("intent") === "details") {
    const text = (name: string) => String(form.get(name) ?? "");
    const result = await runForm(ctx.locale, form, () =>
      updateOwnDetails(ctx, { ...which, name: text("name"), nameUr: text("nameUr"), organisation: text("organisation"), designation: text("designation"), phone: text("phone") }),
    );
    if (!result.ok) return result.response;
    return { ok: true as const, done: result.value.reissuedSerial !== null ? ("badgeReissued" as const) : ("detailsSaved" as const) };
  }
  const current = await getOwnRegistration(ctx, which);
  const result = await runForm(ctx.locale, form, () =>
    updateOwnRegistration(ctx, { ...which, days: daysFrom(form), answers: answersFrom(form, current.questions) }),
  );
  return result.ok ? { ok: true as const, done: "saved" as const } : result.response;
}

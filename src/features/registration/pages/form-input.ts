import type { QuestionView } from "../components/person-fields";
import { editionDayDate } from "#features/editions/client";

// FormData → the operations' input. The operations validate; this only reshapes: day checkboxes
// (`day.<i>`) into indexes, `q.<id>` into answers of the question's kind, "yes" into booleans.

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export function daysFrom(form: FormData): number[] {
  return [...form.keys()]
    .filter((k) => /^day\.\d{1,2}$/.test(k))
    .map((k) => Number(k.slice(4)))
    .sort((a, b) => a - b);
}

export function answersFrom(form: FormData, questions: QuestionView[]): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = {};
  for (const q of questions) {
    const name = `q.${q.id}`;
    if (q.kind === "multi") {
      const all = form.getAll(name).filter((v): v is string => typeof v === "string");
      if (all.length) out[q.id] = all;
    } else if (q.kind === "yesno") {
      const v = str(form, name);
      if (v) out[q.id] = v === "yes";
    } else {
      const v = str(form, name).trim();
      if (v) out[q.id] = v;
    }
  }
  return out;
}

export function personFrom(form: FormData, questions: QuestionView[]) {
  return {
    name: str(form, "name"),
    nameUr: str(form, "nameUr"),
    email: str(form, "email"),
    phone: str(form, "phone"),
    organisation: str(form, "organisation"),
    designation: str(form, "designation"),
    days: daysFrom(form),
    answers: answersFrom(form, questions),
    consentData: str(form, "consentData") === "yes",
    consentScan: str(form, "consentScan") === "yes",
  };
}

/** The edition's days as labels for checkboxes. */
export function dayOptions(startsOn: string, count: number, format: (iso: string) => string) {
  return Array.from({ length: count }, (_, index) => {
    const iso = editionDayDate(startsOn, index);
    return { index, label: format(iso) };
  });
}

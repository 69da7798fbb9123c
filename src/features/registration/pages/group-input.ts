import type { FieldIssue } from "../../../platform/errors";
import type { QuestionView } from "../components/person-fields";
import { answersFrom, daysFrom } from "./form-input";

// The delegation form without JavaScript: member rows are `m.<row>.<field>`, a fixed number
// (`rows`) rendered at once; "add another" and "remove" post the form back and get it again with
// one row more or less, nothing lost. Empty rows are skipped. What the whole delegation shares
// (organisation, days, answers, consents) is asked once.

export const MEMBER_FIELDS = ["name", "nameUr", "email", "phone", "designation"] as const;
export const DEFAULT_ROWS = 3;
export const MAX_ROWS = 50;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** How many member rows the form shows: from the posted form (or its kept values). */
export function rowsFrom(form: FormData | Record<string, string>): number {
  const n = Number(form instanceof FormData ? str(form, "rows") : form.rows);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ROWS) : DEFAULT_ROWS;
}

const memberKey = /^m\.(\d{1,2})\.(\w+)$/;

/** The submitted values with row `removed` taken out and the rows after it moved up. */
export function withoutRow(values: Record<string, string>, removed: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const m = memberKey.exec(k);
    if (!m) out[k] = v;
    else if (Number(m[1]) < removed) out[k] = v;
    else if (Number(m[1]) > removed) out[`m.${Number(m[1]) - 1}.${m[2]}`] = v;
  }
  return out;
}

/** The rows with something typed in them, in order, and the members the operation gets. */
export function membersFrom(form: FormData, questions: QuestionView[]) {
  const rows = rowsFrom(form);
  const filled: number[] = [];
  for (let i = 0; i < rows; i++) if (MEMBER_FIELDS.some((f) => str(form, `m.${i}.${f}`).trim() !== "")) filled.push(i);
  const shared = {
    organisation: str(form, "organisation"),
    days: daysFrom(form),
    answers: answersFrom(form, questions),
    consentData: str(form, "consentData") === "yes",
    consentScan: str(form, "consentScan") === "yes",
  };
  const members = filled.map((i) => ({
    name: str(form, `m.${i}.name`),
    nameUr: str(form, `m.${i}.nameUr`),
    email: str(form, `m.${i}.email`),
    phone: str(form, `m.${i}.phone`),
    designation: str(form, `m.${i}.designation`),
    ...shared,
  }));
  return { rows: filled, members };
}

/**
 * The operation's paths (`members.<k>.email`, k among the filled rows) → the form's names: a
 * member's own field goes to its row (`m.<row>.email`), a shared one to the shared field, once.
 */
export function toFormPaths(issues: FieldIssue[], rows: number[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const m = /^members\.(\d+)\.(.+)$/.exec(issue.path);
    let path = issue.path;
    if (m) {
      const [field] = m[2]!.split(".");
      path = (MEMBER_FIELDS as readonly string[]).includes(field!) ? `m.${rows[Number(m[1])] ?? 0}.${m[2]}` : m[2]!;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ ...issue, path });
  }
  return out;
}

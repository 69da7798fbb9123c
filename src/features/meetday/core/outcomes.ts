// The vocabulary of meeting outcomes and follow-ups (issue #14, items 4–5; docs/outcomes.md
// defines each in plain words). Pure: shared by the forms, the operations and the figures.

export const outcomeKinds = [
  "no_interest",
  "information_exchanged",
  "follow_up_planned",
  "samples_requested",
  "quotation_requested",
  "purchase_order",
  "subcontracting_agreement",
  "mou",
  "investment_discussion",
  "other",
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Outcomes that lead somewhere: they get the 30-day and 6-month follow-ups. */
export const positiveKinds: readonly OutcomeKind[] = [
  "follow_up_planned",
  "samples_requested",
  "quotation_requested",
  "purchase_order",
  "subcontracting_agreement",
  "mou",
  "investment_discussion",
];
export const isPositive = (kind: string | null | undefined) => !!kind && (positiveKinds as readonly string[]).includes(kind);

/** What happened since the meeting, asked at 30 days and 6 months. */
export const followUpStates = ["no_further_contact", "negotiation_started", "order_placed", "agreement_reached", "investment_made"] as const;
export type FollowUpState = (typeof followUpStates)[number];

export const currencies = ["PKR", "USD", "EUR", "CNY", "GBP", "AED", "SAR", "JPY", "TRY"] as const;
export const timelines = ["done", "within_3_months", "3_to_6_months", "6_to_12_months", "over_12_months", "not_known"] as const;

/** The follow-ups' due dates: 30 days and 6 months after the edition's last day, 10:00 local. */
export function followUpDates(endsOn: string): { d30: string; m6: string } {
  const [y, m, d] = endsOn.split("-").map(Number) as [number, number, number];
  const iso = (t: Date) => t.toISOString().slice(0, 10);
  const d30 = new Date(Date.UTC(y, m - 1, d + 30));
  // Six calendar months later; a day past the month's end falls back to its last day.
  const m6 = new Date(Date.UTC(y, m - 1 + 6, 1));
  const last = new Date(Date.UTC(m6.getUTCFullYear(), m6.getUTCMonth() + 1, 0)).getUTCDate();
  m6.setUTCDate(Math.min(d, last));
  return { d30: iso(d30), m6: iso(m6) };
}

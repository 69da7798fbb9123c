// The exhibitor's awards page (issue #13, awards item 2): applying with a statement and evidence
// files. Same keys and placeholders in both languages.

export const en = {
  "awards.apply.title": "SME awards: apply",
  "awards.apply.intro": "Categories that take applications. Write a short statement and attach evidence (sales figures, certificates, buyers' letters); the judges read both.",
  "awards.apply.none": "No award category of your editions takes applications.",
  "awards.apply.open": "Applications open",
  "awards.apply.closed": "Applications closed",
  "awards.apply.ineligible": "Not eligible: {reasons}.",
  "awards.apply.reason.not_selected": "only selected exhibitors",
  "awards.apply.reason.size_class": "another size class",
  "awards.apply.reason.not_women_led": "women-led enterprises only",
  "awards.apply.reason.cluster": "other clusters",
  "awards.apply.statement": "Your statement (20 to 2,000 characters, English or Urdu)",
  "awards.apply.submit": "Apply",
  "awards.apply.update": "Save the statement",
  "awards.apply.entered": "Entered",
  "awards.apply.saved": "Saved.",
  "awards.apply.evidence": "Evidence",
  "awards.apply.evidenceNone": "No evidence attached yet.",
  "awards.apply.file": "File (PDF, PNG or JPEG, at most {mb} MB; at most {max} files)",
  "awards.apply.upload": "Attach",
  "awards.apply.remove": "Remove {name}",
  "awards.apply.size": "{kb} KB",
  "awards.judging.evidence": "Evidence",
  "validation.award_evidence_type": "Attach a PDF, PNG or JPEG file.",
  "validation.award_evidence_too_large": "A file may be at most {max} MB.",
  "validation.award_evidence_too_many": "At most {max} files: remove one first.",
};

export const ur: Record<keyof typeof en, string> = {
  "awards.apply.title": "ایس ایم ای ایوارڈز: درخواست",
  "awards.apply.intro": "وہ زمرے جن میں درخواست دی جا سکتی ہے۔ ایک مختصر بیان لکھیں اور ثبوت منسلک کریں (فروخت کے اعداد، اسناد، خریداروں کے خطوط)؛ جج دونوں پڑھتے ہیں۔",
  "awards.apply.none": "آپ کے ایڈیشنز کا کوئی ایوارڈ زمرہ درخواستیں نہیں لیتا۔",
  "awards.apply.open": "درخواستیں کھلی ہیں",
  "awards.apply.closed": "درخواستیں بند ہیں",
  "awards.apply.ineligible": "اہل نہیں: {reasons}۔",
  "awards.apply.reason.not_selected": "صرف منتخب نمائش کنندگان",
  "awards.apply.reason.size_class": "کوئی اور حجم کی درجہ بندی",
  "awards.apply.reason.not_women_led": "صرف خواتین کی زیرِ قیادت ادارے",
  "awards.apply.reason.cluster": "دوسرے کلسٹر",
  "awards.apply.statement": "آپ کا بیان (20 سے 2,000 حروف، انگریزی یا اردو)",
  "awards.apply.submit": "درخواست دیں",
  "awards.apply.update": "بیان محفوظ کریں",
  "awards.apply.entered": "شامل",
  "awards.apply.saved": "محفوظ ہو گیا۔",
  "awards.apply.evidence": "ثبوت",
  "awards.apply.evidenceNone": "ابھی کوئی ثبوت منسلک نہیں۔",
  "awards.apply.file": "فائل (PDF، PNG یا JPEG، زیادہ سے زیادہ {mb} MB؛ زیادہ سے زیادہ {max} فائلیں)",
  "awards.apply.upload": "منسلک کریں",
  "awards.apply.remove": "{name} ہٹائیں",
  "awards.apply.size": "{kb} KB",
  "awards.judging.evidence": "ثبوت",
  "validation.award_evidence_type": "PDF، PNG یا JPEG فائل منسلک کریں۔",
  "validation.award_evidence_too_large": "ایک فائل زیادہ سے زیادہ {max} MB ہو سکتی ہے۔",
  "validation.award_evidence_too_many": "زیادہ سے زیادہ {max} فائلیں: پہلے ایک ہٹائیں۔",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

// The analytics area (issue #15, item 5; docs/code-style.md, "Texts"). Same keys and
// {placeholders} in both languages.

export const en = {
  "analytics.title": "Analytics",
  "analytics.intro":
    "The edition in figures: the SMEs from nomination to the floor and their meetings, the visitors, and another edition beside this one. Counts only, never a name. Each chart has its table under it.",
  "analytics.funnel": "SMEs: nominated, selected, exhibiting, surveyed, meeting buyers",
  "analytics.funnel.none": "No nominations have been submitted for this edition yet.",
  "analytics.funnel.chart": "SMEs nominated, selected and exhibiting, by {by}",
  "analytics.funnel.note":
    "A row is a submitted nomination; its group is the enterprise registry's (else the nomination's). Selected: in the published selection. Exhibiting: a confirmed stall. Baseline: the survey answered. In B2B: an approved SME participant. Meetings: its scheduled meetings.",
  "analytics.measure.nominated": "Nominated",
  "analytics.measure.selected": "Selected",
  "analytics.measure.exhibiting": "Exhibiting",
  "analytics.measure.baseline": "Baseline answered",
  "analytics.measure.inB2b": "In B2B",
  "analytics.measure.meetings": "Meetings",
  "analytics.visitors": "Visitors by category",
  "analytics.visitors.none": "This edition has no visitor categories yet.",
  "analytics.visitors.chart": "Visitors registered, approved and who came, by category",
  "analytics.visitors.category": "Category",
  "analytics.visitors.registered": "Registered",
  "analytics.visitors.approved": "Approved",
  "analytics.visitors.attended": "Came (admitted at a gate)",
  "analytics.compare": "This edition and another",
  "analytics.compare.none": "You have no other edition to compare with yet.",
  "analytics.compare.with": "Compare with",
  "analytics.compare.measure": "SMEs counted",
  "analytics.compare.chart": "{measure}, by {by}, in both editions",
  "analytics.compare.visitorsChart": "Visitors who came, by category, in both editions",
  "analytics.link.outcomes": "Meetings and their outcomes",
  "analytics.link.baseline": "Baseline figures",
  "analytics.link.selection": "Selection and its report",
  "analytics.link.footfall": "Footfall by day, hour and gate",
};

export const ur: Record<keyof typeof en, string> = {
  "analytics.title": "تجزیہ",
  "analytics.intro":
    "اعداد و شمار میں یہ ایڈیشن: نامزدگی سے اسٹال تک ایس ایم ایز اور ان کی ملاقاتیں، آنے والے، اور اس کے ساتھ کوئی دوسرا ایڈیشن۔ صرف تعداد، کبھی کوئی نام نہیں۔ ہر چارٹ کے نیچے اس کا جدول ہے۔",
  "analytics.funnel": "ایس ایم ایز: نامزد، منتخب، نمائش میں، سروے شدہ، خریداروں سے ملاقاتیں",
  "analytics.funnel.none": "اس ایڈیشن کے لیے ابھی کوئی نامزدگی جمع نہیں ہوئی۔",
  "analytics.funnel.chart": "{by} کے لحاظ سے نامزد، منتخب اور نمائش کرنے والی ایس ایم ایز",
  "analytics.funnel.note":
    "ہر قطار ایک جمع شدہ نامزدگی ہے؛ اس کا گروپ کاروباری رجسٹری کا ہے (ورنہ نامزدگی کا)۔ منتخب: شائع شدہ انتخاب میں۔ نمائش میں: تصدیق شدہ اسٹال۔ بیس لائن: سروے کا جواب دیا۔ بی ٹو بی میں: منظور شدہ ایس ایم ای شریک۔ ملاقاتیں: اس کی طے شدہ ملاقاتیں۔",
  "analytics.measure.nominated": "نامزد",
  "analytics.measure.selected": "منتخب",
  "analytics.measure.exhibiting": "نمائش میں",
  "analytics.measure.baseline": "بیس لائن کا جواب دیا",
  "analytics.measure.inB2b": "بی ٹو بی میں",
  "analytics.measure.meetings": "ملاقاتیں",
  "analytics.visitors": "زمرے کے لحاظ سے آنے والے",
  "analytics.visitors.none": "اس ایڈیشن میں ابھی آنے والوں کے زمرے نہیں ہیں۔",
  "analytics.visitors.chart": "زمرے کے لحاظ سے رجسٹرڈ، منظور شدہ اور آنے والے",
  "analytics.visitors.category": "زمرہ",
  "analytics.visitors.registered": "رجسٹرڈ",
  "analytics.visitors.approved": "منظور شدہ",
  "analytics.visitors.attended": "آئے (کسی گیٹ پر داخل ہوئے)",
  "analytics.compare": "یہ ایڈیشن اور کوئی دوسرا",
  "analytics.compare.none": "آپ کے پاس موازنے کے لیے ابھی کوئی دوسرا ایڈیشن نہیں۔",
  "analytics.compare.with": "اس سے موازنہ کریں",
  "analytics.compare.measure": "گنی گئی ایس ایم ایز",
  "analytics.compare.chart": "{by} کے لحاظ سے {measure}، دونوں ایڈیشنز میں",
  "analytics.compare.visitorsChart": "زمرے کے لحاظ سے آنے والے، دونوں ایڈیشنز میں",
  "analytics.link.outcomes": "ملاقاتیں اور ان کے نتائج",
  "analytics.link.baseline": "بیس لائن کے اعداد و شمار",
  "analytics.link.selection": "انتخاب اور اس کی رپورٹ",
  "analytics.link.footfall": "دن، گھنٹے اور گیٹ کے لحاظ سے آمد",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

// The floor's texts (docs/code-style.md, "Texts"): the allocation's reasons (engine/allocate.ts,
// `reasonCodes`), each exhibitor's explanation in words. Same keys and placeholders in both languages.

export const en = {
  "floor.reason.pinned": "Stall {stall}: kept as the organiser set it.",
  "floor.reason.pin_conflict": "The stall {stall} the organiser set could not be kept: it is missing or set for another exhibitor too.",
  "floor.reason.own_pavilion": "Stall {stall}, in your cluster's pavilion ({area}).",
  "floor.reason.women_enclave": "Stall {stall}, in the women entrepreneurs' enclave ({area}), as you asked.",
  "floor.reason.enclave": "Stall {stall}, in the {area} enclave, where the organiser placed you.",
  "floor.reason.women_enclave_full": "The women entrepreneurs' enclave had no free stall with what you need, so you are in your cluster's pavilion.",
  "floor.reason.area_full": "{area} was full.",
  "floor.reason.area_no_fitting_stall": "{area} had no free stall with what you need.",
  "floor.reason.no_pavilion": "Your cluster has no pavilion on this floor.",
  "floor.reason.nearest_free": "Stall {stall} ({area}): the free stall nearest your cluster's stalls, {distanceM} m away.",
  "floor.reason.power_as_requested": "Power, as requested.",
  "floor.reason.accessible_as_requested": "Step-free access, as requested.",
  "floor.reason.size_as_requested": "{areaM2} m², at least the {asked} m² requested.",
  "floor.reason.corner_as_requested": "A corner stall, as requested.",
  "floor.reason.corner_unavailable": "No corner stall was free where you are placed.",
  "floor.reason.needs_not_met": "No free stall had everything you need ({needs}); this is the nearest free stall.",
  "floor.reason.competitors_apart": "No other maker of {heading} next to you, as the rule asks.",
  "floor.reason.competitor_adjacent": "Next to stall {stall}, another maker of {heading}: no other stall allowed it.",
  "floor.reason.no_free_stall": "No free stall is left on the floor.",
  "floor.need.power": "power",
  "floor.need.accessible": "step-free access",
  "floor.need.size": "the floor area requested",
  "floor.area.none": "outside any pavilion",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "floor.reason.pinned": "اسٹال {stall}: منتظم کے طے کردہ کے مطابق برقرار۔",
  "floor.reason.pin_conflict": "منتظم کا طے کردہ اسٹال {stall} برقرار نہ رہ سکا: وہ موجود نہیں یا کسی اور نمائش کنندہ کے لیے بھی طے ہے۔",
  "floor.reason.own_pavilion": "اسٹال {stall}، آپ کے کلسٹر کے پویلین ({area}) میں۔",
  "floor.reason.women_enclave": "اسٹال {stall}، خواتین کاروباری انکلیو ({area}) میں، آپ کی درخواست کے مطابق۔",
  "floor.reason.enclave": "اسٹال {stall}، {area} انکلیو میں، جہاں منتظم نے آپ کو رکھا۔",
  "floor.reason.women_enclave_full": "خواتین کاروباری انکلیو میں آپ کی ضرورت والا کوئی خالی اسٹال نہیں تھا، اس لیے آپ اپنے کلسٹر کے پویلین میں ہیں۔",
  "floor.reason.area_full": "{area} بھر چکا تھا۔",
  "floor.reason.area_no_fitting_stall": "{area} میں آپ کی ضرورت والا کوئی خالی اسٹال نہیں تھا۔",
  "floor.reason.no_pavilion": "اس فلور پر آپ کے کلسٹر کا کوئی پویلین نہیں۔",
  "floor.reason.nearest_free": "اسٹال {stall} ({area}): آپ کے کلسٹر کے اسٹالوں سے قریب ترین خالی اسٹال، {distanceM} میٹر دور۔",
  "floor.reason.power_as_requested": "بجلی، درخواست کے مطابق۔",
  "floor.reason.accessible_as_requested": "سیڑھی کے بغیر رسائی، درخواست کے مطابق۔",
  "floor.reason.size_as_requested": "{areaM2} مربع میٹر، درخواست کردہ {asked} مربع میٹر سے کم نہیں۔",
  "floor.reason.corner_as_requested": "کونے کا اسٹال، درخواست کے مطابق۔",
  "floor.reason.corner_unavailable": "جہاں آپ کو رکھا گیا وہاں کونے کا کوئی اسٹال خالی نہیں تھا۔",
  "floor.reason.needs_not_met": "کسی خالی اسٹال میں آپ کی تمام ضروریات ({needs}) نہیں تھیں؛ یہ قریب ترین خالی اسٹال ہے۔",
  "floor.reason.competitors_apart": "قاعدے کے مطابق {heading} کا کوئی دوسرا صنعت کار آپ کے ساتھ نہیں۔",
  "floor.reason.competitor_adjacent": "اسٹال {stall} کے ساتھ، جو {heading} کا ایک اور صنعت کار ہے: کوئی اور اسٹال ممکن نہ تھا۔",
  "floor.reason.no_free_stall": "فلور پر کوئی خالی اسٹال باقی نہیں۔",
  "floor.need.power": "بجلی",
  "floor.need.accessible": "سیڑھی کے بغیر رسائی",
  "floor.need.size": "درخواست کردہ رقبہ",
  "floor.area.none": "کسی پویلین سے باہر",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

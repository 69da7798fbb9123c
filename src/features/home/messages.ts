// This feature's user-facing texts, added to the app's catalogues by src/messages.ts
// (platform/i18n/catalogue.ts). Keep the keys and {placeholders} of en and ur identical; prefix
// every key with "home." (the edition pages' older texts still live in the platform catalogue).

export const en = {
  "home.standing.tookPlace": "This edition took place on {dates}.",
  "home.standing.onNow": "The show is on now.",
  "home.standing.upcoming": "Visitor registration opens once the edition is published.",
  "home.results": "Results",
  "home.results.none": "Its results will be published here.",
  "home.result.transparency": "Selection transparency report",
  "home.result.catalogue": "Catalogue of exhibitors",
  "home.result.winners": "Winners",
  "home.result.outcomes": "Outcomes",
  "home.pastEditions": "Past editions",
  "home.pastEditions.took": "Took place {dates}",
};

export const ur: Record<keyof typeof en, string> = {
  "home.standing.tookPlace": "یہ نمائش {dates} کو منعقد ہوئی۔",
  "home.standing.onNow": "نمائش اس وقت جاری ہے۔",
  "home.standing.upcoming": "نمائش شائع ہونے پر زائرین کی رجسٹریشن شروع ہو گی۔",
  "home.results": "نتائج",
  "home.results.none": "اس کے نتائج یہاں شائع کیے جائیں گے۔",
  "home.result.transparency": "انتخاب کی شفافیت رپورٹ",
  "home.result.catalogue": "نمائش کنندگان کی فہرست",
  "home.result.winners": "انعام یافتگان",
  "home.result.outcomes": "نمائش کے ثمرات",
  "home.pastEditions": "گزشتہ نمائشیں",
  "home.pastEditions.took": "منعقدہ {dates}",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

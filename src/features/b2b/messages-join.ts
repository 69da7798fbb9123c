// Texts of the page where a registered trade visitor joins B2B matchmaking from their registration's
// manage link (/registration/:token/b2b); added to the catalogue by src/messages.ts. Same keys and
// {placeholders} in en and ur.
export const en = {
  "b2b.join.title": "B2B matchmaking",
  "b2b.join.link": "B2B matchmaking: meet exhibitors",
  "b2b.join.intro": "Meet the show's exhibitors in short, scheduled meetings. Say what kind of participant you are: your profile asks for what that kind needs.",
  "b2b.join.cannot": "You cannot join B2B matchmaking now.",
  "b2b.join.in": "You take part as: {kind}.",
  "b2b.join.withdrawn": "You withdrew from B2B matchmaking; joining again undoes it.",
  "b2b.join.kind": "What kind of participant are you?",
  "b2b.join.submit": "Join B2B matchmaking",
  "b2b.join.again": "Join again with a new link",
  "b2b.join.linkHint": "Joining gives you a private B2B link: it opens your profile, your requests and your meetings without a password. Keep it to yourself. Joining again gives you a new link, and the older one stops working.",
  "b2b.join.done": "You take part in B2B matchmaking. Keep your private link: it is shown only now.",
  "b2b.join.yourLink": "Your private B2B link",
  "b2b.join.open": "Fill in my B2B profile",
  "b2b.join.back": "Back to my registration",
};

export const ur: Record<keyof typeof en, string> = {
  "b2b.join.title": "بی ٹو بی میچ میکنگ",
  "b2b.join.link": "بی ٹو بی میچ میکنگ: نمائش کنندگان سے ملیں",
  "b2b.join.intro": "نمائش کے نمائش کنندگان سے مختصر، طے شدہ ملاقاتیں کریں۔ بتائیں کہ آپ کس قسم کے شریک ہیں: آپ کا پروفائل وہی پوچھتا ہے جو اس قسم کے لیے ضروری ہے۔",
  "b2b.join.cannot": "آپ ابھی بی ٹو بی میچ میکنگ میں شامل نہیں ہو سکتے۔",
  "b2b.join.in": "آپ اس حیثیت سے شریک ہیں: {kind}۔",
  "b2b.join.withdrawn": "آپ بی ٹو بی میچ میکنگ سے دستبردار ہو چکے ہیں؛ دوبارہ شامل ہونے سے یہ ختم ہو جاتا ہے۔",
  "b2b.join.kind": "آپ کس قسم کے شریک ہیں؟",
  "b2b.join.submit": "بی ٹو بی میچ میکنگ میں شامل ہوں",
  "b2b.join.again": "نئے لنک کے ساتھ دوبارہ شامل ہوں",
  "b2b.join.linkHint": "شامل ہونے پر آپ کو ایک نجی بی ٹو بی لنک ملتا ہے: یہ پاس ورڈ کے بغیر آپ کا پروفائل، درخواستیں اور ملاقاتیں کھولتا ہے۔ اسے کسی کو نہ دیں۔ دوبارہ شامل ہونے پر نیا لنک ملتا ہے اور پرانا کام کرنا بند کر دیتا ہے۔",
  "b2b.join.done": "آپ بی ٹو بی میچ میکنگ میں شریک ہیں۔ اپنا نجی لنک محفوظ رکھیں: یہ صرف ابھی دکھایا جا رہا ہے۔",
  "b2b.join.yourLink": "آپ کا نجی بی ٹو بی لنک",
  "b2b.join.open": "میرا بی ٹو بی پروفائل بھریں",
  "b2b.join.back": "میری رجسٹریشن پر واپس",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

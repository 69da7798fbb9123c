// Texts of the accounts feature that are its own (the older sign-in texts are the platform's `auth.*`).
// Added to the catalogue by src/messages.ts; same keys and placeholders in both languages.
export const en = {
  "accounts.signUp.intro": "Enter your name and email. We will email you a link to choose your password and finish.",
  "accounts.signUp.send": "Email me the link",
  "accounts.signUp.sent":
    "Check your email: we have written to {email}. Open the link in our message within 24 hours to choose your password. If that address already has an account, the message tells you how to sign in.",
  "accounts.signUp.confirmTitle": "Choose your password",
  "accounts.signUp.confirmIntro": "One step left: choose a password for your account with this email.",
  "accounts.signUp.invalid": "This link does not work any more: it was used already, or it is more than 24 hours old. Start again to get a new one.",
  "accounts.signUp.again": "Start again",

  "accounts.email.confirm.subject": "Finish creating your Numaish account",
  "accounts.email.confirm.body":
    "Dear {name},\n\nTo finish creating your Numaish account, open this link within 24 hours and choose your password:\n\n{link}\n\nIf it was not you, ignore this message: no account is made.",
  "accounts.email.existing.subject": "You already have a Numaish account",
  "accounts.email.existing.body":
    "Dear {name},\n\nSomeone asked to create a Numaish account with this email, but you already have one, so nothing was changed.\n\nSign in: {signIn}\nForgot your password? Choose a new one: {reset}\n\nIf it was not you, ignore this message.",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "accounts.signUp.intro": "اپنا نام اور ای میل درج کریں۔ ہم آپ کو پاس ورڈ منتخب کر کے اکاؤنٹ مکمل کرنے کا لنک ای میل کریں گے۔",
  "accounts.signUp.send": "مجھے لنک ای میل کریں",
  "accounts.signUp.sent":
    "اپنی ای میل دیکھیں: ہم نے {email} پر پیغام بھیجا ہے۔ پاس ورڈ منتخب کرنے کے لیے 24 گھنٹوں کے اندر اس میں دیا گیا لنک کھولیں۔ اگر اس پتے کا اکاؤنٹ پہلے سے موجود ہے تو پیغام میں سائن اِن کا طریقہ بتایا گیا ہے۔",
  "accounts.signUp.confirmTitle": "اپنا پاس ورڈ منتخب کریں",
  "accounts.signUp.confirmIntro": "بس ایک قدم باقی ہے: اس ای میل والے اپنے اکاؤنٹ کے لیے پاس ورڈ منتخب کریں۔",
  "accounts.signUp.invalid": "یہ لنک اب کام نہیں کرتا: یہ استعمال ہو چکا ہے یا 24 گھنٹے سے پرانا ہے۔ نیا لنک حاصل کرنے کے لیے دوبارہ شروع کریں۔",
  "accounts.signUp.again": "دوبارہ شروع کریں",

  "accounts.email.confirm.subject": "اپنا نمائش اکاؤنٹ مکمل کریں",
  "accounts.email.confirm.body":
    "محترم {name}،\n\nاپنا نمائش اکاؤنٹ مکمل کرنے کے لیے 24 گھنٹوں کے اندر یہ لنک کھولیں اور اپنا پاس ورڈ منتخب کریں:\n\n{link}\n\nاگر یہ آپ نے نہیں کیا تو اس پیغام کو نظر انداز کر دیں: کوئی اکاؤنٹ نہیں بنے گا۔",
  "accounts.email.existing.subject": "آپ کا نمائش اکاؤنٹ پہلے سے موجود ہے",
  "accounts.email.existing.body":
    "محترم {name}،\n\nکسی نے اس ای میل سے نمائش اکاؤنٹ بنانے کی درخواست کی، لیکن آپ کا اکاؤنٹ پہلے سے موجود ہے، اس لیے کچھ تبدیل نہیں ہوا۔\n\nسائن اِن کریں: {signIn}\nپاس ورڈ بھول گئے؟ نیا منتخب کریں: {reset}\n\nاگر یہ آپ نے نہیں کیا تو اس پیغام کو نظر انداز کر دیں۔",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

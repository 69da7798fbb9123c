// This feature's user-facing texts, merged into the app's catalogues
// (src/platform/i18n/messages/en.ts and ur.ts). Keep the keys and {placeholders}
// of en and ur identical; prefix every key with "registration.".
// The `validation.registration_*` keys are field codes this feature raises: the platform looks
// field texts up as `validation.<code>`, so they carry the feature name inside the code instead.
export const en = {
  "registration.status.pending": "Awaiting approval",
  "registration.status.approved": "Confirmed",
  "registration.status.refused": "Not approved",
  "registration.status.waitlisted": "On the waiting list",
  "registration.status.cancelled": "Cancelled",

  "registration.email.manageLink": "See, change or cancel your registration: {link}",
  "registration.email.manageLater": "See, change or cancel your registration with the link in your first email, or in your account: {link}",
  "registration.email.received.subject": "{edition}: registration received (no. {number})",
  "registration.email.received.body":
    "Dear {name},\n\nWe have received your registration as {category} for {edition}. The organisers will check it and write to you. Your place is held while they decide.",
  "registration.email.approved.subject": "{edition}: your registration is confirmed (no. {number})",
  "registration.email.approved.body": "Dear {name},\n\nYour registration as {category} for {edition} is confirmed. Your badge will follow.",
  "registration.email.waitlisted.subject": "{edition}: you are on the waiting list (no. {number})",
  "registration.email.waitlisted.body":
    "Dear {name},\n\nThe {category} places for the days you chose at {edition} are full. You are on the waiting list, and we will write to you as soon as a place frees up.",
  "registration.email.promoted.subject": "{edition}: a place is free for you (no. {number})",
  "registration.email.promoted.body": "Dear {name},\n\nA place has freed up at {edition}. Your registration as {category} is now: {status}.",
  "registration.email.refused.subject": "{edition}: your registration was not approved",
  "registration.email.refused.body": "Dear {name},\n\nYour registration as {category} for {edition} was not approved. The reason given: {reason}",
  "registration.email.cancelled.subject": "{edition}: registration cancelled (no. {number})",
  "registration.email.cancelled.body": "Dear {name},\n\nYour registration for {edition} is cancelled. You can register again at any time.",

  "validation.registration_consent_required": "You must agree to the use of your data to register.",
  "validation.registration_days_required": "Choose at least one day.",
  "validation.registration_day_out_of_range": "The exhibition has {max} days; choose among them.",
  "validation.registration_days_full": "There is no room on the days you chose. Keep your current days or choose others.",
  "validation.registration_invalid_phone": "Enter a phone number with digits only, for example +92 300 1234567.",
  "validation.registration_email_repeated": "This email is used for another member of the group.",
  "validation.registration_email_registered": "This person is already registered.",
  "validation.registration_reason_required": "Give a reason: it is sent to the person.",
  "validation.registration_options_needed": "A choice question needs at least two options.",
  "validation.registration_options_not_allowed": "Only choice questions have options.",
  "validation.registration_options_duplicate": "Each option needs its own value.",
  "validation.registration_invalid_option_value": "Option values use lower-case letters, digits, - and _.",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "registration.status.pending": "منظوری کا منتظر",
  "registration.status.approved": "تصدیق شدہ",
  "registration.status.refused": "منظور نہیں ہوا",
  "registration.status.waitlisted": "انتظار کی فہرست میں",
  "registration.status.cancelled": "منسوخ",

  "registration.email.manageLink": "اپنی رجسٹریشن دیکھیں، تبدیل کریں یا منسوخ کریں: {link}",
  "registration.email.manageLater": "اپنی رجسٹریشن اپنی پہلی ای میل کے لنک سے یا اپنے اکاؤنٹ میں دیکھیں، تبدیل کریں یا منسوخ کریں: {link}",
  "registration.email.received.subject": "{edition}: رجسٹریشن موصول ہو گئی (نمبر {number})",
  "registration.email.received.body":
    "محترم {name}،\n\n{edition} کے لیے بطور {category} آپ کی رجسٹریشن موصول ہو گئی ہے۔ منتظمین اس کا جائزہ لے کر آپ کو مطلع کریں گے۔ فیصلے تک آپ کی جگہ محفوظ ہے۔",
  "registration.email.approved.subject": "{edition}: آپ کی رجسٹریشن کی تصدیق ہو گئی (نمبر {number})",
  "registration.email.approved.body": "محترم {name}،\n\n{edition} کے لیے بطور {category} آپ کی رجسٹریشن کی تصدیق ہو گئی ہے۔ آپ کا بیج جلد بھیجا جائے گا۔",
  "registration.email.waitlisted.subject": "{edition}: آپ انتظار کی فہرست میں ہیں (نمبر {number})",
  "registration.email.waitlisted.body":
    "محترم {name}،\n\n{edition} میں آپ کے منتخب کردہ دنوں کے لیے {category} کی نشستیں پُر ہو چکی ہیں۔ آپ انتظار کی فہرست میں ہیں، جگہ خالی ہوتے ہی ہم آپ کو اطلاع دیں گے۔",
  "registration.email.promoted.subject": "{edition}: آپ کے لیے جگہ خالی ہو گئی (نمبر {number})",
  "registration.email.promoted.body": "محترم {name}،\n\n{edition} میں ایک جگہ خالی ہو گئی ہے۔ بطور {category} آپ کی رجسٹریشن کی حیثیت اب یہ ہے: {status}۔",
  "registration.email.refused.subject": "{edition}: آپ کی رجسٹریشن منظور نہیں ہوئی",
  "registration.email.refused.body": "محترم {name}،\n\n{edition} کے لیے بطور {category} آپ کی رجسٹریشن منظور نہیں ہوئی۔ وجہ: {reason}",
  "registration.email.cancelled.subject": "{edition}: رجسٹریشن منسوخ (نمبر {number})",
  "registration.email.cancelled.body": "محترم {name}،\n\n{edition} کے لیے آپ کی رجسٹریشن منسوخ کر دی گئی ہے۔ آپ کسی بھی وقت دوبارہ رجسٹر کر سکتے ہیں۔",

  "validation.registration_consent_required": "رجسٹریشن کے لیے اپنے کوائف کے استعمال پر رضامندی ضروری ہے۔",
  "validation.registration_days_required": "کم از کم ایک دن منتخب کریں۔",
  "validation.registration_day_out_of_range": "نمائش {max} دن کی ہے؛ انہی میں سے منتخب کریں۔",
  "validation.registration_days_full": "آپ کے منتخب کردہ دنوں میں جگہ نہیں ہے۔ اپنے موجودہ دن رکھیں یا دوسرے منتخب کریں۔",
  "validation.registration_invalid_phone": "فون نمبر صرف ہندسوں میں لکھیں، مثلاً ‎+92 300 1234567۔",
  "validation.registration_email_repeated": "یہ ای میل گروپ کے کسی اور رکن کے لیے استعمال ہو چکی ہے۔",
  "validation.registration_email_registered": "یہ شخص پہلے سے رجسٹرڈ ہے۔",
  "validation.registration_reason_required": "وجہ لکھیں: یہ متعلقہ شخص کو بھیجی جائے گی۔",
  "validation.registration_options_needed": "انتخابی سوال کے کم از کم دو جواب ہونے چاہییں۔",
  "validation.registration_options_not_allowed": "صرف انتخابی سوالات کے جوابات کی فہرست ہوتی ہے۔",
  "validation.registration_options_duplicate": "ہر جواب کی قدر الگ ہونی چاہیے۔",
  "validation.registration_invalid_option_value": "جواب کی قدر میں انگریزی کے چھوٹے حروف، ہندسے، - اور _ استعمال کریں۔",
};

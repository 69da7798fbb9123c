// Texts for the badge link, reissuing outdated badges, the offline gate result, the camera
// button, the offline answers of the lounge, stall and door scanners, and the footfall page; spread into ./messages.ts. Same keys and {placeholders} in en and ur.
export const en = {
  "checkin.badge.titleOf": "Badge of {name}",
  "checkin.badge.open": "Open the badge page",
  "checkin.badge.linkHint": "These links open your badge without an account. The badge is your ticket: do not share them.",
  "checkin.badge.signInHint":
    "Registered without an account? You do not need one: open your badge with the link in your badge email, or from your registration link (the link in your first email).",
  "checkin.badge.linkGone":
    "This badge link does not work (any more). When a badge is reissued, the old link stops working: use the link in your newest badge email, or the link to your registration.",
  "checkin.reissue.before":
    "Badges issued: {count}. Each carries the edition's dates: if you change the dates, those badges are refused at the gates until they are reissued (offered here after saving).",
  "checkin.reissue.stale": "Outdated badges: {count} of {current} issued carry other dates or days than the edition has now.",
  "checkin.reissue.explain":
    "Gates refuse them as \"Not valid today\". Reissue them: each gets a new badge (the old one is then refused as replaced) and its holder a new badge email with a new link.",
  "checkin.reissue.button": "Reissue the outdated badges ({count})",
  "checkin.reissue.done": "Badges reissued: {count}. Their holders are being emailed.",
  "checkin.gate.fromBadge": "From the badge (checked on this phone)",
  "checkin.gate.category": "Category {index}",
  "checkin.gate.cameraDenied": "The camera is blocked for this site. Allow camera access in the browser's settings, or type or scan the code into the field above.",
  "checkin.gate.cameraMissing": "No camera found on this device. Type the code, or use a hardware scanner, in the field above.",
  "checkin.gate.cameraUnavailable": "The camera cannot be started on this page. Type the code, or use a hardware scanner, in the field above.",
  "checkin.footfall.category": "Category",
  "checkin.footfall.at": "Updated {time} ({timezone})",
  "checkin.scanner.provisional": "Checked on this phone; sent to the server when the network is back",
  "checkin.scanner.unchecked": "Kept on this phone: it is checked when the network is back",
  "checkin.scanner.accepted": "Badge accepted",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "checkin.badge.titleOf": "{name} کا بیج",
  "checkin.badge.open": "بیج کا صفحہ کھولیں",
  "checkin.badge.linkHint": "یہ لنک اکاؤنٹ کے بغیر آپ کا بیج کھولتے ہیں۔ بیج آپ کا ٹکٹ ہے: یہ لنک کسی کو نہ دیں۔",
  "checkin.badge.signInHint":
    "اکاؤنٹ کے بغیر رجسٹر ہوئے؟ اکاؤنٹ کی ضرورت نہیں: اپنا بیج بیج والی ای میل کے لنک سے کھولیں، یا اپنی رجسٹریشن کے لنک سے (آپ کی پہلی ای میل والا لنک)۔",
  "checkin.badge.linkGone":
    "بیج کا یہ لنک (اب) کام نہیں کرتا۔ بیج دوبارہ جاری ہونے پر پرانا لنک بند ہو جاتا ہے: اپنی تازہ ترین بیج والی ای میل کا لنک یا اپنی رجسٹریشن کا لنک استعمال کریں۔",
  "checkin.reissue.before":
    "{count} بیج جاری ہو چکے ہیں۔ ہر بیج پر ایڈیشن کی تاریخیں درج ہیں: اگر آپ تاریخیں بدلیں تو یہ بیج دوبارہ جاری ہونے تک گیٹ پر رد ہوں گے (محفوظ کرنے کے بعد یہاں اس کا بٹن ملے گا)۔",
  "checkin.reissue.stale": "جاری شدہ {current} میں سے {count} بیجوں پر ایڈیشن کی موجودہ تاریخوں یا دنوں سے مختلف تاریخیں یا دن درج ہیں۔",
  "checkin.reissue.explain":
    "گیٹ انہیں \"آج کے لیے درست نہیں\" کہہ کر رد کرتے ہیں۔ انہیں دوبارہ جاری کریں: ہر ایک کو نیا بیج ملے گا (پرانا بیج پھر 'بدلا جا چکا' کہہ کر رد ہو گا) اور اس کے حامل کو نئے لنک کے ساتھ نئی ای میل۔",
  "checkin.reissue.button": "پرانے بیج دوبارہ جاری کریں ({count})",
  "checkin.reissue.done": "{count} بیج دوبارہ جاری ہو گئے؛ ان کے حاملین کو ای میل بھیجی جا رہی ہے۔",
  "checkin.gate.fromBadge": "بیج سے (اسی فون پر جانچا گیا)",
  "checkin.gate.category": "زمرہ {index}",
  "checkin.gate.cameraDenied": "اس سائٹ کے لیے کیمرا بند ہے۔ براؤزر کی ترتیبات میں کیمرے کی اجازت دیں، یا کوڈ اوپر والے خانے میں لکھیں یا اسکین کریں۔",
  "checkin.gate.cameraMissing": "اس آلے پر کوئی کیمرا نہیں ملا۔ کوڈ اوپر والے خانے میں لکھیں یا ہارڈویئر اسکینر استعمال کریں۔",
  "checkin.gate.cameraUnavailable": "اس صفحے پر کیمرا شروع نہیں ہو سکتا۔ کوڈ اوپر والے خانے میں لکھیں یا ہارڈویئر اسکینر استعمال کریں۔",
  "checkin.footfall.category": "زمرہ",
  "checkin.footfall.at": "تازہ کاری {time} ({timezone})",
  "checkin.scanner.provisional": "اسی فون پر جانچا گیا؛ نیٹ ورک واپس آنے پر سرور کو بھیجا جائے گا",
  "checkin.scanner.unchecked": "اس فون پر محفوظ: نیٹ ورک واپس آنے پر جانچا جائے گا",
  "checkin.scanner.accepted": "بیج قبول",
};

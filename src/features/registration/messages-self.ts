// Texts of the registrant's own pages beyond the first form: delegations, changing one's details,
// and a new manage link. Spread into messages.ts (same rules: identical keys and placeholders).
export const en = {
  "registration.group.title": "Register a delegation",
  "registration.group.intro":
    "The head of a delegation registers its members together. They are all confirmed, or all put on the waiting list, together. Each member is emailed a link to their own registration.",
  "registration.group.link": "Registering a delegation? Register its members together.",
  "registration.group.shared": "For the whole delegation",
  "registration.group.members": "Members",
  "registration.group.member": "Member {n}",
  "registration.group.rowsHint": "Leave a row empty to skip it.",
  "registration.group.add": "Add another member",
  "registration.group.remove": "Remove member {n}",
  "registration.group.submit": "Register the delegation",
  "registration.group.consentData": "I confirm that every member agrees that the organisers store and use these details to run the exhibition (required).",
  "registration.group.consentScan": "Every member agrees that exhibitors may scan their badge to receive their name, organisation and contact details.",
  "validation.registration_group_empty": "Fill in at least one member.",
  "registration.group.another": "Register another delegation",

  "registration.manage.details": "Your details",
  "registration.manage.detailsHint": "Your email cannot be changed here: it is where we write to you.",
  "registration.manage.saveDetails": "Save details",
  "registration.manage.detailsSaved": "Your details are saved.",
  "registration.manage.badgeReissued":
    "Your details are saved. Your badge shows your name, so a new badge has been issued and emailed to you: use it, the old one no longer opens the gates.",

  "registration.email.manageNoAccount": "See, change or cancel your registration with the link in your first email from us; your badge comes in an email of its own, with a link that opens it (no account needed). Lost the link? Ask for a new one: {link}",
  "registration.lost.title": "Lost your link?",
  "registration.lost.intro":
    "Enter the email you registered with and the exhibition. If you are registered, we email you a new link to see, change or cancel your registration; any older link stops working.",
  "registration.lost.edition": "Exhibition",
  "registration.lost.submit": "Email me a new link",
  "registration.lost.sent": "If this email is registered for this exhibition, a new link is on its way to it. It can take a few minutes to arrive.",
  "registration.lost.link": "Registered already and lost your link?",

  "registration.email.link.subject": "{edition}: your new registration link (no. {number})",
  "registration.email.link.body":
    "Dear {name},\n\nYou asked for a new link to your registration for {edition}. See, change or cancel it here: {link}\n\nAny earlier link no longer works. If you did not ask for this, you can ignore this email: your registration is unchanged.",

  "registration.email.already.subject": "{edition}: you are already registered (no. {number})",
  "registration.email.already.body":
    "Dear {name},\n\nSomeone just registered this email for {edition}, but you are already registered (no. {number}), so nothing was changed. See, change or cancel your registration with this new link: {link}\n\nAny earlier link no longer works. If it was not you, you can ignore this email.",
  "registration.page.checkEmail": "Thank you. Check your email: we have written to {email} with a link to see, change or cancel your registration. It can take a few minutes to arrive.",
  "registration.group.checkEmail": "Thank you. Each of the {count} members is emailed at their own address, with a link to see, change or cancel their registration. It can take a few minutes to arrive.",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "registration.group.title": "وفد کی رجسٹریشن",
  "registration.group.intro":
    "وفد کا سربراہ اس کے ارکان کو ایک ساتھ رجسٹر کرتا ہے۔ سب کی تصدیق ایک ساتھ ہوتی ہے، یا سب ایک ساتھ انتظار کی فہرست میں جاتے ہیں۔ ہر رکن کو اس کی اپنی رجسٹریشن کا لنک ای میل کیا جاتا ہے۔",
  "registration.group.link": "وفد رجسٹر کر رہے ہیں؟ اس کے ارکان کو ایک ساتھ رجسٹر کریں۔",
  "registration.group.shared": "پورے وفد کے لیے",
  "registration.group.members": "ارکان",
  "registration.group.member": "رکن {n}",
  "registration.group.rowsHint": "جو قطار خالی چھوڑیں وہ شامل نہیں ہو گی۔",
  "registration.group.add": "ایک اور رکن شامل کریں",
  "registration.group.remove": "رکن {n} کو ہٹائیں",
  "registration.group.submit": "وفد رجسٹر کریں",
  "registration.group.consentData": "میں تصدیق کرتا/کرتی ہوں کہ ہر رکن اس پر رضامند ہے کہ منتظمین نمائش کے انتظام کے لیے یہ معلومات محفوظ اور استعمال کریں (لازمی)۔",
  "registration.group.consentScan": "ہر رکن رضامند ہے کہ نمائش کنندگان اس کا بیج اسکین کر کے اس کا نام، ادارہ اور رابطے کی معلومات حاصل کر سکیں۔",
  "validation.registration_group_empty": "کم از کم ایک رکن کی معلومات درج کریں۔",
  "registration.group.another": "ایک اور وفد رجسٹر کریں",

  "registration.manage.details": "آپ کی معلومات",
  "registration.manage.detailsHint": "آپ کی ای میل یہاں تبدیل نہیں ہو سکتی: ہم آپ سے اسی پر رابطہ کرتے ہیں۔",
  "registration.manage.saveDetails": "معلومات محفوظ کریں",
  "registration.manage.detailsSaved": "آپ کی معلومات محفوظ ہو گئیں۔",
  "registration.manage.badgeReissued":
    "آپ کی معلومات محفوظ ہو گئیں۔ آپ کے بیج پر آپ کا نام ہوتا ہے، اس لیے نیا بیج جاری کر کے آپ کو ای میل کر دیا گیا ہے: اب وہی استعمال کریں، پرانا بیج دروازے پر قبول نہیں ہو گا۔",

  "registration.email.manageNoAccount": "اپنی رجسٹریشن ہماری پہلی ای میل کے لنک سے دیکھیں، تبدیل کریں یا منسوخ کریں؛ آپ کا بیج الگ ای میل میں آتا ہے، جس کے لنک سے وہ کھل جاتا ہے (اکاؤنٹ کی ضرورت نہیں)۔ لنک کھو گیا؟ نیا منگوائیں: {link}",
  "registration.lost.title": "لنک کھو گیا؟",
  "registration.lost.intro":
    "وہ ای میل درج کریں جس سے آپ نے رجسٹریشن کی تھی اور نمائش منتخب کریں۔ اگر آپ رجسٹرڈ ہیں تو ہم آپ کو رجسٹریشن دیکھنے، تبدیل کرنے یا منسوخ کرنے کا نیا لنک ای میل کریں گے؛ پرانا لنک کام کرنا بند کر دے گا۔",
  "registration.lost.edition": "نمائش",
  "registration.lost.submit": "مجھے نیا لنک ای میل کریں",
  "registration.lost.sent": "اگر یہ ای میل اس نمائش کے لیے رجسٹرڈ ہے تو نیا لنک اس پر بھیج دیا گیا ہے۔ پہنچنے میں چند منٹ لگ سکتے ہیں۔",
  "registration.lost.link": "پہلے سے رجسٹرڈ ہیں اور لنک کھو گیا؟",

  "registration.email.link.subject": "{edition}: آپ کی رجسٹریشن کا نیا لنک (نمبر {number})",
  "registration.email.link.body":
    "محترم {name}،\n\nآپ نے {edition} کے لیے اپنی رجسٹریشن کا نیا لنک مانگا تھا۔ اسے یہاں دیکھیں، تبدیل کریں یا منسوخ کریں: {link}\n\nپہلے کا کوئی بھی لنک اب کام نہیں کرے گا۔ اگر آپ نے یہ نہیں مانگا تو اس ای میل کو نظر انداز کر دیں: آپ کی رجسٹریشن میں کوئی تبدیلی نہیں ہوئی۔",

  "registration.email.already.subject": "{edition}: آپ پہلے سے رجسٹرڈ ہیں (نمبر {number})",
  "registration.email.already.body":
    "محترم {name}،\n\nکسی نے ابھی یہ ای میل {edition} کے لیے رجسٹر کی، لیکن آپ پہلے سے رجسٹرڈ ہیں (نمبر {number})، اس لیے کچھ تبدیل نہیں ہوا۔ اس نئے لنک سے اپنی رجسٹریشن دیکھیں، تبدیل کریں یا منسوخ کریں: {link}\n\nپہلے کا کوئی بھی لنک اب کام نہیں کرے گا۔ اگر یہ آپ نے نہیں کیا تو اس ای میل کو نظر انداز کر دیں۔",
  "registration.page.checkEmail": "شکریہ۔ اپنی ای میل دیکھیں: ہم نے {email} پر آپ کی رجسٹریشن دیکھنے، تبدیل کرنے یا منسوخ کرنے کا لنک بھیجا ہے۔ پہنچنے میں چند منٹ لگ سکتے ہیں۔",
  "registration.group.checkEmail": "شکریہ۔ {count} ارکان میں سے ہر ایک کو اس کے اپنے پتے پر ای میل بھیجی جا رہی ہے، جس میں اس کی رجسٹریشن دیکھنے، تبدیل کرنے یا منسوخ کرنے کا لنک ہے۔ پہنچنے میں چند منٹ لگ سکتے ہیں۔",
};

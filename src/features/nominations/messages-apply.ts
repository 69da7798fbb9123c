// Texts of the application page after review (numbers, HS codes, the submitted
// state, the confirmation email), the representative's link panel and the
// transparency notes; spread into messages.ts. Same rules: identical keys and
// {placeholders} in en and ur. The "validation." keys are field errors of the
// application (src/platform/i18n/translate.ts fieldIssueText reads that prefix).
// In Urdu, Latin examples with punctuation (9506.62) sit between U+2066 and
// U+2069 so they keep their order inside right-to-left text.
export const en = {
  "validation.percent_0_100": "Write a whole number from 0 to 100, for example 51. Urdu or English digits are both fine.",
  "validation.employee_count": "Write the number of employees as a whole number, for example 12. Urdu or English digits are both fine.",
  "validation.hs_code_format": "Write the HS code in digits: 4, 6, 8 or 10 digits, for example 9506.62 or 6802.",
  "nominations.apply.ownershipHint": "A whole number from 0 to 100, for example 51.",
  "nominations.apply.employeesHint": "How many people work in the enterprise, for example 12.",
  "nominations.apply.hsHint": "4 to 10 digits, for example 9506.62",
  "nominations.apply.hsExplain":
    "HS code: the customs number of a product in the international Harmonized System, 4 to 10 digits (for example 9506.62 for footballs, 6802 for worked marble). It is on export and import papers; your trade body can tell you.",
  "nominations.apply.submittedOn": "Submitted on {date}.",
  "nominations.apply.canUpdate": "You can still change it until {closes}: make the changes and press “Update submitted application”. If nothing needs changing, you need not do anything.",
  "nominations.apply.next": "What happens next: after the call closes, reviewers score every application. The decision is published on this page (open it with the same link) and sent to you by email. Questions: {tradeBody}.",
  "nominations.apply.locked": "The call is closed: the application can no longer be changed. If something is wrong, contact {tradeBody}.",
  "nominations.apply.update": "Update submitted application",
  "nominations.apply.done.update": "Your submitted application was updated.",
  "nominations.apply.emailSent": "A confirmation was sent to {email}.",
  "nominations.email.submitted.subject": "Application received: {edition}",
  "nominations.email.submitted.body":
    "{name},\n\nThe application of {enterprise} for {edition} (cluster {cluster}) was received on {date}.\n\nYou can change it with your link until {closes}:\n{link}\n\nWhat happens next: after the call closes, reviewers score every application. The decision will be published on your application page and sent to you by email. Questions: {tradeBody}.",
  "nominations.link.title": "Application link for {name}",
  "nominations.link.label": "Application link",
  "nominations.link.help": "Read it out or send it to the enterprise. The previous link no longer works.",
  "nominations.link.helpFirst": "Send this link to the enterprise. If you gave an email, the invitation has already been sent.",
  "nominations.link.copy": "Copy the link",
  "nominations.link.copied": "Link copied.",
  "nominations.link.copyFailed": "Could not copy: select the link and copy it.",
  "nominations.link.newFor": "New application link for {name}",
  "nominations.tr.unknownProvince": "Province not given",
  "nominations.tr.noScore": "No score",
  "nominations.tr.noScoreNote": "“No score”: applications that were not scored (no reviews, or withdrawn before the selection run). They are counted in every table, so all totals agree.",
  "nominations.tr.normalisedExplained":
    "Normalised score (0 to 100): each reviewer's marks are measured against that reviewer's own average, so a strict and a generous reviewer count the same. A review at the reviewer's average is 50; each step of the reviewer's usual spread above or below adds or takes away 15 points. An application's score is the average of its reviews.",
} as const;

export const ur: Record<keyof typeof en, string> = {
  "validation.percent_0_100": "0 سے 100 تک پورا عدد لکھیں، مثلاً 51۔ اردو یا انگریزی دونوں ہندسے درست ہیں۔",
  "validation.employee_count": "ملازمین کی تعداد پورے عدد میں لکھیں، مثلاً 12۔ اردو یا انگریزی دونوں ہندسے درست ہیں۔",
  "validation.hs_code_format": "ایچ ایس کوڈ ہندسوں میں لکھیں: 4، 6، 8 یا 10 ہندسے، مثلاً \u20669506.62\u2069 یا 6802۔",
  "nominations.apply.ownershipHint": "0 سے 100 تک پورا عدد، مثلاً 51۔",
  "nominations.apply.employeesHint": "ادارے میں کتنے لوگ کام کرتے ہیں، مثلاً 12۔",
  "nominations.apply.hsHint": "4 سے 10 ہندسے، مثلاً \u20669506.62\u2069",
  "nominations.apply.hsExplain":
    "ایچ ایس کوڈ: بین الاقوامی ہارمونائزڈ سسٹم میں کسی پروڈکٹ کا کسٹمز نمبر، 4 سے 10 ہندسے (مثلاً فٹ بال کے لیے \u20669506.62\u2069، تراشے ہوئے ماربل کے لیے 6802)۔ یہ برآمد اور درآمد کے کاغذات پر لکھا ہوتا ہے؛ آپ کی تجارتی تنظیم بھی بتا سکتی ہے۔",
  "nominations.apply.submittedOn": "{date} کو جمع کرائی گئی۔",
  "nominations.apply.canUpdate": "آپ {closes} تک اس میں تبدیلی کر سکتے ہیں: تبدیلی کریں اور “جمع شدہ درخواست اپ ڈیٹ کریں” دبائیں۔ اگر کچھ نہیں بدلنا تو مزید کچھ کرنے کی ضرورت نہیں۔",
  "nominations.apply.next": "آگے کیا ہو گا: کال بند ہونے کے بعد جائزہ کار ہر درخواست کو اسکور دیں گے۔ فیصلہ اسی صفحے پر شائع ہو گا (اسی لنک سے کھولیں) اور آپ کو ای میل پر بھیجا جائے گا۔ سوالات کے لیے: {tradeBody}۔",
  "nominations.apply.locked": "کال بند ہو چکی ہے: درخواست میں اب تبدیلی نہیں ہو سکتی۔ اگر کچھ غلط ہے تو {tradeBody} سے رابطہ کریں۔",
  "nominations.apply.update": "جمع شدہ درخواست اپ ڈیٹ کریں",
  "nominations.apply.done.update": "آپ کی جمع شدہ درخواست اپ ڈیٹ ہو گئی۔",
  "nominations.apply.emailSent": "تصدیق \u2066{email}\u2069 پر بھیج دی گئی ہے۔",
  "nominations.email.submitted.subject": "درخواست موصول ہو گئی: {edition}",
  "nominations.email.submitted.body":
    "{name}،\n\n{edition} کے لیے {enterprise} کی درخواست (کلسٹر {cluster}) {date} کو موصول ہو گئی۔\n\nآپ {closes} تک اپنے لنک سے اس میں تبدیلی کر سکتے ہیں:\n{link}\n\nآگے کیا ہو گا: کال بند ہونے کے بعد جائزہ کار ہر درخواست کو اسکور دیں گے۔ فیصلہ آپ کی درخواست کے صفحے پر شائع ہو گا اور آپ کو ای میل پر بھیجا جائے گا۔ سوالات کے لیے: {tradeBody}۔",
  "nominations.link.title": "{name} کے لیے درخواست کا لنک",
  "nominations.link.label": "درخواست کا لنک",
  "nominations.link.help": "یہ لنک ادارے کو پڑھ کر سنائیں یا بھیج دیں۔ پچھلا لنک اب کام نہیں کرے گا۔",
  "nominations.link.helpFirst": "یہ لنک ادارے کو بھیج دیں۔ اگر آپ نے ای میل دی ہے تو دعوت پہلے ہی بھیج دی گئی ہے۔",
  "nominations.link.copy": "لنک کاپی کریں",
  "nominations.link.copied": "لنک کاپی ہو گیا۔",
  "nominations.link.copyFailed": "کاپی نہیں ہو سکا: لنک منتخب کر کے کاپی کریں۔",
  "nominations.link.newFor": "{name} کے لیے درخواست کا نیا لنک",
  "nominations.tr.unknownProvince": "صوبہ درج نہیں",
  "nominations.tr.noScore": "کوئی اسکور نہیں",
  "nominations.tr.noScoreNote": "“کوئی اسکور نہیں”: وہ درخواستیں جنہیں اسکور نہیں ملا (کوئی جائزہ نہیں ہوا، یا انتخاب سے پہلے واپس لے لی گئیں)۔ یہ ہر جدول میں شامل ہیں، اس لیے تمام جدولوں کا کل برابر ہے۔",
  "nominations.tr.normalisedExplained":
    "نارملائزڈ (برابر کیا گیا) اسکور، 0 سے 100 تک: ہر جائزہ کار کے نمبر اسی جائزہ کار کی اپنی اوسط سے ناپے جاتے ہیں، تاکہ سخت اور نرم جائزہ کار برابر شمار ہوں۔ جائزہ کار کی اوسط پر دیا گیا جائزہ 50 بنتا ہے؛ اس کے معمول کے فرق کا ہر درجہ اوپر یا نیچے 15 نمبر بڑھاتا یا گھٹاتا ہے۔ کسی درخواست کا اسکور اس کے جائزوں کی اوسط ہے۔",
};

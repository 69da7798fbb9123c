// Texts of the baseline asked of every applicant (issue #15, "where the organiser asks, all
// applicants"; decision 0018): the organiser's setting, emails and progress, the applicant's pages.
// Added to the catalogue by src/messages.ts. Same keys and {placeholders} in en and ur.
export const en = {
  "error.baseline_link_unknown": "This baseline link is not valid. Ask the organiser for a new one.",
  "error.baseline_applicants_not_asked": "This survey does not ask the applicants. Turn on “Ask every applicant too” first.",
  "baseline.bo.askApplicants": "Ask every applicant too (each submitted application gets its own link by email)",
  "baseline.bo.askApplicantsSave": "Save setting",
  "baseline.bo.inviteApplicants": "Email the applicants their link",
  "baseline.bo.applicantsInvited": "Applicants' emails queued: {n}.",
  "baseline.bo.applicantsLine": "Applicants: {submitted} of {applicants} finished, {drafts} in progress, {notStarted} not started ({invited} sent a link).",
  "baseline.applicants.invite.subject": "{edition}: a short business baseline for your firm",
  "baseline.applicants.invite.body":
    "Dear {name}, thank you for your application to {edition}. The organiser asks every applicant a short business baseline: about ten minutes, six sections, each saved as you go, on your phone. You see your export and investment readiness scores at the end. Your answers stay private; only totals of many firms are published. Your own link:",
  "baseline.applicants.remind.subject": "{edition}: please complete your business baseline",
  "baseline.applicants.remind.body": "Dear {name}, the business baseline of {edition} is waiting for your answers. Every section is saved as you go, so you can continue where you stopped. Your own link:",
  "baseline.applicant.intro": "Your answers belong to your firm: if it exhibits, they carry over to its exhibitor account. Only you (with this link) and the organisers see them.",
};

export const ur: Record<keyof typeof en, string> = {
  "error.baseline_link_unknown": "یہ بنیادی جائزے کا لنک درست نہیں۔ منتظمین سے نیا لنک مانگیں۔",
  "error.baseline_applicants_not_asked": "یہ سروے درخواست دہندگان سے نہیں پوچھتا۔ پہلے „ہر درخواست دہندہ سے بھی پوچھیں“ آن کریں۔",
  "baseline.bo.askApplicants": "ہر درخواست دہندہ سے بھی پوچھیں (ہر جمع شدہ درخواست کو ای میل سے اپنا لنک ملے گا)",
  "baseline.bo.askApplicantsSave": "ترتیب محفوظ کریں",
  "baseline.bo.inviteApplicants": "درخواست دہندگان کو ان کا لنک ای میل کریں",
  "baseline.bo.applicantsInvited": "درخواست دہندگان کی ای میلز قطار میں: {n}۔",
  "baseline.bo.applicantsLine": "درخواست دہندگان: {applicants} میں سے {submitted} نے مکمل کیا، {drafts} جاری، {notStarted} نے شروع نہیں کیا ({invited} کو لنک بھیجا گیا)۔",
  "baseline.applicants.invite.subject": "{edition}: آپ کے کاروبار کا مختصر بنیادی جائزہ",
  "baseline.applicants.invite.body":
    "محترم {name}، {edition} کے لیے درخواست دینے کا شکریہ۔ منتظمین ہر درخواست دہندہ سے ایک مختصر کاروباری بنیادی جائزہ پوچھتے ہیں: تقریباً دس منٹ، چھ حصے، ہر حصہ ساتھ ساتھ محفوظ، آپ کے فون پر۔ آخر میں آپ اپنی برآمدی اور سرمایہ کاری کی تیاری کے اسکور دیکھیں گے۔ آپ کے جوابات نجی رہتے ہیں؛ صرف بہت سے کاروباروں کے مجموعے شائع ہوتے ہیں۔ آپ کا اپنا لنک:",
  "baseline.applicants.remind.subject": "{edition}: براہ کرم اپنے کاروبار کا بنیادی جائزہ مکمل کریں",
  "baseline.applicants.remind.body": "محترم {name}، {edition} کا کاروباری بنیادی جائزہ آپ کے جوابات کا منتظر ہے۔ ہر حصہ ساتھ ساتھ محفوظ ہوتا ہے، اس لیے آپ وہیں سے جاری رکھ سکتے ہیں جہاں رکے تھے۔ آپ کا اپنا لنک:",
  "baseline.applicant.intro": "آپ کے جوابات آپ کے کاروبار کے ہیں: اگر یہ نمائش میں شریک ہو تو یہ اس کے نمائش کنندہ اکاؤنٹ میں منتقل ہو جاتے ہیں۔ انہیں صرف آپ (اس لنک کے ساتھ) اور منتظمین دیکھتے ہیں۔",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

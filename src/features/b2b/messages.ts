// Texts of B2B matchmaking; added to the catalogue by src/messages.ts. Same keys and {placeholders}
// in en and ur.
export const en = {
  "validation.b2b_time_format": "Write a time of day as HH:MM, e.g. 14:30.",
  "validation.b2b_sessions_format": "“{text}” is not a session: write times like 10:00-13:00, 14:30-17:30.",
  "validation.b2b_session_order": "In “{text}” the session ends before it starts.",
  "validation.b2b_sessions_overlap": "The sessions {text} overlap or touch: write them as one session.",
  "validation.b2b_session_too_short": "The session {text} is shorter than one meeting slot ({minutes} minutes).",
  "validation.b2b_day_out_of_range": "Day {day} is not a day of this edition (it has {days} days).",
  "validation.b2b_day_twice": "Day {day} is given twice.",
  "validation.b2b_break_outside_sessions": "A break on day {day} is not inside one of that day's sessions.",
  "validation.b2b_break_format": "Write breaks like “1 13:00-13:30” (day, then the time), one a line.",
  "validation.b2b_window_order": "The window must close after it opens.",
  "validation.b2b_window_after_meetings": "The window must close before the first meeting ({time}, the edition's local time), so meetings can be scheduled.",
  "validation.b2b_window_required": "Matchmaking that is on needs the window's opening and closing.",
  "validation.b2b_no_sessions": "Matchmaking that is on needs at least one meeting session.",
  "validation.b2b_no_meeting_place": "Meetings need a place: lounge tables, or meetings at the stalls.",
  "validation.b2b_interpreters_format": "Write interpreters like “ur 4, en 4, zh 2” (a language code and a number).",
};

export const ur: Record<keyof typeof en, string> = {
  "validation.b2b_time_format": "وقت HH:MM کی صورت میں لکھیں، مثلاً 14:30۔",
  "validation.b2b_sessions_format": "“{text}” کوئی سیشن نہیں: وقت اس طرح لکھیں: 10:00-13:00, 14:30-17:30۔",
  "validation.b2b_session_order": "“{text}” میں سیشن شروع ہونے سے پہلے ختم ہو جاتا ہے۔",
  "validation.b2b_sessions_overlap": "سیشن {text} ایک دوسرے پر چڑھتے یا ملتے ہیں: انہیں ایک سیشن لکھیں۔",
  "validation.b2b_session_too_short": "سیشن {text} ملاقات کے ایک وقفے ({minutes} منٹ) سے چھوٹا ہے۔",
  "validation.b2b_day_out_of_range": "دن {day} اس نمائش کا دن نہیں (اس کے {days} دن ہیں)۔",
  "validation.b2b_day_twice": "دن {day} دو بار دیا گیا ہے۔",
  "validation.b2b_break_outside_sessions": "دن {day} کا ایک وقفہ اس دن کے کسی سیشن کے اندر نہیں۔",
  "validation.b2b_break_format": "وقفے اس طرح لکھیں: “1 13:00-13:30” (دن، پھر وقت)، ہر سطر میں ایک۔",
  "validation.b2b_window_order": "مدت کھلنے کے بعد ہی بند ہو سکتی ہے۔",
  "validation.b2b_window_after_meetings": "مدت پہلی ملاقات ({time}، نمائش کا مقامی وقت) سے پہلے بند ہونی چاہیے تاکہ ملاقاتیں طے کی جا سکیں۔",
  "validation.b2b_window_required": "میچ میکنگ چالو ہو تو مدت کے کھلنے اور بند ہونے کا وقت درکار ہے۔",
  "validation.b2b_no_sessions": "میچ میکنگ چالو ہو تو کم از کم ایک ملاقاتی سیشن درکار ہے۔",
  "validation.b2b_no_meeting_place": "ملاقاتوں کے لیے جگہ درکار ہے: لاؤنج کی میزیں، یا اسٹالوں پر ملاقاتیں۔",
  "validation.b2b_interpreters_format": "ترجمان اس طرح لکھیں: “ur 4, en 4, zh 2” (زبان کا کوڈ اور تعداد)۔",
};

declare module "../../platform/i18n/catalogue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FeatureMessages extends Record<keyof typeof en, string> {}
}

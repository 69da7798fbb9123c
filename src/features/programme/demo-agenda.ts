import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { diffReleases, type SessionSnapshot } from "./engine/changes";
import { snapshotDraft } from "./operations/release";
import { floorAreas } from "#features/floor";
import { registrations } from "#features/registration";
import { programmeDoorScans, programmeReleases, programmeRooms, programmeRsvps, programmeSessionSpeakers, programmeSessions, programmeSpeakers, type SessionAccess, type SessionKind, type Track } from "./tables";

// The demo's agenda (issue #13, agenda item 6): the 2026 show's fictional programme over its three
// days in the Expo Centre Lahore's main auditorium and two hall stages, released as version 1; next
// year's edition gets the same rooms and a short draft to try (no release). Idempotent: an edition
// that has rooms already is left alone. Every person here is fictional. Once the show has its
// visitors, a full workshop with a waitlist and door check-ins (seedSeatsAndDoors).

// Hall 1's stage is the demo floor's "main-stage" area (floor/demo-plan.ts): its sessions link to it on the map.
const rooms: { slug: string; nameEn: string; nameUr: string; capacity: number; sort: number; area?: string }[] = [
  { slug: "main-auditorium", nameEn: "Main Auditorium", nameUr: "مرکزی آڈیٹوریم", capacity: 800, sort: 0 },
  { slug: "hall-1-stage", nameEn: "Hall 1 stage", nameUr: "ہال 1 اسٹیج", capacity: 150, sort: 1, area: "main-stage" },
  { slug: "hall-2-stage", nameEn: "Hall 2 stage", nameUr: "ہال 2 اسٹیج", capacity: 120, sort: 2 },
];

const speakers = [
  { slug: "chief-guest", name: "Dr. Farah Qureshi", nameUr: "ڈاکٹر فرح قریشی", organisation: "Ministry of Industries and Production", role: "Federal Secretary (fictional)", bioEn: "Leads federal industrial policy for small and medium enterprises.", bioUr: "چھوٹے اور درمیانے کاروبار کے لیے وفاقی صنعتی پالیسی کی قیادت کرتی ہیں۔" },
  { slug: "ahmed-raza", name: "Ahmed Raza", nameUr: "احمد رضا", organisation: "SME development authority", role: "Chief Executive (fictional)", bioEn: "Runs the authority's cluster development programmes.", bioUr: "ادارے کے کلسٹر ترقیاتی پروگرام چلاتے ہیں۔" },
  { slug: "sana-malik", name: "Sana Malik", nameUr: "ثنا ملک", organisation: "Lahore Women's Chamber", role: "President (fictional)", bioEn: "Founded a textile export house in 2009 and mentors women-led micro enterprises.", bioUr: "2009 میں ٹیکسٹائل برآمدی ادارہ قائم کیا اور خواتین کے چھوٹے کاروباروں کی رہنمائی کرتی ہیں۔" },
  { slug: "bilal-chaudhry", name: "Bilal Chaudhry", nameUr: "بلال چوہدری", organisation: "Punjab SME Bank", role: "Head of SME lending (fictional)", bioEn: "Twenty years of small-business credit across Punjab.", bioUr: "پنجاب بھر میں چھوٹے کاروباری قرضوں کا بیس سالہ تجربہ۔" },
  { slug: "ayesha-siddiqui", name: "Ayesha Siddiqui", nameUr: "عائشہ صدیقی", organisation: "Trade Development Forum", role: "Director, export markets (fictional)", bioEn: "Works on market access for surgical, sports and leather goods.", bioUr: "سرجیکل، کھیلوں اور چمڑے کی مصنوعات کی منڈیوں تک رسائی پر کام کرتی ہیں۔" },
  { slug: "usman-tariq", name: "Usman Tariq", nameUr: "عثمان طارق", organisation: "Digital Pakistan Lab", role: "Founder (fictional)", bioEn: "Builds e-commerce and bookkeeping tools for micro enterprises.", bioUr: "چھوٹے کاروباروں کے لیے ای کامرس اور کھاتہ داری کے اوزار بناتے ہیں۔" },
  { slug: "nadia-hussain", name: "Nadia Hussain", nameUr: "نادیہ حسین", organisation: "Quality Standards Council", role: "Lead auditor (fictional)", bioEn: "Guides clusters through ISO and product certification.", bioUr: "کلسٹرز کو آئی ایس او اور مصنوعات کی سرٹیفیکیشن میں رہنمائی دیتی ہیں۔" },
  { slug: "kamran-sheikh", name: "Kamran Sheikh", nameUr: "کامران شیخ", organisation: "Sialkot Chamber of Commerce", role: "Vice President (fictional)", bioEn: "Exporter of sports goods; speaks for the Sialkot clusters.", bioUr: "کھیلوں کے سامان کے برآمد کنندہ؛ سیالکوٹ کے کلسٹرز کی نمائندگی کرتے ہیں۔" },
  { slug: "maria-javed", name: "Maria Javed", nameUr: "ماریہ جاوید", organisation: "Microfinance Network", role: "Programme manager (fictional)", bioEn: "Designs credit products for women-owned businesses.", bioUr: "خواتین کے کاروبار کے لیے قرض کی مصنوعات تیار کرتی ہیں۔" },
  { slug: "hamza-ali", name: "Hamza Ali", nameUr: "حمزہ علی", organisation: "Business journalist", role: "Moderator (fictional)", bioEn: "Hosts a weekly programme on small business.", bioUr: "چھوٹے کاروبار پر ہفتہ وار پروگرام کے میزبان۔" },
];

type Demo = { kind: SessionKind; track: Track; en: string; ur: string; day: number; at: string; until: string; room: number; access?: SessionAccess; lang?: "en" | "ur"; interp?: boolean; people?: [string, "speaker" | "moderator"][] };

const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const sessions2026: Demo[] = [
  { kind: "ceremony", track: "general", en: "Opening ceremony", ur: "افتتاحی تقریب", day: 1, at: "10:00", until: "11:00", room: 0, interp: true, people: [["chief-guest", "speaker"], ["ahmed-raza", "speaker"], ["hamza-ali", "moderator"]] },
  { kind: "break", track: "general", en: "Tea break", ur: "چائے کا وقفہ", day: 1, at: "11:00", until: "11:30", room: 0 },
  { kind: "panel", track: "exports", en: "From cluster to container: first steps to export", ur: "کلسٹر سے کنٹینر تک: برآمد کے پہلے قدم", day: 1, at: "11:30", until: "12:30", room: 0, people: [["ayesha-siddiqui", "speaker"], ["kamran-sheikh", "speaker"], ["hamza-ali", "moderator"]] },
  { kind: "panel", track: "finance", en: "Access to finance for micro enterprises", ur: "چھوٹے کاروبار کے لیے مالیات تک رسائی", day: 1, at: "14:00", until: "15:00", room: 1, people: [["bilal-chaudhry", "speaker"], ["maria-javed", "speaker"], ["ahmed-raza", "moderator"]] },
  { kind: "cluster_showcase", track: "clusters", en: "Sialkot clusters showcase", ur: "سیالکوٹ کلسٹرز شوکیس", day: 1, at: "15:30", until: "16:30", room: 2, people: [["kamran-sheikh", "speaker"]] },
  { kind: "keynote", track: "women_entrepreneurs", en: "Women-led enterprises: growing beyond the home workshop", ur: "خواتین کے کاروبار: گھریلو ورکشاپ سے آگے", day: 2, at: "10:00", until: "10:45", room: 0, interp: true, people: [["sana-malik", "speaker"]] },
  { kind: "panel", track: "women_entrepreneurs", en: "Credit, markets and mentors for women entrepreneurs", ur: "خواتین کاروباریوں کے لیے قرض، منڈیاں اور رہنما", day: 2, at: "11:00", until: "12:00", room: 0, people: [["sana-malik", "speaker"], ["maria-javed", "speaker"], ["hamza-ali", "moderator"]] },
  { kind: "panel", track: "finance", en: "Export credit and insurance for small exporters", ur: "چھوٹے برآمد کنندگان کے لیے برآمدی قرض اور بیمہ", day: 2, at: "12:00", until: "13:00", room: 1, people: [["bilal-chaudhry", "speaker"], ["ayesha-siddiqui", "speaker"], ["kamran-sheikh", "moderator"]] },
  { kind: "break", track: "general", en: "Lunch and prayer break", ur: "ظہرانہ اور نماز کا وقفہ", day: 2, at: "13:00", until: "14:00", room: 0 },
  { kind: "panel", track: "digital", en: "Selling online: e-commerce for small manufacturers", ur: "آن لائن فروخت: چھوٹے صنعت کاروں کے لیے ای کامرس", day: 2, at: "14:00", until: "15:00", room: 1, people: [["usman-tariq", "speaker"], ["ayesha-siddiqui", "speaker"]] },
  { kind: "workshop", track: "digital", en: "Workshop: digital bookkeeping in Urdu", ur: "ورکشاپ: اردو میں ڈیجیٹل کھاتہ داری", day: 2, at: "15:15", until: "16:15", room: 2, people: [["usman-tariq", "speaker"]] },
  { kind: "policy_dialogue", track: "policy", en: "Policy dialogue: an SME policy that works for clusters", ur: "پالیسی ڈائیلاگ: کلسٹرز کے لیے مؤثر ایس ایم ای پالیسی", day: 2, at: "16:00", until: "17:30", room: 0, access: "invitation", lang: "en", interp: true, people: [["chief-guest", "speaker"], ["ahmed-raza", "speaker"], ["bilal-chaudhry", "speaker"], ["sana-malik", "speaker"], ["hamza-ali", "moderator"]] },
  { kind: "panel", track: "standards", en: "Standards and certification: the passport to export", ur: "معیارات اور سرٹیفیکیشن: برآمد کا پاسپورٹ", day: 3, at: "10:30", until: "11:30", room: 0, people: [["nadia-hussain", "speaker"], ["kamran-sheikh", "speaker"], ["ayesha-siddiqui", "moderator"]] },
  { kind: "panel", track: "clusters", en: "Cluster development: common facility centres", ur: "کلسٹر کی ترقی: مشترکہ سہولت مراکز", day: 3, at: "12:00", until: "13:00", room: 1, people: [["ahmed-raza", "speaker"], ["nadia-hussain", "speaker"], ["hamza-ali", "moderator"]] },
  { kind: "panel", track: "exports", en: "Meeting global buyers: what sourcing teams look for", ur: "عالمی خریداروں سے ملاقات: سورسنگ ٹیمیں کیا دیکھتی ہیں", day: 3, at: "14:00", until: "15:00", room: 2, people: [["ayesha-siddiqui", "speaker"], ["kamran-sheikh", "speaker"], ["maria-javed", "moderator"]] },
  { kind: "break", track: "general", en: "Tea break", ur: "چائے کا وقفہ", day: 3, at: "15:00", until: "15:30", room: 0 },
  { kind: "awards_ceremony", track: "general", en: "SME awards ceremony", ur: "ایس ایم ای ایوارڈز کی تقریب", day: 3, at: "16:00", until: "17:30", room: 0, interp: true, people: [["chief-guest", "speaker"], ["hamza-ali", "moderator"]] },
];

const draft2027: Demo[] = [
  { kind: "ceremony", track: "general", en: "Opening ceremony", ur: "افتتاحی تقریب", day: 1, at: "10:00", until: "11:00", room: 0, people: [["ahmed-raza", "speaker"]] },
  { kind: "panel", track: "exports", en: "Export readiness: a year on", ur: "برآمدی تیاری: ایک سال بعد", day: 1, at: "11:30", until: "12:30", room: 0, people: [["ayesha-siddiqui", "speaker"]] },
];

async function seedRoomsAndSessions(tx: Executor, editionId: string, list: Demo[], now: Date): Promise<boolean> {
  const [have] = await tx.select({ id: programmeRooms.id }).from(programmeRooms).where(eq(programmeRooms.editionId, editionId)).limit(1);
  if (have) return false;
  // A room on the floor map where the edition's plan has its area (the demo floor is seeded first).
  const areas = new Map((await tx.select({ id: floorAreas.id, code: floorAreas.code }).from(floorAreas).where(eq(floorAreas.editionId, editionId))).map((a) => [a.code, a.id]));
  const roomIds = (await tx.insert(programmeRooms).values(rooms.map(({ area, ...r }) => ({ ...r, editionId, floorAreaId: (area && areas.get(area)) || null }))).returning({ id: programmeRooms.id })).map((r) => r.id);
  const speakerRows = await tx.insert(programmeSpeakers).values(speakers.map((p) => ({ ...p, editionId }))).returning({ id: programmeSpeakers.id, slug: programmeSpeakers.slug });
  const speakerId = new Map(speakerRows.map((p) => [p.slug, p.id]));
  for (const s of list) {
    const [row] = await tx
      .insert(programmeSessions)
      .values({
        editionId,
        roomId: roomIds[s.room]!,
        kind: s.kind,
        track: s.track,
        titleEn: s.en,
        titleUr: s.ur,
        day: s.day,
        startMinute: m(s.at),
        endMinute: m(s.until),
        language: s.lang ?? "ur",
        interpretation: s.interp ?? false,
        access: s.access ?? "open",
        updatedAt: now,
      })
      .returning({ id: programmeSessions.id });
    const people = s.people ?? [];
    if (people.length)
      await tx.insert(programmeSessionSpeakers).values(people.map(([slug, role], i) => ({ editionId, sessionId: row!.id, speakerId: speakerId.get(slug)!, role, sort: i })));
  }
  return true;
}

/** Seed the show's released agenda, and next year's draft when that edition exists. */
export async function seedDemoAgenda(tx: Executor, editionId: string, nextEditionId: string | null, now: Date): Promise<void> {
  if (await seedRoomsAndSessions(tx, editionId, sessions2026, now)) {
    const sessions: SessionSnapshot[] = await snapshotDraft(tx, editionId);
    const [released] = await tx.select({ id: programmeReleases.id }).from(programmeReleases).where(and(eq(programmeReleases.editionId, editionId), eq(programmeReleases.number, 1)));
    if (!released)
      await tx.insert(programmeReleases).values({ editionId, number: 1, name: "Programme announced", sessions, changes: diffReleases(null, sessions), releasedAt: new Date(Date.UTC(2026, 0, 10, 7)) });
  }
  if (nextEditionId) await seedRoomsAndSessions(tx, nextEditionId, draft2027, now);
  await seedSeatsAndDoors(tx, editionId, now);
}

const FULL_WORKSHOP = "Workshop: digital bookkeeping in Urdu";

/**
 * Once the show has its visitors (the footfall demo, after its days): the bookkeeping workshop is
 * full with six people on its waitlist, and the opening ceremony's door admitted a few dozen
 * badges (with two refusals at the policy dialogue's door). Rows straight into the tables, in
 * arrival order; nothing is emailed. Skipped when there are not enough visitors, or already done.
 */
async function seedSeatsAndDoors(tx: Executor, editionId: string, now: Date): Promise<void> {
  const list = await tx
    .select({ id: programmeSessions.id, titleEn: programmeSessions.titleEn, day: programmeSessions.day, startMinute: programmeSessions.startMinute, roomId: programmeSessions.roomId })
    .from(programmeSessions)
    .where(eq(programmeSessions.editionId, editionId));
  const workshop = list.find((s) => s.titleEn === FULL_WORKSHOP);
  const opening = list.find((s) => s.titleEn === "Opening ceremony");
  const dialogue = list.find((s) => s.titleEn.startsWith("Policy dialogue"));
  if (!workshop || !opening || !dialogue) return;
  const [taken] = await tx.select({ id: programmeRsvps.id }).from(programmeRsvps).where(eq(programmeRsvps.sessionId, workshop.id)).limit(1);
  if (taken) return;
  const [room] = await tx.select({ capacity: programmeRooms.capacity }).from(programmeRooms).where(eq(programmeRooms.id, workshop.roomId));
  const people = await tx
    .select({ id: registrations.id, number: registrations.number })
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), eq(registrations.status, "approved")))
    .orderBy(asc(registrations.number))
    .limit(room!.capacity + 6);
  if (people.length < room!.capacity + 6) return;
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 12, 9) + minutes * 60_000);
  await tx.insert(programmeRsvps).values(people.map((p, i) => ({ sessionId: workshop.id, registrationId: p.id, createdAt: at(i), status: i < room!.capacity ? ("seated" as const) : ("waitlisted" as const) })));
  // Before a session starts, at its door (the show opens 2026-01-24; Lahore is UTC+5).
  const before = (s: { day: number; startMinute: number }, minutes: number) => new Date(Date.UTC(2026, 0, 23 + s.day) + (s.startMinute - 300 - minutes) * 60_000);
  const doors = people.slice(0, 36).map((p, i) => ({
    editionId,
    sessionId: opening.id,
    nonce: `demo-door-${p.number}`,
    code: `demo-badge-${p.number}`,
    registrationId: p.id,
    result: "admit" as const,
    reason: "ok",
    deviceId: "demo-door",
    scannedAt: new Date(before(opening, 10).getTime() + i * 35_000),
    uploadedAt: now,
  }));
  const refused = people.slice(40, 42).map((p, i) => ({
    ...doors[0]!,
    sessionId: dialogue.id,
    nonce: `demo-door-${p.number}`,
    code: `demo-badge-${p.number}`,
    registrationId: p.id,
    result: "refuse" as const,
    reason: "not_invited",
    scannedAt: before(dialogue, 5 - i),
  }));
  await tx.insert(programmeDoorScans).values([...doors, ...refused]);
}

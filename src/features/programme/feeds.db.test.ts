import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SaxesParser } from "saxes";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import type { Actor } from "../../platform/permissions/actor";
import { saveRoom, saveSession } from "./operations/draft";
import { agendaFrabXml, publicAgenda } from "./operations/public";
import { publishRelease } from "./operations/release";
import * as embed from "./pages/embed";

// Issue #13, agenda item 3: the open feed of the schedule in frab's XML. Parsed by a strict XML
// parser (saxes, exceljs's): well-formed, one <event> per released session, guids that stay the
// same when a session is edited and released again.

let t: TestDb;
let staff: Actor;

interface FrabEvent {
  guid: string;
  fields: Record<string, string>;
  persons: string[];
}

/** Every <event> of a schedule.xml with its child elements' text; throws on malformed XML. */
function parseEvents(xml: string): { events: FrabEvent[]; days: number } {
  const parser = new SaxesParser();
  const events: FrabEvent[] = [];
  let days = 0;
  let current: FrabEvent | null = null;
  let field: string | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (node) => {
    if (node.name === "day") days++;
    if (node.name === "event") current = { guid: String(node.attributes.guid), fields: {}, persons: [] };
    else if (current) field = node.name;
    if (current && node.name === "person") current.persons.push("");
  });
  parser.on("text", (text) => {
    if (current && field === "person") current.persons[current.persons.length - 1] += text;
    else if (current && field) current.fields[field] = (current.fields[field] ?? "") + text;
  });
  parser.on("closetag", (node) => {
    if (node.name === "event" && current) {
      events.push(current);
      current = null;
    }
    field = null;
  });
  parser.write(xml).close();
  return { events, days };
}

beforeAll(async () => {
  t = await openTestDb();
  await demoShow(t.db, "showcase-2026");
  staff = await actorFor(t.db, demo.organiser);
});
afterAll(() => t?.close());

describe(`the frab schedule.xml feed (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("publishes the show's released agenda: one event per session, with its guid, time, room and persons", async () => {
    const anon = ctxFor(t.db);
    const agenda = await publicAgenda(anon, { slug: "showcase-2026" });
    const xml = await agendaFrabXml(anon, { slug: "showcase-2026", locale: "en" });
    const { events, days } = parseEvents(xml);
    expect(days).toBe(agenda.edition.dayCount);
    expect(events.map((e) => e.guid).sort()).toEqual(agenda.sessions.map((s) => s.id).sort());
    const first = agenda.sessions[0]!;
    const ev = events.find((e) => e.guid === first.id)!;
    expect(ev.fields.title).toBe(first.titleEn);
    expect(ev.fields.room).toBe(first.roomEn);
    expect(ev.fields.duration).toMatch(/^\d\d:\d\d$/);
    expect(ev.fields.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+05:00$/);
    const withSpeakers = agenda.sessions.find((s) => s.speakers.length > 0)!;
    expect(events.find((e) => e.guid === withSpeakers.id)!.persons).toEqual(withSpeakers.speakers.map((p) => p.name));
    // Urdu: the same events, Urdu titles.
    const ur = parseEvents(await agendaFrabXml(anon, { slug: "showcase-2026", locale: "ur" }));
    expect(ur.events.find((e) => e.guid === first.id)!.fields.title).toBe(first.titleUr);
  });

  it("keeps an edited session's guid across releases, escapes markup, and refuses an unknown edition", async () => {
    const ctx = ctxFor(t.db, staff);
    const editionId = (await publicAgenda(ctx, { slug: "sme-showcase-2027" })).edition.id;
    const roomId = (await saveRoom(ctx, { editionId, slug: "frab-room", nameEn: "Frab room", nameUr: "فریب کمرہ", capacity: 20 })).id;
    const base = { editionId, kind: "panel" as const, track: "exports" as const, titleUr: "برآمدات", day: 1, startMinute: 600, endMinute: 660, roomId };
    const s = await saveSession(ctx, { ...base, titleEn: "Exports" });
    await publishRelease(ctx, { editionId, name: "Frab one" });
    const before = parseEvents(await agendaFrabXml(ctx, { slug: "sme-showcase-2027", locale: "en" }));
    const count = before.events.length;
    expect(before.events.find((e) => e.guid === s.id)!.fields.title).toBe("Exports");

    await saveSession(ctx, { ...base, id: s.id, titleEn: "Exports & <finance> \"2027\"", startMinute: 630, endMinute: 720 });
    await publishRelease(ctx, { editionId, name: "Frab two" });
    const after = parseEvents(await agendaFrabXml(ctx, { slug: "sme-showcase-2027", locale: "en" }));
    expect(after.events).toHaveLength(count);
    const moved = after.events.find((e) => e.guid === s.id)!;
    expect(moved.fields.title).toBe('Exports & <finance> "2027"');
    expect([moved.fields.start, moved.fields.duration]).toEqual(["10:30", "01:30"]);

    await expect(agendaFrabXml(ctxFor(t.db), { slug: "no-such-edition", locale: "en" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe(`the embeddable agenda widget (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  const widget = async (url: string) => {
    const r = (await embed.loader({ request: new Request(`http://numaish.test${url}`), params: { slug: "showcase-2026" }, context: { ctx: ctxFor(t.db) } } as never)) as Response;
    return { type: r.headers.get("content-type"), html: await r.text() };
  };

  it("is a light HTML page of the released agenda, without scripts or site chrome, in English and in Urdu (right to left)", async () => {
    const agenda = await publicAgenda(ctxFor(t.db), { slug: "showcase-2026" });
    const en = await widget("/editions/showcase-2026/programme/embed");
    expect(en.type).toBe("text/html; charset=utf-8");
    expect(en.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(en.html).not.toMatch(/<script|<nav|rel="stylesheet"/);
    const titles = agenda.sessions.filter((s) => s.kind !== "break");
    for (const s of titles) expect(en.html).toContain(`http://numaish.test/editions/showcase-2026/programme/sessions/${s.id}`);
    expect(en.html.length).toBeLessThan(30_000);
    const ur = await widget("/editions/showcase-2026/programme/embed?lang=ur");
    expect(ur.html).toMatch(/^<!doctype html><html lang="ur" dir="rtl">/);
    expect(ur.html).toContain(agenda.sessions[0]!.titleUr);
    expect(ur.html).toContain("مکمل ایجنڈا");
    expect(ur.html).toContain(`/sessions/${titles[0]!.id}?lang=ur`);
  });
});

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { renderSchedulePdf } from "./schedule-pdf";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function text(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "schedule-"));
  dirs.push(dir);
  await writeFile(join(dir, "s.pdf"), pdf);
  return (await run("pdftotext", [join(dir, "s.pdf"), "-"])).stdout;
}

describe("the printable schedule", () => {
  it("has every meeting in English and in Urdu, with the Urdu font embedded", async () => {
    const { pdf, urduRendered } = await renderSchedulePdf({
      titleEn: "B2B meeting schedule",
      titleUr: "بی ٹو بی ملاقاتوں کا شیڈول",
      editionEn: "Showcase 2026",
      editionUr: "نمائش ۲۰۲۶",
      who: "Sialkot Instruments Ltd",
      noneEn: "No meetings",
      noneUr: "کوئی ملاقات نہیں",
      rows: [
        { dayEn: "Day 1 — 2026-03-12", dayUr: "دن 1 — 2026-03-12", time: "10:00–10:20", en: "With Acme Traders · Table 4, B2B lounge · Scheduled", ur: "ایکمی ٹریڈرز کے ساتھ · میز 4، بی ٹو بی لاؤنج · طے شدہ", cancelled: false },
        { dayEn: "Day 1 — 2026-03-12", dayUr: "دن 1 — 2026-03-12", time: "10:20–10:40", en: "With Lahore Bank · Cancelled", ur: "لاہور بینک کے ساتھ · منسوخ", cancelled: true },
      ],
    });
    expect(urduRendered).toBe(true);
    expect(pdf.toString("latin1")).toMatch(/NotoNastaliqUrdu/);
    const out = await text(pdf);
    expect(out).toContain("B2B meeting schedule");
    expect(out).toContain("Acme Traders");
    expect(out).toContain("10:20–10:40");
    // The Urdu words come back from the shaped glyphs (their ToUnicode map).
    expect(out).toMatch(/منسوخ|ملاقات|لاہور/);
    // Numbers in the Urdu lines are Urdu digits (the Nastaliq font has no Latin ones).
    expect(out).toMatch(/[۰-۹]/);
  }, 30_000);
});

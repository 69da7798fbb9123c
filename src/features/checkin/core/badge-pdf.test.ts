import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { encodeBadge, generateEditionKeyPair, verifyBadge } from "./badge-code";
import { defaultUrduFontPath, renderBadgePdf, textColourOn } from "./badge-pdf";
import { formatShortCode } from "./short-code";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Rasterise page 1 at 150 dpi with pdftoppm and read the QR code back. */
async function readQr(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), "badge-"));
  dirs.push(dir);
  await writeFile(join(dir, "b.pdf"), pdf);
  await run("pdftoppm", ["-png", "-r", "150", "-singlefile", join(dir, "b.pdf"), join(dir, "b")]);
  const png = PNG.sync.read(await readFile(join(dir, "b.png")));
  // A6 (105 x 148 mm) at 150 dpi: pdftoppm rounds 620.1 x 874.0 up.
  expect([png.width, png.height]).toEqual([621, 875]);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

const keys = generateEditionKeyPair();
const claims = { edition: 0xbeef, registrationNo: 1042, category: 1, days: 0b111, zones: 0b101, serial: 0, validFrom: 20524, validTo: 20526 };
const base = {
  editionName: "SME Cluster Expo 2026, Expo Centre Lahore",
  name: "Ayesha Siddiqui",
  organisation: "Sialkot Surgical Instruments Association",
  categoryName: "Buyer",
  colour: "#1f6feb",
  footer: "No. 1042 · 12–14 March 2026",
};

describe("renderBadgePdf", () => {
  it("prints an A6 badge whose QR, read back from the rendered page, verifies", async () => {
    const code = encodeBadge(claims, keys.privateKey, keys.keyId);
    const { pdf, urduRendered } = await renderBadgePdf({ ...base, code, nameUr: "عائشہ صدیقی", categoryNameUr: "خریدار" });
    expect(urduRendered).toBe(true);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const read = await readQr(pdf);
    expect(read).toBe(code);
    expect(verifyBadge(read, { [keys.keyId]: keys.publicKey }, 0xbeef)).toMatchObject({ ok: true, payload: { registrationNo: 1042 } });
  });

  it("prints the short code under the QR, as text a PDF reader finds, and the QR still reads", async () => {
    const code = encodeBadge(claims, keys.privateKey, keys.keyId);
    const shortCode = formatShortCode(2026, 1042);
    const { pdf } = await renderBadgePdf({ ...base, code, nameUr: "عائشہ صدیقی", shortCode });
    const dir = await mkdtemp(join(tmpdir(), "badge-"));
    dirs.push(dir);
    await writeFile(join(dir, "b.pdf"), pdf);
    const { stdout } = await run("pdftotext", ["-layout", join(dir, "b.pdf"), "-"]);
    expect(stdout).toContain(shortCode);
    expect(stdout).toContain("No. 1042");
    expect(await readQr(pdf)).toBe(code);
    await expect(renderBadgePdf({ ...base, code, shortCode: "2026-1042" })).rejects.toThrow();
  });

  it("embeds the Urdu font from @fontsource (pdfkit reads WOFF)", async () => {
    expect(defaultUrduFontPath()).toMatch(/noto-nastaliq-urdu-arabic-400-normal\.woff$/);
    const code = encodeBadge(claims, keys.privateKey, keys.keyId);
    const withUrdu = await renderBadgePdf({ ...base, code, nameUr: "عائشہ صدیقی" });
    const latinOnly = await renderBadgePdf({ ...base, code });
    expect(withUrdu.pdf.toString("latin1")).toMatch(/NotoNastaliqUrdu/);
    expect(latinOnly.pdf.toString("latin1")).not.toMatch(/NotoNastaliqUrdu/);
  });

  it("prints Urdu that fontkit's mark positioning cannot lay out (ٹ before ی, a zer), with its font", async () => {
    // Both threw "Cannot read properties of null (reading 'xCoordinate')" inside fontkit before
    // urdu-shaping.ts: the badge answered 500.
    for (const [serial, text] of [[4, "ٹیکسٹائلز"], [5, "سندِ امتیاز"]] as const) {
      const code = encodeBadge({ ...claims, serial }, keys.privateKey, keys.keyId);
      const { pdf, urduRendered } = await renderBadgePdf({ ...base, code, nameUr: text, organisation: `${text} لمیٹڈ`, categoryNameUr: text });
      expect(urduRendered).toBe(true);
      expect(pdf.toString("latin1")).toMatch(/NotoNastaliqUrdu/);
      expect(await readQr(pdf)).toBe(code);
    }
  });

  it("still prints, Latin only, when the Urdu font is missing", async () => {
    const code = encodeBadge({ ...claims, serial: 3 }, keys.privateKey, keys.keyId);
    const { pdf, urduRendered } = await renderBadgePdf({ ...base, code, nameUr: "عائشہ", urduFontPath: "/nonexistent/font.ttf", colour: "#ffd33d" });
    expect(urduRendered).toBe(false);
    expect(await readQr(pdf)).toBe(code);
  });

  it("refuses bad input and picks readable band text", async () => {
    await expect(renderBadgePdf({ ...base, code: "not digits" })).rejects.toThrow();
    await expect(renderBadgePdf({ ...base, code: "123", colour: "blue" })).rejects.toThrow();
    expect(textColourOn("#ffd33d")).toBe("#000000");
    expect(textColourOn("#1f3a93")).toBe("#ffffff");
  });
});

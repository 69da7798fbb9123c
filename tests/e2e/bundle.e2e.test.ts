import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the browser downloads is built in tests/support/global-e2e.ts: no server-only library may
// reach it (the spreadsheet reader once did, through a barrel import on four pages: 938 KB).
const assets = path.resolve("build/client/assets");
const SERVER_ONLY = ["exceljs", "JSZip", "pdfkit", "nodemailer", "drizzle-orm", "@electric-sql/pglite", "argon2", "echarts", "zrender"];

describe("the browser bundle", () => {
  it("holds no server-only library", () => {
    const files = fs.readdirSync(assets).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) => {
      const text = fs.readFileSync(path.join(assets, f), "utf8");
      return SERVER_ONLY.filter((lib) => text.includes(lib)).map((lib) => `${lib} in ${f}`);
    });
    expect(found).toEqual([]);
  });
});

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { layers } from "./feature-layers.js";

// The rule is active in the project's own lint configuration (what `npm run lint` runs), not only
// defined: each case lints a text as if it were the named file.
const eslint = new ESLint({ cwd: process.cwd() });
async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "numaish/feature-layers").map((m) => m.message);
}

describe("numaish/feature-layers in npm run lint", () => {
  it("fails a feature that imports a feature of a higher layer (a cycle in the making)", async () => {
    const found = await problems("src/features/editions/example.ts", 'import { x } from "../checkin/tables";\nexport const y = x;\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("editions may not import checkin");
  });

  it("fails the second edge of a two-feature cycle whichever way it is written", async () => {
    // nominations is below selection: selection may import nominations, never the reverse.
    expect(await problems("src/features/selection/pages/example.tsx", 'export * from "../../nominations/engine";\n')).toEqual([]);
    expect(await problems("src/features/nominations/pages/example.tsx", 'export * from "../../selection/engine";\n')).toHaveLength(1);
    expect(await problems("src/features/nominations/example.ts", 'export const m = () => import("../selection/engine");\n')).toHaveLength(1);
  });

  it("fails platform importing any feature, and a feature importing the composition root", async () => {
    expect(await problems("src/platform/example.ts", 'import { en } from "../features/editions/tables";\nexport { en };\n')).toHaveLength(1);
    expect(await problems("src/features/home/example.ts", 'import { en } from "../../messages";\nexport { en };\n')).toHaveLength(1);
    expect(await problems("src/features/home/example.ts", 'import { useT } from "../../web/i18n";\nexport { useT };\n')).toEqual([]);
  });

  it("fails a feature folder that has no decided layer", async () => {
    expect(await problems("src/features/newthing/example.ts", "export const a = 1;\n")).toHaveLength(1);
  });

  it("knows every feature folder that exists", async () => {
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync("src/features", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !layers.includes(f))).toEqual([]);
  });
});

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The rule is active in the project's own lint configuration (what `npm run lint` runs), not only
// defined: each case lints a text as if it were the named file.
const eslint = new ESLint({ cwd: process.cwd() });
async function problems(filePath: string, code: string, rule = "numaish/feature-surfaces") {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe("numaish/feature-surfaces in npm run lint", () => {
  it("fails a feature that reaches into another feature's internals, however the path is written", async () => {
    const found = await problems("src/features/registration/operations/example.ts", 'import { editions } from "../../editions/tables";\nexport const y = editions;\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("registration may not reach into editions's internals");
    expect(found[0]).toContain("#features/editions");
    expect(await problems("src/features/registration/example.ts", 'export { editionDayCount } from "../editions/days";\n')).toHaveLength(1);
    expect(await problems("src/features/registration/example.ts", 'export * from "../editions/days";\n')).toHaveLength(1);
    expect(await problems("src/features/registration/example.ts", 'export const m = () => import("../editions/days");\n')).toHaveLength(1);
    expect(await problems("src/features/registration/example.ts", 'import { editions } from "#features/editions/tables";\nexport const y = editions;\n')).toHaveLength(1);
  });

  it("passes the surface and its browser-safe part, the feature's own modules, and a shared stylesheet", async () => {
    expect(await problems("src/features/registration/example.ts", 'import { editions } from "#features/editions";\nexport const y = editions;\n')).toEqual([]);
    expect(await problems("src/features/registration/pages/example.tsx", 'import { editionDayCount } from "#features/editions/client";\nexport const y = editionDayCount;\n')).toEqual([]);
    expect(await problems("src/features/registration/pages/example.tsx", 'import { registrations } from "../tables";\nexport const y = registrations;\n')).toEqual([]);
    expect(await problems("src/features/exhibitors/pages/example.tsx", 'import "../../floor/pages/floor-map.css";\n')).toEqual([]);
  });

  it("fails a feature importing itself through its own surface (the surface would import itself)", async () => {
    expect(await problems("src/features/editions/operations/example.ts", 'import { editions } from "#features/editions";\nexport const y = editions;\n')).toHaveLength(1);
  });

  it("exempts tests and the composition root", async () => {
    expect(await problems("src/features/registration/example.test.ts", 'import { editions } from "../editions/tables";\nexport const y = editions;\n')).toEqual([]);
    expect(await problems("src/wiring.ts", 'import { checkinBadgePort } from "./features/checkin/badge-port";\nexport const y = checkinBadgePort;\n')).toEqual([]);
  });

  it("leaves the layer rule reading imports through the aliases: an upward surface import still fails", async () => {
    const found = await problems("src/features/editions/example.ts", 'import { badges } from "#features/checkin";\nexport const y = badges;\n', "numaish/feature-layers");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("editions may not import checkin");
    expect(await problems("src/features/editions/pages/example.tsx", 'import { x } from "#features/checkin/client";\nexport const y = x;\n', "numaish/feature-layers")).toHaveLength(1);
    expect(await problems("src/platform/example.ts", 'import { editions } from "#features/editions";\nexport const y = editions;\n', "numaish/feature-layers")).toHaveLength(1);
    expect(await problems("src/features/checkin/example.ts", 'import { editions } from "#features/editions";\nexport const y = editions;\n', "numaish/feature-layers")).toEqual([]);
  });
});

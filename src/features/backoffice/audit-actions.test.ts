import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions, auditEntityTypes } from "../../platform/audit/actions";
import { translator } from "../../platform/i18n/translate";
import { en, ur } from "../../messages";
import { auditLines, fieldName, formatValue } from "./components/audit-data";

const arabicScript = /[\u0600-\u06FF]/;

/** Every .ts file under src that writes an audit entry, with the action strings it names. */
function actionsUsedInSource(): { file: string; action: string }[] {
  const found: { file: string; action: string }[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) {
        const text = readFileSync(p, "utf8");
        if (!text.includes("recordAudit(")) continue;
        // `action: "x.y"`, `? "x.y" : "x.z"` after action:, and the literals of a computed action.
        for (const m of text.matchAll(/action\s*[:=][^;,}\n]*/g)) {
          for (const lit of m[0].matchAll(/"([a-z_]+\.[a-zA-Z_]+)"/g)) found.push({ file: p, action: lit[1]! });
        }
      }
    }
  };
  walk(join(__dirname, "../.."));
  return found;
}

describe("audit actions", () => {
  it("has an English and an Urdu name for every action and entity type", () => {
    const keys = [...auditActions.map((a) => `bo.audit.action.${a}`), ...auditEntityTypes.map((e) => `bo.audit.entity.${e}`)];
    const missing = keys.filter((k) => !(k in en) || !(k in ur) || !arabicScript.test((ur as Record<string, string>)[k]!));
    expect(missing).toEqual([]);
  });

  it("lists every action the code writes (and the source scan finds them)", () => {
    const used = actionsUsedInSource();
    expect(used.length).toBeGreaterThan(40);
    const unknown = used.filter((u) => !(auditActions as readonly string[]).includes(u.action));
    expect(unknown).toEqual([]);
  });

  it("has no action named twice", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    expect(new Set(auditEntityTypes).size).toBe(auditEntityTypes.length);
  });
});

describe("audit data as lines", () => {
  it("reads each recorded shape of a change", () => {
    expect(auditLines({ changes: { name: { before: "A", after: "B" } }, registrationNo: 7 })).toEqual([
      { kind: "change", field: "name", before: "A", after: "B" },
      { kind: "value", field: "registrationNo", value: 7 },
    ]);
    expect(auditLines({ changed: { startsOn: { from: "2026-01-01", to: "2026-01-02" } } })).toEqual([
      { kind: "change", field: "startsOn", before: "2026-01-01", after: "2026-01-02" },
    ]);
    expect(auditLines({ before: { slug: "a", nameEn: "X" }, after: { nameEn: "Y" } })).toEqual([{ kind: "change", field: "nameEn", before: "X", after: "Y" }]);
    expect(auditLines({ bucket: "visitor", from: 10, to: 20 })).toEqual([
      { kind: "change", field: "value", before: 10, after: 20 },
      { kind: "value", field: "bucket", value: "visitor" },
    ]);
    // A list of changed field names is a value, not a change.
    expect(auditLines({ changed: ["name"] })).toEqual([{ kind: "value", field: "changed", value: ["name"] }]);
  });

  it("names fields and formats values in the reader's language", () => {
    const t = translator("ur");
    expect(fieldName(t, "phone")).toBe("فون");
    expect(fieldName(translator("en"), "someNewField")).toBe("Some new field");
    expect(formatValue(t, "ur", "Asia/Karachi", "newAccount", true)).toBe("ہاں");
    expect(formatValue(t, "ur", "Asia/Karachi", "role", "visitor")).toBe(t("role.visitor"));
    expect(formatValue(translator("en"), "en", "Asia/Karachi", "days", [0, 2])).toBe("1 and 3");
    expect(formatValue(translator("en"), "en", "Asia/Karachi", "note", null)).toBe("(empty)");
    expect(formatValue(translator("en"), "en", "Asia/Karachi", "count", 1200)).toBe("1,200");
  });
});

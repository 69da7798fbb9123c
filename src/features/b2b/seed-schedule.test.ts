import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random";
import { demoRequests } from "./seed-requests";
import { demoBuyerRoster } from "./seed-roster";
import { interpreterFor } from "./core/run-input";

const available = { ur: 4, en: 4, zh: 2 };

describe("the demo's interpreters", () => {
  it("are needed only without a shared language, in the guest's language when there are interpreters of it, else the exhibitor's", () => {
    expect(interpreterFor(["ur", "en"], ["en", "ar"], available)).toBeNull();
    expect(interpreterFor(["ur", "en"], ["zh"], available)).toBe("zh");
    expect(interpreterFor(["ur"], ["zh", "en"], available)).toBe("zh");
    expect(interpreterFor(["ur"], ["tr", "en"], available)).toBe("en");
    expect(interpreterFor(["en"], ["ur"], available)).toBe("ur");
    expect(interpreterFor(["ur"], ["de"], available)).toBe("ur");
    expect(interpreterFor(["ur"], ["de"], {})).toBeNull();
  });
});

describe("the demo's roster and requests", () => {
  it("are the same on every run, of every kind, one request per pair and at most the cap per sender", () => {
    const a = demoBuyerRoster(seededRandom(1));
    expect(demoBuyerRoster(seededRandom(1))).toEqual(a);
    expect(new Set(a.map((b) => b.kind)).size).toBe(5);
    expect(a.filter((b) => b.delegation === "leader").length).toBe(1);
    const buyers = a.map((b, i) => ({ id: `b${i}`, kind: b.kind, facts: b.facts }));
    const smes = [
      { id: "s1", kind: "sme" as const, sector: "surgical-light-engineering", facts: { ...a[0]!.facts, hsCodes: ["9018.9000"], lookingFor: ["finance"], markets: ["DE"] } },
      { id: "s2", kind: "sme" as const, sector: "agro-food", facts: { ...a[0]!.facts, hsCodes: ["1006.3000", "0804.5020"], lookingFor: [], markets: [] } },
    ];
    const requests = demoRequests(seededRandom(2), smes, buyers, 1);
    expect(new Set(requests.map((r) => `${r.sme}|${r.buyer}`)).size).toBe(requests.length);
    const sent = new Map<string, number>();
    for (const r of requests) sent.set(r.requestedBy === "sme" ? r.sme : r.buyer, (sent.get(r.requestedBy === "sme" ? r.sme : r.buyer) ?? 0) + 1);
    expect(Math.max(...sent.values())).toBe(1);
  });
});

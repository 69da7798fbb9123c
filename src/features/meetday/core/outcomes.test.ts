import { describe, expect, it } from "vitest";
import { followUpDates, isPositive } from "./outcomes";
import { decideMeetingScan } from "./meeting-scan";

describe("outcome vocabulary", () => {
  it("follow-ups fall 30 days and 6 calendar months after the last day", () => {
    expect(followUpDates("2026-01-26")).toEqual({ d30: "2026-02-25", m6: "2026-07-26" });
    expect(followUpDates("2026-08-31")).toEqual({ d30: "2026-09-30", m6: "2027-02-28" });
  });
  it("positive outcomes", () => {
    expect(isPositive("mou")).toBe(true);
    expect(isPositive("no_interest")).toBe(false);
    expect(isPositive("information_exchanged")).toBe(false);
    expect(isPositive(null)).toBe(false);
  });
});

describe("meeting scan decision", () => {
  const payload = { registrationNo: 7, serial: 1 } as never;
  const meeting = { status: "scheduled" as const, smeNumbers: new Set([3, 4]), buyerNumber: 7 };
  const base = { verification: { ok: true as const, payload }, badge: { state: "valid" as const, currentSerial: 1 }, meeting, arrived: new Set<"sme" | "buyer">() };
  it("admits a side of the meeting, refuses others with a reason", () => {
    expect(decideMeetingScan(base)).toMatchObject({ result: "arrived", side: "buyer" });
    expect(decideMeetingScan({ ...base, meeting: { ...meeting, buyerNumber: 8 } })).toMatchObject({ result: "refuse", reason: "not_in_meeting" });
    expect(decideMeetingScan({ ...base, arrived: new Set(["buyer"]) })).toMatchObject({ result: "refuse", reason: "already_arrived" });
    expect(decideMeetingScan({ ...base, badge: { state: "valid", currentSerial: 2 } })).toMatchObject({ reason: "replaced" });
    expect(decideMeetingScan({ ...base, badge: { state: "revoked", currentSerial: 1 } })).toMatchObject({ reason: "revoked" });
    expect(decideMeetingScan({ ...base, badge: null })).toMatchObject({ reason: "unknown_code" });
    expect(decideMeetingScan({ ...base, meeting: { ...meeting, status: "cancelled" } })).toMatchObject({ reason: "meeting_cancelled" });
    expect(decideMeetingScan({ ...base, verification: { ok: false, code: "bad_signature" } })).toMatchObject({ reason: "bad_signature" });
  });
});

describe("dashboard figures", () => {
  const fact = (cluster: string, held: boolean, kind: string | null, value?: number) => ({
    held,
    noShow: !held,
    kind,
    value: value ? { amount: value, currency: "PKR" } : null,
    converted: false,
    groups: { sector: "textiles", cluster, province: "Punjab", size: "small", womenLed: "no", buyerKind: "investor", country: "PK" },
  });
  it("counts by group, sums values by currency, and hides small cells with their complement when published", async () => {
    const { figures } = await import("./figures");
    const facts = [...Array.from({ length: 8 }, () => fact("sialkot", true, "mou", 100)), fact("gujrat", true, "purchase_order", 50), fact("gujrat", false, null)];
    const open = figures(facts, { published: false });
    const cluster = open.tables.find((t) => t.dimension === "cluster")!;
    expect(cluster.rows.find((r) => r.key === "gujrat")).toMatchObject({ counts: { meetings: 2, held: 1, noShow: 1, positive: 1 }, values: { PKR: 50 } });
    expect(open.total).toMatchObject({ meetings: 10, held: 9, positive: 9 });
    const pub = figures(facts, { published: true });
    const pc = pub.tables.find((t) => t.dimension === "cluster")!;
    expect(pc.rows.find((r) => r.key === "gujrat")).toMatchObject({ counts: { meetings: null, held: null }, values: null });
    // Its complement in each column is hidden too, so the gujrat count cannot be worked out.
    expect(pc.rows.find((r) => r.key === "sialkot")!.counts.meetings).toBeNull();
    expect(pub.hiddenCells).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import type { VerifyResult } from "../../checkin/core/badge-format";
import { parseShortCode, formatShortCode } from "../../checkin/core/short-code";
import { detailsShared, parseTags, retentionCutoff } from "./consent";
import { decideLeadScan, type LeadScanFacts } from "./lead-scan";

const signed = (registrationNo: number, serial = 0): VerifyResult => ({ ok: true, payload: { registrationNo, serial } }) as unknown as VerifyResult;
const valid = { id: "r1", status: "approved", badge: { state: "valid" as const, currentSerial: 0 } };
const facts = (over: Partial<LeadScanFacts>): LeadScanFacts => ({ code: { kind: "signed", verification: signed(7) }, registration: valid, ...over });

describe("a scan at a stall", () => {
  it("counts a valid badge, signed or typed", () => {
    expect(decideLeadScan(facts({}))).toEqual({ result: "counted", reason: "ok", registrationId: "r1" });
    expect(decideLeadScan(facts({ code: { kind: "typed", parse: parseShortCode(formatShortCode(2026, 7)), year: 2026 } }))).toMatchObject({ result: "counted" });
  });
  it("refuses with the first failing reason", () => {
    expect(decideLeadScan(facts({ code: { kind: "signed", verification: { ok: false, code: "bad_signature" } } }))).toEqual({ result: "refuse", reason: "bad_signature" });
    expect(decideLeadScan(facts({ code: { kind: "typed", parse: { ok: false, reason: "bad_check" }, year: 2026 } }))).toEqual({ result: "refuse", reason: "bad_check" });
    expect(decideLeadScan(facts({ code: { kind: "typed", parse: parseShortCode(formatShortCode(2025, 7)), year: 2026 } }))).toEqual({ result: "refuse", reason: "foreign_edition" });
    expect(decideLeadScan(facts({ registration: null }))).toEqual({ result: "refuse", reason: "unknown_code" });
    expect(decideLeadScan(facts({ registration: { ...valid, status: "pending" } }))).toEqual({ result: "refuse", reason: "not_approved" });
    expect(decideLeadScan(facts({ registration: { ...valid, badge: null } }))).toEqual({ result: "refuse", reason: "unknown_code" });
    const typed = { kind: "typed" as const, parse: parseShortCode(formatShortCode(2026, 7)), year: 2026 };
    expect(decideLeadScan(facts({ code: typed, registration: { ...valid, badge: null } }))).toMatchObject({ result: "counted" });
    expect(decideLeadScan(facts({ code: typed, registration: { ...valid, status: "cancelled", badge: null } }))).toEqual({ result: "refuse", reason: "not_approved" });
    expect(decideLeadScan(facts({ registration: { ...valid, badge: { state: "revoked", currentSerial: 0 } } }))).toEqual({ result: "refuse", reason: "revoked" });
    expect(decideLeadScan(facts({ registration: { ...valid, badge: { state: "valid", currentSerial: 1 } } }))).toEqual({ result: "refuse", reason: "replaced" });
  });
});

describe("consent, retention and tags", () => {
  it("shares details only with consent or an accepted request, never after a withdrawal", () => {
    expect(detailsShared({ consentScan: true, touch: "none", withdrawn: false })).toBe(true);
    expect(detailsShared({ consentScan: false, touch: "pending", withdrawn: false })).toBe(false);
    expect(detailsShared({ consentScan: false, touch: "declined", withdrawn: false })).toBe(false);
    expect(detailsShared({ consentScan: false, touch: "accepted", withdrawn: false })).toBe(true);
    expect(detailsShared({ consentScan: true, touch: "accepted", withdrawn: true })).toBe(false);
  });
  it("deletes an edition's leads from its 90th day after the end", () => {
    expect(retentionCutoff("2026-04-26")).toBe("2026-01-26");
  });
  it("reads tags: trimmed, no empties, no duplicates whatever the case, at most ten", () => {
    expect(parseTags(" export, , Export ,distributor")).toEqual(["export", "distributor"]);
    expect(parseTags(Array.from({ length: 20 }, (_, i) => `t${i}`).join(","))).toHaveLength(10);
  });
});

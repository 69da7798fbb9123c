import { describe, expect, it } from "vitest";
import { retentionDue } from "./personal-data-port";

// Retention counts whole days from the day after the edition's last day (midnight UTC).
describe("retentionDue", () => {
  const edition = { endsOn: "2026-01-26" };
  it("is never due without a setting", () => {
    expect(retentionDue(edition, null, new Date("2036-01-01T00:00:00Z"))).toBe(false);
  });
  it("is due from the end of the last day plus the days, not a moment before", () => {
    expect(retentionDue(edition, 0, new Date("2026-01-26T23:59:59Z"))).toBe(false);
    expect(retentionDue(edition, 0, new Date("2026-01-27T00:00:00Z"))).toBe(true);
    expect(retentionDue(edition, 30, new Date("2026-02-25T23:59:59Z"))).toBe(false);
    expect(retentionDue(edition, 30, new Date("2026-02-26T00:00:00Z"))).toBe(true);
  });
});

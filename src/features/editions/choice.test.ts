import { describe, expect, it } from "vitest";
import { defaultScanEdition } from "./choice";

const e = (name: string, status: "published" | "draft", startsOn: string, endsOn: string) => ({ name, status, startsOn, endsOn });

describe("the edition a scanner opens on", () => {
  const past = e("2026", "published", "2026-01-24", "2026-01-26");
  const draftNext = e("2027", "draft", "2027-01-23", "2027-01-25");
  it("prefers a published edition to next year's draft copy", () => {
    expect(defaultScanEdition([draftNext, past], "2026-11-24")?.name).toBe("2026");
  });
  it("takes the one running today, else the next to come, else the latest past", () => {
    const running = e("now", "published", "2026-11-23", "2026-11-25");
    const soon = e("soon", "published", "2026-12-10", "2026-12-12");
    const later = e("later", "published", "2027-03-01", "2027-03-03");
    expect(defaultScanEdition([past, later, soon, running], "2026-11-24")?.name).toBe("now");
    expect(defaultScanEdition([past, later, soon], "2026-11-24")?.name).toBe("soon");
    expect(defaultScanEdition([e("older", "published", "2025-01-01", "2025-01-03"), past], "2026-11-24")?.name).toBe("2026");
    expect(defaultScanEdition([draftNext], "2026-11-24")?.name).toBe("2027");
    expect(defaultScanEdition([], "2026-11-24")).toBeUndefined();
  });
});

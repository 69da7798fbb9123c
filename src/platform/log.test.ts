import { describe, expect, it } from "vitest";
import { loggablePath } from "./log";

describe("loggablePath", () => {
  it("hides token-like segments and keeps ids and words", () => {
    expect(loggablePath("/registration/AbCdEfGhIjKlMnOpQrStUvWx")).toBe("/registration/:secret");
    expect(loggablePath("/reset-password/abc_DEF-123456789012345")).toBe("/reset-password/:secret");
    expect(loggablePath("/back-office/editions/6f1c2b4e-0d0a-4c2e-9a55-2b1e5f7c8d90/footfall")).toBe("/back-office/editions/6f1c2b4e-0d0a-4c2e-9a55-2b1e5f7c8d90/footfall");
    expect(loggablePath("/editions/sme-showcase-2027/register")).toBe("/editions/sme-showcase-2027/register");
  });
});

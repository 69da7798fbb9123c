import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes, ends lines with CRLF and neutralises every formula-like text cell", () => {
    const text = toCsv([
      ["name", "n", "ok"],
      ['=HYPERLINK("http://evil")', -3, true],
      ["+1", null, false],
      ["@SUM(A1)", 0, "a,b"],
      ["\tx", 1, "line\nbreak"],
    ]);
    expect(text).toBe(
      'name,n,ok\r\n"\'=HYPERLINK(""http://evil"")",-3,true\r\n\'+1,,false\r\n\'@SUM(A1),0,"a,b"\r\n\'\tx,1,"line\nbreak"\r\n',
    );
    expect(toCsv([["عائشہ"]], { bom: true })).toBe("\ufeffعائشہ\r\n");
    expect(safeCell("-2")).toBe("'-2");
    expect(safeCell(-2)).toBe(-2);
  });
});

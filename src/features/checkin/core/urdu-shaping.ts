import PDFDocument from "pdfkit";

// Right-to-left shaping for Urdu in pdfkit (badges, award certificates). fontkit's mark
// positioning throws on some ordinary Urdu ("ٹیکسٹائلز", or a zer as in "سندِ": a null anchor in
// the font's GPOS table). A string is first laid out on a scratch document, again without mark
// positioning if that throws, so a real document never fails halfway through.

const RTL = ["rtla"];

/** The shaping features under which fontkit lays this string out, or null. fontkit's mark
 *  positioning throws on some sequences (e.g. ٹیکسٹائلز, or a zer as in سندِ: a null anchor in
 *  GPOS); without mark positioning the letters still join and read right, dots a little less
 *  finely placed. A scratch document takes the crash, if any. pdfkit adds its defaults to the
 *  object it is given, so each try gets a fresh one. */
export function urduFeatures(fontPath: string, text: string): (() => object) | null {
  const tries: (() => object)[] = [() => ({ features: [...RTL] }), () => ({ features: { rtla: true, mark: false } })];
  for (const options of tries) {
    try {
      const scratch = new PDFDocument({ size: "A4", autoFirstPage: true });
      scratch.registerFont("urdu", fontPath);
      scratch.font("urdu").fontSize(20);
      scratch.widthOfString(text, options());
      scratch.text(text, 0, 0, { ...options(), lineBreak: false });
      scratch.end();
      return options;
    } catch {
      // try the next, plainer shaping
    }
  }
  return null;
}

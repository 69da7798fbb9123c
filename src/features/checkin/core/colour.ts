// Shared by the PDF badge and the mobile badge page (no Node imports: it ships to the browser).

/** Black or white, whichever reads better on the band colour (WCAG relative luminance). */
export function textColourOn(hex: string): "#000000" | "#ffffff" {
  const lin = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(1) + 0.7152 * lin(3) + 0.0722 * lin(5);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

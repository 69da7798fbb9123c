// What a background drawing is, read from its bytes and never from the name or type the upload
// claimed (issue #12, item 2): a PNG or a JPEG, and its size in pixels (to keep its proportions
// when it is placed under the plan). Anything else, an SVG among them (it can carry script), is
// refused. Pure: no I/O.

export type BackgroundType = "image/png" | "image/jpeg";
export interface ImageInfo {
  type: BackgroundType;
  width: number;
  height: number;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// JPEG start-of-frame markers (baseline, progressive, lossless…): not DHT (C4), JPG (C8), DAC (CC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The image's type and size in pixels, or null when it is not a readable PNG or JPEG. */
export function imageInfo(b: Uint8Array): ImageInfo | null {
  if (b.length >= 24 && PNG.every((x, i) => b[i] === x)) {
    // The first chunk is IHDR: width and height, 4 bytes each, big-endian.
    if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== "IHDR") return null;
    const width = u32(b, 16);
    const height = u32(b, 20);
    return width > 0 && height > 0 ? { type: "image/png", width, height } : null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        i += 2; // markers without a length
        continue;
      }
      const len = u16(b, i + 2);
      if (len < 2) return null;
      if (SOF.has(marker)) {
        const height = u16(b, i + 5);
        const width = u16(b, i + 7);
        return width > 0 && height > 0 ? { type: "image/jpeg", width, height } : null;
      }
      i += 2 + len;
    }
    return null;
  }
  return null;
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

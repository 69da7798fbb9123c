import { describe, expect, it } from "vitest";
import { imageInfo } from "./image-size";

// A background drawing's type and size, read from its bytes (issue #12, item 2).

const png = (w: number, h: number) => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
};
const jpeg = (w: number, h: number) =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);

describe("imageInfo", () => {
  it("reads a PNG's and a JPEG's size in pixels", () => {
    expect(imageInfo(png(2400, 1600))).toEqual({ type: "image/png", width: 2400, height: 1600 });
    expect(imageInfo(jpeg(1200, 900))).toEqual({ type: "image/jpeg", width: 1200, height: 900 });
  });

  it("refuses an SVG, a PDF, a GIF, text and a truncated image", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(imageInfo(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(imageInfo(text("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBeNull();
    expect(imageInfo(text("GIF89a\u0001\u0000\u0001\u0000"))).toBeNull();
    expect(imageInfo(png(10, 10).subarray(0, 20))).toBeNull();
    expect(imageInfo(jpeg(10, 10).subarray(0, 12))).toBeNull();
    expect(imageInfo(png(0, 10))).toBeNull();
  });
});

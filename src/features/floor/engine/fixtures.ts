import type { AllocExhibitor, AllocStall } from "./allocate";

// Small plans for the engine's tests: rows of 3 m × 3 m stalls along aisles.

/** `count` stalls in a row from (x, y), numbered `${prefix}-1`… along the row. */
export function row(
  prefix: string,
  opts: { hallId?: string; hallOrder?: number; x?: number; y?: number; count: number; areaId?: string | null; seq0?: number },
  over: (i: number) => Partial<AllocStall> = () => ({}),
): AllocStall[] {
  const { hallId = "H1", hallOrder = 1, x = 0, y = 0, count, areaId = null, seq0 = 0 } = opts;
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    number: `${prefix}-${i + 1}`,
    hallId,
    hallOrder,
    seq: seq0 + i,
    x: x + 3 * i,
    y,
    w: 3,
    h: 3,
    areaId,
    areaM2: 9,
    power: false,
    accessible: false,
    corner: false,
    free: true,
    ...over(i),
  }));
}

export function exhibitor(id: string, over: Partial<AllocExhibitor> = {}): AllocExhibitor {
  return {
    id,
    clusterId: "c1",
    womenLed: false,
    micro: false,
    wantsWomenEnclave: false,
    enclaveId: null,
    needsPower: false,
    needsAccessible: false,
    wantsCorner: false,
    minAreaM2: 0,
    hsHeadings: [],
    ...over,
  };
}

// The audit of published tables that share their firms (issue #15, item 6): is a withheld cell a
// linear combination of the shown ones? Every cell (a group of a table, or the total) is the sum
// of some "combinations" (the firms of one cluster, sector, province, district, size… all at
// once, which are never published); a withheld cell is given away when its sum is a sum and
// difference of shown cells, whatever the unpublished combinations hold. Exact arithmetic modulo
// a large prime (Gaussian elimination on 0/1 rows; every product stays below 2^53).

const P = 33_554_393; // the largest prime below 2^25
const mul = (a: number, b: number) => (a * b) % P;
const sub = (a: number, b: number) => (a - b + P) % P;
function inverse(a: number): number {
  let [r0, r1, t0, t1] = [P, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return (t0 + P) % P;
}

interface Row {
  vec: number[];
  /** The shown cells (by index) this row is the combination of. */
  from: number[];
  pivot: number;
}

function reduce(vec: number[], from: number[], basis: readonly Row[]): void {
  for (const b of basis) {
    const f = vec[b.pivot]!;
    if (f === 0) continue;
    for (let i = 0; i < vec.length; i++) if (b.vec[i]) vec[i] = sub(vec[i]!, mul(f, b.vec[i]!));
    for (let i = 0; i < from.length; i++) if (b.from[i]) from[i] = sub(from[i]!, mul(f, b.from[i]!));
  }
}

/**
 * `cells` gives each cell's combinations (indexes below `width`). Returns the first withheld cell
 * (in the map's order) that the shown cells give away, with the shown cells of that sum and
 * difference; or null when none is.
 */
export function givenAway(cells: ReadonlyMap<string, readonly number[]>, width: number, hidden: ReadonlySet<string>): { cell: string; from: string[] } | null {
  const shown = [...cells.keys()].filter((id) => !hidden.has(id));
  const indicator = (id: string) => {
    const vec = new Array<number>(width).fill(0);
    for (const k of cells.get(id)!) vec[k] = 1;
    return vec;
  };
  const basis: Row[] = [];
  shown.forEach((id, k) => {
    const vec = indicator(id);
    const from = new Array<number>(shown.length).fill(0);
    from[k] = 1;
    reduce(vec, from, basis);
    const pivot = vec.findIndex((v) => v !== 0);
    if (pivot < 0) return;
    const inv = inverse(vec[pivot]!);
    basis.push({ vec: vec.map((v) => mul(v, inv)), from: from.map((v) => mul(v, inv)), pivot });
  });
  for (const id of cells.keys()) {
    if (!hidden.has(id)) continue;
    const vec = indicator(id);
    // Reducing the withheld cell's row by the shown ones' rows: what is left is zero exactly when
    // it is their combination (the coefficients, negated, in `from`).
    const from = new Array<number>(shown.length).fill(0);
    reduce(vec, from, basis);
    if (vec.every((v) => v === 0)) return { cell: id, from: shown.filter((_, k) => from[k] !== 0) };
  }
  return null;
}

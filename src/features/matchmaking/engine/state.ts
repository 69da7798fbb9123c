// Mutable working state of a schedule over a compiled Problem: who is where,
// and how much of each capacity is used. place/remove keep every counter in
// step so feasibility checks are O(1) (plus precedences).
import { staticOk, type Problem } from "./problem";

export class State {
  readonly slotOf: Int32Array; // per request, -1 unscheduled
  readonly occ: Int32Array; // P*S -> request or -1
  readonly dayCount: Int32Array; // P*D
  readonly count: Int32Array; // meetings per participant
  readonly tableUsed: Int32Array; // per slot
  readonly interpUsed: Int32Array; // L*S
  readonly locked: Uint8Array; // per request: may not move
  /** Table meetings use a pooled table; fixed stall meetings do not. */
  readonly usesTable: Uint8Array;
  /** Meetings per slot, kept as unordered lists with back-pointers for O(1) removal. */
  readonly bySlot: number[][];
  private readonly posInSlot: Int32Array;
  weight = 0;
  scheduled = 0;

  constructor(readonly pr: Problem) {
    this.slotOf = new Int32Array(pr.R).fill(-1);
    this.occ = new Int32Array(pr.P * pr.S).fill(-1);
    this.dayCount = new Int32Array(pr.P * pr.D);
    this.count = new Int32Array(pr.P);
    this.tableUsed = new Int32Array(pr.S);
    this.interpUsed = new Int32Array(pr.L * pr.S);
    this.locked = new Uint8Array(pr.R);
    this.usesTable = Uint8Array.from(pr.needsTable);
    this.bySlot = Array.from({ length: pr.S }, () => []);
    this.posInSlot = new Int32Array(pr.R).fill(-1);
  }

  clone(): State {
    const c = new State(this.pr);
    c.slotOf.set(this.slotOf);
    c.occ.set(this.occ);
    c.dayCount.set(this.dayCount);
    c.count.set(this.count);
    c.tableUsed.set(this.tableUsed);
    c.interpUsed.set(this.interpUsed);
    c.locked.set(this.locked);
    c.usesTable.set(this.usesTable);
    for (let s = 0; s < this.pr.S; s++) c.bySlot[s] = this.bySlot[s]!.slice();
    c.posInSlot.set(this.posInSlot);
    c.weight = this.weight;
    c.scheduled = this.scheduled;
    return c;
  }

  /** Participants and capacities only (no precedence): can r go to s now? */
  resourcesOk(r: number, s: number): boolean {
    const pr = this.pr;
    const S = pr.S;
    const a = pr.ra[r]!;
    const b = pr.rb[r]!;
    if (this.occ[a * S + s]! >= 0 || this.occ[b * S + s]! >= 0) return false;
    const d = pr.slotDay[s]!;
    if (this.dayCount[a * pr.D + d]! >= pr.dayCap[a * pr.D + d]!) return false;
    if (this.dayCount[b * pr.D + d]! >= pr.dayCap[b * pr.D + d]!) return false;
    if (this.usesTable[r] === 1 && this.tableUsed[s]! >= pr.tables[s]!) return false;
    const l = pr.lang[r]!;
    if (l >= 0 && this.interpUsed[l * S + s]! >= pr.interp[l * S + s]!) return false;
    return true;
  }

  /** Scheduled predecessors strictly earlier, scheduled successors strictly later. */
  precedenceOk(r: number, s: number): boolean {
    for (const p of this.pr.preds[r]!) {
      const t = this.slotOf[p]!;
      if (t >= 0 && t >= s) return false;
    }
    for (const q of this.pr.succs[r]!) {
      const t = this.slotOf[q]!;
      if (t >= 0 && t <= s) return false;
    }
    return true;
  }

  canPlace(r: number, s: number): boolean {
    return staticOk(this.pr, r, s) && this.resourcesOk(r, s) && this.precedenceOk(r, s);
  }

  place(r: number, s: number): void {
    const pr = this.pr;
    const S = pr.S;
    const a = pr.ra[r]!;
    const b = pr.rb[r]!;
    const d = pr.slotDay[s]!;
    this.slotOf[r] = s;
    this.occ[a * S + s] = r;
    this.occ[b * S + s] = r;
    this.dayCount[a * pr.D + d]!++;
    this.dayCount[b * pr.D + d]!++;
    this.count[a]!++;
    this.count[b]!++;
    if (this.usesTable[r] === 1) this.tableUsed[s]!++;
    const l = pr.lang[r]!;
    if (l >= 0) this.interpUsed[l * S + s]!++;
    const list = this.bySlot[s]!;
    this.posInSlot[r] = list.length;
    list.push(r);
    this.weight += pr.weight[r]!;
    this.scheduled++;
  }

  remove(r: number): number {
    const pr = this.pr;
    const S = pr.S;
    const s = this.slotOf[r]!;
    if (s < 0) return -1;
    const a = pr.ra[r]!;
    const b = pr.rb[r]!;
    const d = pr.slotDay[s]!;
    this.slotOf[r] = -1;
    this.occ[a * S + s] = -1;
    this.occ[b * S + s] = -1;
    this.dayCount[a * pr.D + d]!--;
    this.dayCount[b * pr.D + d]!--;
    this.count[a]!--;
    this.count[b]!--;
    if (this.usesTable[r] === 1) this.tableUsed[s]!--;
    const l = pr.lang[r]!;
    if (l >= 0) this.interpUsed[l * S + s]!--;
    const list = this.bySlot[s]!;
    const last = list.pop()!;
    if (last !== r) {
      const i = this.posInSlot[r]!;
      list[i] = last;
      this.posInSlot[last] = i;
    }
    this.posInSlot[r] = -1;
    this.weight -= pr.weight[r]!;
    this.scheduled--;
    return s;
  }

  busy(p: number, s: number): boolean {
    return this.occ[p * this.pr.S + s]! >= 0;
  }

  /**
   * Change in participant p's gap count if a meeting were added at s (p free at s).
   * A gap is a maximal idle run between two meetings on the same day.
   */
  gapDeltaAdd(p: number, s: number): number {
    const pr = this.pr;
    const S = pr.S;
    const base = p * S;
    const d = pr.slotDay[s]!;
    const left = !pr.slotFirstOfDay[s] && this.occ[base + s - 1]! >= 0;
    const right = s + 1 < S && pr.slotDay[s + 1] === d && this.occ[base + s + 1]! >= 0;
    if (left && right) return -1;
    if (left || right) return 0;
    // Is there a meeting earlier and later on the same day?
    let before = false;
    for (let t = s - 1; t >= 0 && pr.slotDay[t] === d; t--) if (this.occ[base + t]! >= 0) { before = true; break; }
    let after = false;
    for (let t = s + 1; t < S && pr.slotDay[t] === d; t++) if (this.occ[base + t]! >= 0) { after = true; break; }
    // Inside a gap of 3+ idle slots it splits the gap; beside the day's meetings it opens one.
    return before || after ? 1 : 0;
  }

  /** Change in p's gap count if its meeting at s were removed. */
  gapDeltaRemove(p: number, s: number): number {
    const S = this.pr.S;
    const r = this.occ[p * S + s]!;
    this.occ[p * S + s] = -1;
    const d = this.gapDeltaAdd(p, s);
    this.occ[p * S + s] = r;
    return -d;
  }

  gapsOf(p: number): number {
    const pr = this.pr;
    const S = pr.S;
    let gaps = 0;
    let seen = false;
    let idle = false;
    for (let s = 0; s < S; s++) {
      if (pr.slotFirstOfDay[s]) { seen = false; idle = false; }
      if (this.occ[p * S + s]! >= 0) {
        if (seen && idle) gaps++;
        seen = true;
        idle = false;
      } else if (seen) idle = true;
    }
    return gaps;
  }
}

// Minimum-cost flow, primal–dual: a Dijkstra on reduced costs (Johnson
// potentials) finds the current shortest distance, then a Dinic blocking flow
// pushes every unit that can travel at that distance before the next Dijkstra.
// The reviewer graph has only a few distinct path costs (one per load level),
// so a few dozen phases replace thousands of one-unit augmentations.
export class FlowGraph {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly potential: number[];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
    this.potential = new Array<number>(nodes).fill(0);
  }

  /** Adds an arc (cost ≥ 0) and its residual twin; returns the arc's index. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  /** Flow on an arc returned by addArc = capacity of its residual twin. */
  flowOn(arc: number): number {
    return this.cap[arc ^ 1]!;
  }

  private reduced(e: number, u: number): number {
    return this.cost[e]! + this.potential[u]! - this.potential[this.to[e]!]!;
  }

  /** Dijkstra on reduced costs; updates potentials so shortest-path arcs get reduced cost 0. */
  private dijkstra(source: number, sink: number): boolean {
    const n = this.nodes;
    const dist = new Array<number>(n).fill(Infinity);
    const done = new Uint8Array(n);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! <= 0 || v === source) continue;
        const nd = d + this.reduced(e, u);
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (!done[sink]) return false;
    // Nodes settled no later than the sink move by their distance, the rest by the sink's:
    // every residual arc keeps a non-negative reduced cost.
    const dt = dist[sink]!;
    for (let v = 0; v < n; v++) this.potential[v]! += Math.min(dist[v]!, dt);
    return true;
  }

  /** Dinic on the arcs of reduced cost 0: all units that can go at the current shortest cost. */
  private blockingFlow(source: number, sink: number, limit: number): number {
    let sent = 0;
    const level = new Int32Array(this.nodes);
    const iter = new Int32Array(this.nodes);
    const admissible = (e: number, u: number) => this.cap[e]! > 0 && this.reduced(e, u) === 0;
    while (sent < limit) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]!;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          const v = this.to[e]!;
          if (level[v] === -1 && admissible(e, u)) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] === -1) break;
      for (let v = 0; v < this.nodes; v++) iter[v] = this.head[v]!;
      const dfs = (u: number, pushed: number): number => {
        if (u === sink) return pushed;
        for (; iter[u] !== -1; iter[u] = this.next[iter[u]!]!) {
          const e = iter[u]!;
          const v = this.to[e]!;
          if (level[v] !== level[u]! + 1 || !admissible(e, u)) continue;
          const got = dfs(v, Math.min(pushed, this.cap[e]!));
          if (got > 0) {
            this.cap[e]! -= got;
            this.cap[e ^ 1]! += got;
            return got;
          }
        }
        return 0;
      };
      for (let got = dfs(source, limit - sent); got > 0 && sent < limit; got = sent < limit ? dfs(source, limit - sent) : 0) sent += got;
    }
    return sent;
  }

  /**
   * Exact potentials from Bellman–Ford (queue-based) on the residual graph. Needed
   * at the start of every call: arcs added since the last call (a new phase of
   * applications) may have negative reduced costs under the old potentials.
   * Arcs back into the source are never used, so flow already sent from the
   * source is never withdrawn: a later call is a minimum-cost flow with the
   * earlier source flows as lower bounds (assign.ts serves complete applications
   * first this way). Without those arcs, new arcs out of the source cannot close
   * a negative cycle.
   */
  private resetPotentials(source: number): void {
    const dist = new Array<number>(this.nodes).fill(Infinity);
    const queued = new Uint8Array(this.nodes);
    dist[source] = 0;
    const queue = [source];
    const rounds = new Uint32Array(this.nodes);
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      queued[u] = 0;
      // Only arcs out of the source may be added between calls; anything else
      // could close a negative cycle, which must fail loudly, not loop.
      if (++rounds[u]! > this.nodes) throw new Error("FlowGraph: negative cycle in the residual graph");
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! <= 0 || v === source) continue;
        if (dist[u]! + this.cost[e]! < dist[v]!) {
          dist[v] = dist[u]! + this.cost[e]!;
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    // Unreachable nodes stay unreachable until arcs are added, which calls this again.
    for (let v = 0; v < this.nodes; v++) this.potential[v] = dist[v] === Infinity ? 0 : dist[v]!;
  }

  /** Sends up to `limit` units from source to sink at minimum cost; returns the units sent. */
  minCostFlow(source: number, sink: number, limit = Infinity): number {
    let sent = 0;
    this.resetPotentials(source);
    while (sent < limit && this.dijkstra(source, sink)) {
      const got = this.blockingFlow(source, sink, limit - sent);
      if (got === 0) break;
      sent += got;
    }
    return sent;
  }

  /** Total cost of the current flow (for tests). */
  totalCost(): number {
    let total = 0;
    for (let e = 0; e < this.to.length; e += 2) total += this.cost[e]! * this.cap[e + 1]!;
    return total;
  }
}

class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.values[i] = this.values[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const key = this.keys.pop()!;
    const value = this.values.pop()!;
    const n = this.keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
        if (this.keys[c]! >= key) break;
        this.keys[i] = this.keys[c]!;
        this.values[i] = this.values[c]!;
        i = c;
      }
      this.keys[i] = key;
      this.values[i] = value;
    }
    return top;
  }
}

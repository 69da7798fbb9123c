// Minimum-cost flow by successive shortest paths (SPFA, i.e. queue-based
// Bellman–Ford, since residual arcs carry negative costs). Small and exact; the
// reviewer assignment graph has a few thousand arcs and one unit per path.
export class FlowGraph {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc's index (for reading its flow). */
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

  /** Sends up to `limit` units from source to sink at minimum cost; returns the units sent. */
  minCostFlow(source: number, sink: number, limit = Infinity): number {
    let sent = 0;
    const dist = new Array<number>(this.nodes);
    const via = new Array<number>(this.nodes);
    const queued = new Array<boolean>(this.nodes);
    while (sent < limit) {
      dist.fill(Infinity);
      via.fill(-1);
      queued.fill(false);
      dist[source] = 0;
      const queue: number[] = [source];
      queued[source] = true;
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]!;
        queued[u] = false;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const d = dist[u]! + this.cost[e]!;
          if (d < dist[v]!) {
            dist[v] = d;
            via[v] = e;
            if (!queued[v]) {
              queued[v] = true;
              queue.push(v);
            }
          }
        }
      }
      if (dist[sink] === Infinity) break;
      let push = limit - sent;
      for (let v = sink; v !== source; v = this.to[via[v]! ^ 1]!) push = Math.min(push, this.cap[via[v]!]!);
      for (let v = sink; v !== source; v = this.to[via[v]! ^ 1]!) {
        this.cap[via[v]!]! -= push;
        this.cap[via[v]! ^ 1]! += push;
      }
      sent += push;
    }
    return sent;
  }
}

// Minimum-cost flow with integer costs, primal-dual: Dijkstra on reduced costs (Johnson potentials) between blocking
// flows on the zero-reduced-cost arcs.
// Exact: with integer costs, the flow it returns has the minimum cost among maximum flows. Arcs live in flat typed
// arrays (a forward arc and its reverse side by side), so a graph of millions of arcs stays compact.

export class FlowNetwork {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private arcs = 0;

  constructor(
    readonly nodes: number,
    expectedArcs = 16,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    const size = Math.max(2, expectedArcs * 2);
    this.next = new Int32Array(size);
    this.to = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size);
  }

  private grow(): void {
    const size = this.to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.next = copy(this.next, (n) => new Int32Array(n));
    this.to = copy(this.to, (n) => new Int32Array(n));
    this.cap = copy(this.cap, (n) => new Int32Array(n));
    this.cost = copy(this.cost, (n) => new Float64Array(n));
  }

  /** Adds an arc and returns its index (its reverse is index + 1). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost)) throw new Error('costs must be integers for an exact optimum');
    if (this.arcs + 2 > this.to.length) this.grow();
    const a = this.arcs;
    this.to[a] = to;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.next[a] = this.head[from]!;
    this.head[from] = a;
    this.to[a + 1] = from;
    this.cap[a + 1] = 0;
    this.cost[a + 1] = -cost;
    this.next[a + 1] = this.head[to]!;
    this.head[to] = a + 1;
    this.arcs += 2;
    return a;
  }

  /** Flow on an arc added with addArc. */
  flowOn(arc: number): number {
    return this.cap[arc + 1]!;
  }

  get arcCount(): number {
    return this.arcs / 2;
  }

  /** The arc arrays, for solvers outside this class. */
  arrays() {
    return { head: this.head, next: this.next, to: this.to, cap: this.cap, cost: this.cost };
  }

  /**
   * Sends as much flow as possible from source to sink at minimum cost. `order` lists the nodes in a topological
   * order of the arcs with capacity (the network must be acyclic at the start), which gives exact initial
   * potentials even with negative costs.
   */
  solve(source: number, sink: number, order: number[]): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = new Float64Array(n).fill(Infinity);
    potential[source] = 0;
    for (const u of order) {
      const pu = potential[u]!;
      if (pu === Infinity) continue;
      for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
        if (this.cap[a]! > 0 && pu + this.cost[a]! < potential[this.to[a]!]!) potential[this.to[a]!] = pu + this.cost[a]!;
      }
    }
    for (let v = 0; v < n; v += 1) if (potential[v] === Infinity) potential[v] = 0;

    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const queue = new Int32Array(n);
    const current = new Int32Array(n);
    const pathArcs = new Int32Array(n);
    const heap = new MinHeap(n);
    let flow = 0;
    let cost = 0;
    const admissible = (a: number, u: number) => this.cap[a]! > 0 && this.cost[a]! + potential[u]! - potential[this.to[a]!]! === 0;
    // Primal-dual: Dijkstra on reduced costs gives exact potentials; then every shortest path at once is augmented
    // as a blocking flow (Dinic) on the arcs of reduced cost zero, before the next Dijkstra.
    for (;;) {
      dist.fill(Infinity);
      dist[source] = 0;
      heap.push(source, 0);
      while (heap.size > 0) {
        const [u, d] = heap.pop();
        if (d > dist[u]!) continue;
        const pu = potential[u]!;
        for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
          if (this.cap[a]! <= 0) continue;
          const v = this.to[a]!;
          const nd = d + this.cost[a]! + pu - potential[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      for (let v = 0; v < n; v += 1) if (dist[v] !== Infinity) potential[v] = potential[v]! + dist[v]!;
      for (;;) {
        // Levels over the admissible arcs, so the blocking flow cannot go round a zero-cost cycle.
        level.fill(-1);
        level[source] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = source;
        while (qh < qt) {
          const u = queue[qh++]!;
          for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
            const v = this.to[a]!;
            if (level[v] === -1 && admissible(a, u)) {
              level[v] = level[u]! + 1;
              queue[qt++] = v;
            }
          }
        }
        if (level[sink] === -1) break;
        current.set(this.head);
        // Depth-first search with current-arc pointers, without recursion.
        for (;;) {
          let depth = 0;
          let u = source;
          while (u !== sink) {
            let a = current[u]!;
            while (a !== -1 && !(admissible(a, u) && level[this.to[a]!] === level[u]! + 1)) a = this.next[a]!;
            current[u] = a;
            if (a !== -1) {
              pathArcs[depth++] = a;
              u = this.to[a]!;
            } else {
              if (u === source) break;
              level[u] = -1;
              const back = pathArcs[--depth]!;
              u = this.to[back ^ 1]!;
              current[u] = this.next[current[u]!]!;
            }
          }
          if (u !== sink) break;
          let push = Infinity;
          for (let i = 0; i < depth; i += 1) push = Math.min(push, this.cap[pathArcs[i]!]!);
          for (let i = 0; i < depth; i += 1) {
            const a = pathArcs[i]!;
            this.cap[a] = this.cap[a]! - push;
            this.cap[a ^ 1] = this.cap[a ^ 1]! + push;
            cost += push * this.cost[a]!;
          }
          flow += push;
        }
      }
    }
    return { flow, cost };
  }
}

/**
 * Minimum-cost flow with fixed supplies by cost scaling (Goldberg–Tarjan push-relabel with ε-scaling). Costs are
 * multiplied by n + 1, so that 1-optimality of the scaled costs is exact optimality of the integer ones.
 * `supply[v]` > 0 is a source, < 0 a sink; the supplies must balance and be feasible.
 */
export function costScaling(network: FlowNetwork, supply: Float64Array, alpha = 16): number {
  const { head, next, to, cap, cost } = network.arrays();
  const n = network.nodes;
  const arcs = network.arcCount * 2;
  const scale = n + 1;
  const c = new Float64Array(arcs);
  let epsilon = 1;
  for (let a = 0; a < arcs; a += 1) {
    c[a] = cost[a]! * scale;
    if (Math.abs(c[a]!) > epsilon) epsilon = Math.abs(c[a]!);
  }
  const price = new Float64Array(n);
  const excess = Float64Array.from(supply);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  for (;;) {
    epsilon = Math.max(1, Math.floor(epsilon / alpha));
    // Saturate every arc of negative reduced cost: the flow is then ε-optimal, with excesses to discharge.
    for (let u = 0; u < n; u += 1) {
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! > 0 && c[a]! + price[u]! - price[to[a]!]! < 0) {
          const v = to[a]!;
          const delta = cap[a]!;
          cap[a] = 0;
          cap[a ^ 1] = cap[a ^ 1]! + delta;
          excess[u] = excess[u]! - delta;
          excess[v] = excess[v]! + delta;
        }
      }
    }
    let qh = 0;
    let count = 0;
    for (let v = 0; v < n; v += 1) {
      current[v] = head[v]!;
      if (excess[v]! > 0) {
        queue[(qh + count++) % n] = v;
        queued[v] = 1;
      }
    }
    while (count > 0) {
      const u = queue[qh]!;
      qh = (qh + 1) % n;
      count -= 1;
      queued[u] = 0;
      while (excess[u]! > 0) {
        let a = current[u]!;
        for (; a !== -1; a = next[a]!) {
          if (cap[a]! > 0 && c[a]! + price[u]! - price[to[a]!]! < 0) break;
        }
        if (a === -1) {
          // Relabel: lower the price just enough that the cheapest residual arc becomes admissible.
          let best = -Infinity;
          for (let b = head[u]!; b !== -1; b = next[b]!) if (cap[b]! > 0 && price[to[b]!]! - c[b]! > best) best = price[to[b]!]! - c[b]!;
          if (best === -Infinity) throw new Error('infeasible supplies');
          price[u] = best - epsilon;
          current[u] = head[u]!;
          continue;
        }
        current[u] = a;
        const v = to[a]!;
        const delta = Math.min(excess[u]!, cap[a]!);
        cap[a] = cap[a]! - delta;
        cap[a ^ 1] = cap[a ^ 1]! + delta;
        excess[u] = excess[u]! - delta;
        excess[v] = excess[v]! + delta;
        if (excess[v]! > 0 && !queued[v]) {
          queue[(qh + count++) % n] = v;
          queued[v] = 1;
        }
      }
    }
    if (epsilon === 1) break;
  }
  let total = 0;
  for (let a = 0; a < arcs; a += 2) total += cap[a + 1]! * cost[a]!;
  return total;
}

/** A binary heap of (node, key) with lazy deletion. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.nodes[0]!, this.keys[0]!];
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child += 1;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}

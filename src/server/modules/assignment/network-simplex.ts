// Minimum-cost flow by the primal network simplex method, on flat typed arrays.
//
// The basis is a spanning tree rooted at an artificial node, kept strongly feasible (every node can send flow up to
// the root), which rules out cycling. The tree is stored as parent pointers, the arc to the parent and its direction,
// depths, and a preorder list (thread / reverse thread). Entering arcs are chosen by block search (scan the arcs in
// blocks of about √m, take the most negative reduced cost of the first block that has one), the leaving arc is the
// last blocking arc of the cycle seen from its apex. A pivot rebuilds only the subtree that moves: it is re-rooted at
// the entering arc's end, its preorder spliced in after the other end, and its potentials shifted together.
//
// Costs are integers (exact in doubles up to 2^53), so the optimum is exact.

export interface FlowProblem {
  nodes: number;
  arcs: number;
  source: Int32Array;
  target: Int32Array;
  capacity: Int32Array;
  cost: Float64Array;
  /** Per node: > 0 supplies, < 0 demands; the supplies must add up to zero. */
  supply: Int32Array;
}

export interface FlowSolution {
  /** Flow per arc. */
  flow: Int32Array;
  cost: number;
  pivots: number;
}

const UPPER = -1;
const TREE = 0;
const LOWER = 1;
const UP = 1; // the tree arc goes from the node to its parent
const DOWN = -1; // the tree arc goes from the parent to the node
const INFINITE = 0x7fffffff;

export class InfeasibleFlowError extends Error {
  constructor() {
    super('the supplies cannot be met within the capacities');
  }
}

export function networkSimplex(problem: FlowProblem): FlowSolution {
  const n = problem.nodes;
  const m = problem.arcs;
  const root = n;
  const all = m + n;
  const src = new Int32Array(all);
  const tgt = new Int32Array(all);
  const cap = new Int32Array(all);
  const cost = new Float64Array(all);
  const flow = new Int32Array(all);
  const state = new Int8Array(all);
  // Arcs are stored interleaved with a stride of about √m, so that every block of the search samples the whole
  // graph rather than the arcs of a few nodes: far fewer pivots on graphs whose arcs come grouped by node.
  const position = new Int32Array(m);
  const stride = Math.max(10, Math.ceil(Math.sqrt(m)));
  for (let e = 0, i = 0, column = 0; e < m; e += 1) {
    position[e] = i;
    src[i] = problem.source[e]!;
    tgt[i] = problem.target[e]!;
    cap[i] = problem.capacity[e]!;
    cost[i] = problem.cost[e]!;
    i += stride;
    if (i >= m) i = ++column;
  }
  state.fill(LOWER, 0, m);
  let balance = 0;
  let largest = 0;
  for (let e = 0; e < m; e += 1) {
    if (!Number.isInteger(cost[e]!)) throw new Error('costs must be integers for an exact optimum');
    largest = Math.max(largest, Math.abs(cost[e]!));
  }
  for (let u = 0; u < n; u += 1) balance += problem.supply[u]!;
  if (balance !== 0) throw new Error('the supplies must add up to zero');
  // An artificial arc costs more than any path of real arcs, so the optimum uses none when a feasible flow exists.
  const artificial = (largest + 1) * (n + 1);
  if (artificial * (n + 1) > Number.MAX_SAFE_INTEGER) throw new Error('costs too large for exact arithmetic');

  const pi = new Float64Array(n + 1);
  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const dir = new Int8Array(n + 1);
  const depth = new Int32Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  parent[root] = -1;
  pred[root] = -1;
  thread[root] = n > 0 ? 0 : root;
  revThread[n > 0 ? 0 : root] = root;
  for (let u = 0; u < n; u += 1) {
    const e = m + u;
    parent[u] = root;
    pred[u] = e;
    depth[u] = 1;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    cap[e] = INFINITE;
    state[e] = TREE;
    const s = problem.supply[u]!;
    if (s >= 0) {
      dir[u] = UP;
      src[e] = u;
      tgt[e] = root;
      flow[e] = s;
    } else {
      dir[u] = DOWN;
      src[e] = root;
      tgt[e] = u;
      flow[e] = -s;
      cost[e] = artificial;
      pi[u] = artificial;
    }
  }

  // Buffers for the moving subtree: its old preorder, its new one, positions, the stem and the stem's block ends.
  const seg = new Int32Array(n + 1);
  const order = new Int32Array(n + 1);
  const pos = new Int32Array(n + 1);
  const stem = new Int32Array(n + 1);
  const stemEnd = new Int32Array(n + 1);

  let out = 0;
  let sigma = 0;
  const copy = (from: number, to: number, shift: number) => {
    for (let i = from; i < to; i += 1) {
      const v = seg[i]!;
      order[out++] = v;
      depth[v] = depth[v]! + shift;
      pi[v] = pi[v]! + sigma;
    }
  };

  const block = Math.max(10, Math.ceil(Math.sqrt(m)));
  let nextArc = 0;
  let pivots = 0;
  const pivotLimit = 1000 * (m + n) + 10_000;
  for (;;) {
    // Entering arc: block search.
    const found = enteringArc(state, cost, pi, src, tgt, m, nextArc, block);
    if (found < 0) break;
    const inArc = found;
    nextArc = searchEnd;
    pivots += 1;
    // A strongly feasible basis cannot cycle; far past any pivot count seen in practice, stop rather than spin.
    if (pivots > pivotLimit) throw new Error('network simplex: no convergence (pivot limit reached)');

    // Apex of the cycle.
    let a = src[inArc]!;
    let b = tgt[inArc]!;
    while (a !== b) {
      const da = depth[a]!;
      const db = depth[b]!;
      if (da >= db) a = parent[a]!;
      if (db >= da) b = parent[b]!;
    }
    const join = a;

    // Leaving arc: the flow goes first → second along the entering arc, up from second to the apex and down to first.
    const first = state[inArc] === LOWER ? src[inArc]! : tgt[inArc]!;
    const second = state[inArc] === LOWER ? tgt[inArc]! : src[inArc]!;
    let delta = cap[inArc]!;
    let uOut = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const arc = pred[u]!;
      const d = dir[u] === DOWN ? cap[arc]! - flow[arc]! : flow[arc]!;
      if (d < delta) {
        delta = d;
        uOut = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const arc = pred[u]!;
      const d = dir[u] === UP ? cap[arc]! - flow[arc]! : flow[arc]!;
      if (d <= delta) {
        delta = d;
        uOut = u;
        side = 2;
      }
    }
    if (delta >= INFINITE) throw new Error('unbounded: a cycle of negative cost without capacity');

    if (delta > 0) {
      const value = state[inArc]! * delta;
      flow[inArc] = flow[inArc]! + value;
      for (let u = src[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! - dir[u]! * value;
      for (let u = tgt[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! + dir[u]! * value;
    }
    if (side === 0) {
      // The entering arc itself blocks: it goes from one bound to the other, the tree stays.
      state[inArc] = -state[inArc]! as -1 | 1;
      continue;
    }
    const outArc = pred[uOut]!;
    state[inArc] = TREE;
    state[outArc] = flow[outArc] === 0 ? LOWER : UPPER;

    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;
    const reduced = cost[inArc]! + pi[src[inArc]!]! - pi[tgt[inArc]!]!;
    sigma = uIn === src[inArc] ? -reduced : reduced;

    // The stem: uIn up to uOut; the subtree of uOut is re-rooted at uIn and hung under vIn.
    let k = 0;
    stem[0] = uIn;
    for (let u = uIn; u !== uOut; ) {
      u = parent[u]!;
      stem[++k] = u;
    }
    const base = depth[uOut]!;
    let len = 0;
    let x = uOut;
    do {
      pos[x] = len;
      seg[len++] = x;
      x = thread[x]!;
    } while (depth[x]! > base);
    const after = x;
    const before = revThread[uOut]!;
    for (let i = 0, j = pos[uIn]! + 1; i <= k; i += 1) {
      const d = depth[stem[i]!]!;
      while (j < len && depth[seg[j]!]! > d) j += 1;
      stemEnd[i] = j;
    }
    // New preorder: the block of stem[0], then for each next stem node its block without the previous one.
    out = 0;
    const top = depth[vIn]! + 1;
    copy(pos[uIn]!, stemEnd[0]!, top - depth[uIn]!);
    for (let i = 1; i <= k; i += 1) {
      const s = stem[i]!;
      const shift = top + i - depth[s]!;
      copy(pos[s]!, pos[stem[i - 1]!]!, shift);
      copy(stemEnd[i - 1]!, stemEnd[i]!, shift);
    }
    // Unlink the old segment, link the new one after vIn.
    thread[before] = after;
    revThread[after] = before;
    const next = thread[vIn]!;
    let prev = vIn;
    for (let i = 0; i < len; i += 1) {
      const v = order[i]!;
      thread[prev] = v;
      revThread[v] = prev;
      prev = v;
    }
    thread[prev] = next;
    revThread[next] = prev;
    // Reverse the stem's parent links.
    for (let i = k; i >= 1; i -= 1) {
      const s = stem[i]!;
      const below = stem[i - 1]!;
      parent[s] = below;
      pred[s] = pred[below]!;
      dir[s] = -dir[below]! as -1 | 1;
    }
    parent[uIn] = vIn;
    pred[uIn] = inArc;
    dir[uIn] = uIn === src[inArc] ? UP : DOWN;
  }

  for (let e = m; e < all; e += 1) if (flow[e] !== 0) throw new InfeasibleFlowError();
  const result = new Int32Array(m);
  let total = 0;
  for (let e = 0; e < m; e += 1) {
    result[e] = flow[position[e]!]!;
    total += flow[e]! * cost[e]!;
  }
  return { flow: result, cost: total, pivots };
}

let searchEnd = 0;

/** Block search: scans the arcs from `start` in blocks of `block`, returns the arc of most negative reduced cost in
 * the first block that has one (−1 when none has), and leaves where it stopped in `searchEnd`. */
function enteringArc(
  state: Int8Array,
  cost: Float64Array,
  pi: Float64Array,
  src: Int32Array,
  tgt: Int32Array,
  m: number,
  start: number,
  block: number,
): number {
  let inArc = -1;
  let best = 0;
  let count = block;
  // From `start` to the end, then from the beginning to `start`.
  for (let pass = 0; pass < 2; pass += 1) {
    const to = pass === 0 ? m : start;
    for (let e = pass === 0 ? start : 0; e < to; e += 1) {
      const c = state[e]! * (cost[e]! + pi[src[e]!]! - pi[tgt[e]!]!);
      if (c < best) {
        best = c;
        inArc = e;
      }
      if (--count === 0) {
        if (best < 0) {
          searchEnd = e + 1 === m ? 0 : e + 1;
          return inArc;
        }
        count = block;
      }
    }
  }
  searchEnd = start;
  return inArc;
}

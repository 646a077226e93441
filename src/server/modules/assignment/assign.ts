// Optimal assignment of experts to applications: every application gets up to k experts, no expert more than its
// load, no conflicted or forbidden pair; first as many places filled as possible, then the largest total affinity.
// Solved exactly as a minimum-cost flow with integer costs (affinities are scaled integers).
import { costScaling } from './cost-scaling.js';
import { networkSimplex } from './network-simplex.js';

export interface Candidate {
  expert: number;
  /** Affinity as a non-negative integer (the caller scales, e.g. ×1000). */
  affinity: number;
}

export interface AssignmentInput {
  /** Experts needed per application. */
  need: number[];
  /** Each expert's maximum number of applications. */
  load: number[];
  /** Per application, the experts who may review it (conflicts and forbidden pairs already left out). */
  candidates: Candidate[][];
  /** Pairs an admin fixed: kept as they are, counted against the need and the load. */
  pinned?: Array<[application: number, expert: number]>;
}

export type UnfilledReason = 'too_few_candidates' | 'experts_full';

export interface AssignmentResult {
  pairs: Array<{ application: number; expert: number; affinity: number; pinned: boolean }>;
  totalAffinity: number;
  unfilled: Array<{ application: number; missing: number; reason: UnfilledReason; candidates: number }>;
}

export type Solver = 'network-simplex' | 'cost-scaling';

export function assign(input: AssignmentInput, solver: Solver = 'network-simplex'): AssignmentResult {
  const apps = input.need.length;
  const experts = input.load.length;
  const need = [...input.need];
  const load = [...input.load];
  const pairs: AssignmentResult['pairs'] = [];
  const pinnedBy = new Map<number, Set<number>>();
  for (const [a, e] of input.pinned ?? []) {
    const affinity = input.candidates[a]?.find((c) => c.expert === e)?.affinity ?? 0;
    pairs.push({ application: a, expert: e, affinity, pinned: true });
    pinnedBy.set(a, (pinnedBy.get(a) ?? new Set()).add(e));
    need[a] = Math.max(0, need[a]! - 1);
    load[e] = Math.max(0, load[e]! - 1);
  }

  // Nodes: applications, then experts, then the sink. Arcs: the candidate pairs (capacity 1, cost −affinity), each
  // expert to the sink (its load), and each application's bypass to the sink for the places that cannot be filled,
  // at a cost larger than any gain, so that the optimum fills as many places as possible first.
  let pairCount = 0;
  let maxAffinity = 0;
  input.candidates.forEach((list, a) => {
    if (need[a]! <= 0) return;
    for (const c of list) {
      if (load[c.expert]! <= 0 || pinnedBy.get(a)?.has(c.expert)) continue;
      pairCount += 1;
      maxAffinity = Math.max(maxAffinity, c.affinity);
    }
  });
  const sink = apps + experts;
  const arcs = pairCount + experts + apps;
  const source = new Int32Array(arcs);
  const target = new Int32Array(arcs);
  const capacity = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  const pairAffinity = new Int32Array(pairCount);
  let e = 0;
  input.candidates.forEach((list, a) => {
    if (need[a]! <= 0) return;
    const pinned = pinnedBy.get(a);
    for (const c of list) {
      if (load[c.expert]! <= 0 || pinned?.has(c.expert)) continue;
      source[e] = a;
      target[e] = apps + c.expert;
      capacity[e] = 1;
      cost[e] = -c.affinity;
      pairAffinity[e] = c.affinity;
      e += 1;
    }
  });
  for (let x = 0; x < experts; x += 1, e += 1) {
    source[e] = apps + x;
    target[e] = sink;
    capacity[e] = Math.max(0, load[x]!);
  }
  const penalty = maxAffinity * (apps + experts + 1) + 1;
  const supply = new Int32Array(apps + experts + 1);
  for (let a = 0; a < apps; a += 1, e += 1) {
    source[e] = a;
    target[e] = sink;
    capacity[e] = need[a]!;
    cost[e] = penalty;
    supply[a] = need[a]!;
    supply[sink] = supply[sink]! - need[a]!;
  }
  const problem = { nodes: apps + experts + 1, arcs, source, target, capacity, cost, supply };
  const flow = solver === 'network-simplex' ? networkSimplex(problem).flow : costScaling(problem).flow;

  const filled = new Array<number>(apps).fill(0);
  for (const p of pairs) filled[p.application]! += 1;
  for (let x = 0; x < pairCount; x += 1) {
    if (flow[x]! > 0) {
      const application = source[x]!;
      pairs.push({ application, expert: target[x]! - apps, affinity: pairAffinity[x]!, pinned: false });
      filled[application]! += 1;
    }
  }
  const unfilled: AssignmentResult['unfilled'] = [];
  for (let a = 0; a < apps; a += 1) {
    const missing = input.need[a]! - filled[a]!;
    if (missing <= 0) continue;
    const candidates = input.candidates[a]!.length;
    unfilled.push({ application: a, missing, candidates, reason: candidates < input.need[a]! ? 'too_few_candidates' : 'experts_full' });
  }
  return { pairs, totalAffinity: pairs.reduce((s, p) => s + p.affinity, 0), unfilled };
}

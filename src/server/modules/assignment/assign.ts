// Optimal assignment of experts to applications: every application gets up to k experts, no expert more than its
// load, no conflicted or forbidden pair; first as many places filled as possible, then the largest total affinity.
// Solved exactly as a minimum-cost flow with integer costs (affinities are scaled integers).
import { costScaling, FlowNetwork } from './min-cost-flow.js';

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

export function assign(input: AssignmentInput, solver: 'cost-scaling' | 'primal-dual' = 'cost-scaling'): AssignmentResult {
  const apps = input.need.length;
  const experts = input.load.length;
  const need = [...input.need];
  const load = [...input.load];
  const pairs: AssignmentResult['pairs'] = [];
  const pinnedSet = new Set<string>();
  for (const [a, e] of input.pinned ?? []) {
    const affinity = input.candidates[a]?.find((c) => c.expert === e)?.affinity ?? 0;
    pairs.push({ application: a, expert: e, affinity, pinned: true });
    pinnedSet.add(`${a}:${e}`);
    need[a] = Math.max(0, need[a]! - 1);
    load[e] = Math.max(0, load[e]! - 1);
  }

  const source = 0;
  const sink = apps + experts + 1;
  const arcCount = apps + experts + input.candidates.reduce((s, c) => s + c.length, 0);
  const network = new FlowNetwork(apps + experts + 2, arcCount);
  for (let a = 0; a < apps; a += 1) if (need[a]! > 0) network.addArc(source, 1 + a, need[a]!, 0);
  for (let e = 0; e < experts; e += 1) if (load[e]! > 0) network.addArc(1 + apps + e, sink, load[e]!, 0);
  const pairArcs: Array<{ arc: number; application: number; expert: number; affinity: number }> = [];
  input.candidates.forEach((list, a) => {
    if (need[a]! <= 0) return;
    for (const c of list) {
      if (pinnedSet.has(`${a}:${c.expert}`) || load[c.expert]! <= 0) continue;
      pairArcs.push({ arc: network.addArc(1 + a, 1 + apps + c.expert, 1, -c.affinity), application: a, expert: c.expert, affinity: c.affinity });
    }
  });
  if (solver === 'primal-dual') {
    network.solve(
      source,
      sink,
      Array.from({ length: apps + experts + 2 }, (_, i) => i),
    );
  } else {
    // Fixed supplies, with a bypass arc for the places that cannot be filled: its cost exceeds any gain an
    // augmenting path can bring, so the optimum fills as many places as possible first.
    const demand = need.reduce((sum, k) => sum + k, 0);
    const maxAffinity = input.candidates.reduce((m, list) => list.reduce((x, c) => Math.max(x, c.affinity), m), 0);
    network.addArc(source, sink, demand, maxAffinity * (apps + experts + 2) + 1);
    const supply = new Float64Array(apps + experts + 2);
    supply[source] = demand;
    supply[sink] = -demand;
    costScaling(network, supply);
  }

  const filled = new Array<number>(apps).fill(0);
  for (const p of pairs) filled[p.application]! += 1;
  for (const p of pairArcs) {
    if (network.flowOn(p.arc) > 0) {
      pairs.push({ application: p.application, expert: p.expert, affinity: p.affinity, pinned: false });
      filled[p.application]! += 1;
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

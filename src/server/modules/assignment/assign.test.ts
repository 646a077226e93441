// Property tests of the optimal assignment over random small pools, against an exhaustive search: no conflicted pair,
// loads hold, as many places filled as possible, and the total affinity equals the true optimum.
import { describe, expect, it } from 'vitest';
import { assign, type AssignmentInput } from './assign.js';
import { costScaling } from './cost-scaling.js';
import { InfeasibleFlowError, networkSimplex, type FlowProblem } from './network-simplex.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random pool: some pairs conflicted (left out of the candidates), integer affinities, small loads. */
function randomPool(seed: number): AssignmentInput & { conflicted: Set<string> } {
  const r = rng(seed);
  const apps = 1 + Math.floor(r() * 4);
  const experts = 1 + Math.floor(r() * 5);
  const conflicted = new Set<string>();
  const candidates = Array.from({ length: apps }, (_, a) =>
    Array.from({ length: experts }, (_, e) => e)
      .filter((e) => {
        if (r() < 0.25) {
          conflicted.add(`${a}:${e}`);
          return false;
        }
        return true;
      })
      .map((expert) => ({ expert, affinity: Math.floor(r() * 1000) })),
  );
  return {
    need: Array.from({ length: apps }, () => 1 + Math.floor(r() * 2)),
    load: Array.from({ length: experts }, () => Math.floor(r() * 3)),
    candidates,
    conflicted,
  };
}

/** Every way to give each application a subset of its candidates; the best (filled, affinity) within the loads. */
function bruteForce(input: AssignmentInput): { filled: number; affinity: number } {
  let best = { filled: -1, affinity: -1 };
  const used = new Array<number>(input.load.length).fill(0);
  const walk = (a: number, filled: number, affinity: number) => {
    if (a === input.need.length) {
      if (filled > best.filled || (filled === best.filled && affinity > best.affinity)) best = { filled, affinity };
      return;
    }
    const list = input.candidates[a]!;
    for (let mask = 0; mask < 1 << list.length; mask += 1) {
      const chosen = list.filter((_, i) => mask & (1 << i));
      if (chosen.length > input.need[a]!) continue;
      if (chosen.some((c) => used[c.expert]! + 1 > input.load[c.expert]!)) continue;
      for (const c of chosen) used[c.expert]! += 1;
      walk(a + 1, filled + chosen.length, affinity + chosen.reduce((s, c) => s + c.affinity, 0));
      for (const c of chosen) used[c.expert]! -= 1;
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('optimal assignment', () => {
  it.each(['network-simplex', 'cost-scaling'] as const)('matches an exhaustive search on 300 random pools (%s), never pairing a conflict or exceeding a load', (solver) => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const pool = randomPool(seed);
      const result = assign(pool, solver);
      const loads = new Array<number>(pool.load.length).fill(0);
      const seen = new Set<string>();
      for (const p of result.pairs) {
        const key = `${p.application}:${p.expert}`;
        expect(pool.conflicted.has(key), `seed ${seed}: conflicted pair ${key}`).toBe(false);
        expect(seen.has(key), `seed ${seed}: pair twice`).toBe(false);
        seen.add(key);
        loads[p.expert]! += 1;
      }
      loads.forEach((l, e) => expect(l, `seed ${seed}: load of expert ${e}`).toBeLessThanOrEqual(pool.load[e]!));
      const best = bruteForce(pool);
      expect({ filled: result.pairs.length, affinity: result.totalAffinity }, `seed ${seed}`).toEqual(best);
      const missing = result.unfilled.reduce((s, u) => s + u.missing, 0);
      expect(missing, `seed ${seed}: unfilled places are reported`).toBe(pool.need.reduce((s, n) => s + n, 0) - result.pairs.length);
    }
  });

  it('explains unfilled applications: too few experts without a conflict, or experts already full', () => {
    const result = assign({
      need: [2, 1],
      load: [1, 0],
      candidates: [[{ expert: 0, affinity: 5 }], [{ expert: 1, affinity: 9 }]],
    });
    expect(result.unfilled).toEqual([
      { application: 0, missing: 1, candidates: 1, reason: 'too_few_candidates' },
      { application: 1, missing: 1, candidates: 1, reason: 'experts_full' },
    ]);
  });

  it('keeps pinned pairs and optimises the rest around them', () => {
    const candidates = [
      [
        { expert: 0, affinity: 100 },
        { expert: 1, affinity: 10 },
      ],
      [
        { expert: 0, affinity: 90 },
        { expert: 1, affinity: 80 },
      ],
    ];
    const free = assign({ need: [1, 1], load: [1, 1], candidates });
    expect(free.totalAffinity).toBe(180);
    const pinned = assign({ need: [1, 1], load: [1, 1], candidates, pinned: [[1, 0]] });
    expect(pinned.pairs).toEqual(
      expect.arrayContaining([
        { application: 1, expert: 0, affinity: 90, pinned: true },
        { application: 0, expert: 1, affinity: 10, pinned: false },
      ]),
    );
    expect(pinned.totalAffinity).toBe(100);
  });

  it('gives the same optimum with both solvers on 40 larger random pools', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const r = rng(seed * 7919);
      const apps = 20 + Math.floor(r() * 40);
      const experts = 10 + Math.floor(r() * 30);
      const input: AssignmentInput = {
        need: Array.from({ length: apps }, () => 1 + Math.floor(r() * 4)),
        load: Array.from({ length: experts }, () => Math.floor(r() * 8)),
        candidates: Array.from({ length: apps }, () =>
          Array.from({ length: experts }, (_, expert) => ({ expert, affinity: Math.floor(r() * 1000) })).filter(() => r() < 0.4),
        ),
      };
      const a = assign(input, 'network-simplex');
      const b = assign(input, 'cost-scaling');
      expect({ filled: a.pairs.length, affinity: a.totalAffinity }, `seed ${seed}`).toEqual({ filled: b.pairs.length, affinity: b.totalAffinity });
    }
  });

  it('refuses fractional costs, which would make the optimum inexact', () => {
    const problem = randomFlowProblem(1);
    problem.cost[0] = 0.5;
    expect(() => networkSimplex(problem)).toThrow(/integers/);
    expect(() => costScaling(problem)).toThrow(/integers/);
  });
});

/** A random directed graph with cycles, negative costs and capacities, and supplies some flow meets. */
function randomFlowProblem(seed: number): FlowProblem {
  const r = rng(seed);
  const nodes = 2 + Math.floor(r() * 12);
  const arcs = Math.floor(r() * nodes * 4);
  const problem: FlowProblem = {
    nodes,
    arcs,
    source: new Int32Array(arcs),
    target: new Int32Array(arcs),
    capacity: new Int32Array(arcs),
    cost: new Float64Array(arcs),
    supply: new Int32Array(nodes),
  };
  for (let e = 0; e < arcs; e += 1) {
    problem.source[e] = Math.floor(r() * nodes);
    problem.target[e] = Math.floor(r() * nodes);
    problem.capacity[e] = Math.floor(r() * 6);
    problem.cost[e] = Math.floor(r() * 41) - 15;
    // Supplies from a flow that exists, so the problem is feasible.
    const f = Math.floor(r() * (problem.capacity[e]! + 1));
    const [from, to] = [problem.source[e]!, problem.target[e]!];
    problem.supply[from] = problem.supply[from]! + f;
    problem.supply[to] = problem.supply[to]! - f;
  }
  return problem;
}

describe('network simplex on general graphs', () => {
  it('finds the optimum cost scaling finds, on 500 random graphs with cycles and negative costs', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const problem = randomFlowProblem(seed);
      const simplex = networkSimplex(problem);
      const scaling = costScaling(problem);
      expect(simplex.cost, `seed ${seed}`).toBe(scaling.cost);
      const balance = Array.from(problem.supply);
      for (let e = 0; e < problem.arcs; e += 1) {
        expect(simplex.flow[e]).toBeGreaterThanOrEqual(0);
        expect(simplex.flow[e]).toBeLessThanOrEqual(problem.capacity[e]!);
        balance[problem.source[e]!]! -= simplex.flow[e]!;
        balance[problem.target[e]!]! += simplex.flow[e]!;
      }
      expect(balance.every((b) => b === 0), `seed ${seed}: flow conservation`).toBe(true);
    }
  });

  it('reports supplies that cannot be met', () => {
    const problem: FlowProblem = {
      nodes: 2,
      arcs: 1,
      source: Int32Array.of(0),
      target: Int32Array.of(1),
      capacity: Int32Array.of(1),
      cost: Float64Array.of(1),
      supply: Int32Array.of(2, -2),
    };
    expect(() => networkSimplex(problem)).toThrow(InfeasibleFlowError);
  });
});

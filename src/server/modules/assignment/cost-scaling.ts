// Minimum-cost flow by cost scaling: the second solver, kept to cross-check the network simplex on random instances
// too large for an exhaustive search.
import { InfeasibleFlowError, type FlowProblem, type FlowSolution } from './network-simplex.js';

/**
 * Minimum-cost flow with fixed supplies by cost scaling (Goldberg–Tarjan push-relabel with ε-scaling). Costs are
 * multiplied by n + 1, so that 1-optimality of the scaled costs is exact optimality of the integer ones.
 * `supply[v]` > 0 is a source, < 0 a sink; the supplies must balance and be feasible.
 */
export function costScaling(problem: FlowProblem, alpha = 16): FlowSolution {
  const n = problem.nodes;
  const arcs = problem.arcs * 2;
  // Residual arcs side by side: 2e forward, 2e + 1 its reverse, in adjacency lists.
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const cap = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  for (let e = 0; e < problem.arcs; e += 1) {
    if (!Number.isInteger(problem.cost[e]!)) throw new Error('costs must be integers for an exact optimum');
    const u = problem.source[e]!;
    const v = problem.target[e]!;
    to[2 * e] = v;
    cap[2 * e] = problem.capacity[e]!;
    cost[2 * e] = problem.cost[e]!;
    next[2 * e] = head[u]!;
    head[u] = 2 * e;
    to[2 * e + 1] = u;
    cost[2 * e + 1] = -problem.cost[e]!;
    next[2 * e + 1] = head[v]!;
    head[v] = 2 * e + 1;
  }
  const supply = problem.supply;
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
          if (best === -Infinity) throw new InfeasibleFlowError();
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
  const flow = new Int32Array(problem.arcs);
  let total = 0;
  for (let e = 0; e < problem.arcs; e += 1) {
    flow[e] = cap[2 * e + 1]!;
    total += flow[e]! * cost[2 * e]!;
  }
  return { flow, cost: total, pivots: 0 };
}

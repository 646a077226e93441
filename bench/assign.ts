// Benchmark P1 (QUALITY.md): the optimal expert assignment on generated instances, against LEMON's min-cost flow
// (`dimacs-solver` from Debian's liblemon-utils) on the same DIMACS file in the same run. Prints, per size, our total
// against LEMON's optimum (they must be equal), our graph build + solve time as a ratio of LEMON's, and peak memory.
//   npm run bench -- assign [--sizes small,medium,large]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assign, type Candidate } from '../src/server/modules/assignment/assign.js';

interface Size {
  name: string;
  applications: number;
  experts: number;
  /** Candidates kept per application (all of them when it equals the experts). */
  top: number;
  k: number;
}

const SIZES: Size[] = [
  { name: 'small', applications: 1000, experts: 400, top: 400, k: 3 },
  { name: 'medium', applications: 5000, experts: 2000, top: 200, k: 3 },
  { name: 'large', applications: 10000, experts: 8000, top: 200, k: 3 },
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A seeded instance: topic mixtures for affinities, an imbalance between disciplines, institution conflicts, skewed
 * loads. Affinities are integers 0–1000. */
export function generate(size: Size, seed = 20181024) {
  const r = rng(seed);
  const topics = 20;
  const mixture = (skew: number) => {
    const w = Array.from({ length: topics }, (_, i) => r() * (i < topics / 4 ? skew : 1) ** 2);
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / sum);
  };
  const apps = Array.from({ length: size.applications }, () => ({ mix: mixture(3), institution: Math.floor(r() * (size.experts / 4)) }));
  const experts = Array.from({ length: size.experts }, () => ({ mix: mixture(1), institution: Math.floor(r() * (size.experts / 4)) }));
  const candidates: Candidate[][] = apps.map((a) => {
    const list: Candidate[] = [];
    experts.forEach((e, ei) => {
      if (e.institution === a.institution) return; // a conflict
      let dot = 0;
      for (let i = 0; i < topics; i += 1) dot += Math.sqrt(a.mix[i]! * e.mix[i]!);
      list.push({ expert: ei, affinity: Math.round(dot * 1000) });
    });
    return list.sort((x, y) => y.affinity - x.affinity).slice(0, size.top);
  });
  const need = apps.map(() => size.k);
  const average = (size.applications * size.k) / size.experts;
  const load = experts.map(() => Math.max(1, Math.round(average * (0.6 + r() * 1.2))));
  return { need, load, candidates };
}

type Instance = ReturnType<typeof generate>;

/** The same problem as one min-cost flow with fixed supplies: a bypass arc carries the places that cannot be filled,
 * at a cost larger than any gain, so the optimum fills as much as possible first, as ours does. */
export function toDimacs(instance: Instance, file: string): { penalty: number; totalNeed: number } {
  const apps = instance.need.length;
  const experts = instance.load.length;
  const totalNeed = instance.need.reduce((a, b) => a + b, 0);
  const maxAffinity = instance.candidates.reduce((m, list) => list.reduce((n, c) => Math.max(n, c.affinity), m), 1);
  const penalty = maxAffinity * (apps + experts) + 1;
  const source = 1;
  const sink = apps + experts + 2;
  const arcs = instance.candidates.reduce((s, c) => s + c.length, 0) + apps + experts + 1;
  const out = fs.openSync(file, 'w');
  let buffer: string[] = [];
  const write = (line: string) => {
    buffer.push(line);
    if (buffer.length >= 10000) {
      fs.writeSync(out, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  };
  write(`p min ${sink} ${arcs}`);
  write(`n ${source} ${totalNeed}`);
  write(`n ${sink} ${-totalNeed}`);
  for (let a = 0; a < apps; a += 1) write(`a ${source} ${2 + a} 0 ${instance.need[a]} 0`);
  for (let e = 0; e < experts; e += 1) write(`a ${2 + apps + e} ${sink} 0 ${instance.load[e]} 0`);
  instance.candidates.forEach((list, a) => {
    for (const c of list) write(`a ${2 + a} ${2 + apps + c.expert} 0 1 ${-c.affinity}`);
  });
  write(`a ${source} ${sink} 0 ${totalNeed} ${penalty}`);
  fs.writeSync(out, `${buffer.join('\n')}\n`);
  fs.closeSync(out);
  return { penalty, totalNeed };
}

function lemon(file: string): { cost: number; solveMs: number } {
  const res = spawnSync('dimacs-solver', ['-long', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const text = `${res.stdout}\n${res.stderr}`;
  const cost = /Min flow cost:\s*(-?\d+)/i.exec(text);
  // LEMON's own graph setup and solve (not the file parsing), as P1 compares.
  const seconds = (step: string) => Number(new RegExp(`${step} NetworkSimplex[^\\n]*real:\\s*([\\d.e+-]+)s`).exec(text)?.[1] ?? NaN);
  if (!cost) throw new Error(`could not read LEMON's output:\n${text.slice(0, 2000)}`);
  return { cost: Number(cost[1]), solveMs: (seconds('Setup') + seconds('Run')) * 1000 };
}

function ensureLemon(): void {
  if (spawnSync('which', ['dimacs-solver']).status === 0) return;
  console.log('installing liblemon-utils (LEMON) with apt-get…');
  execFileSync('apt-get', ['install', '-y', 'liblemon-utils'], { stdio: 'inherit' });
}

export async function benchAssign(names: string[]): Promise<void> {
  ensureLemon();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiebang-bench-'));
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log('size      pairs      our total      LEMON total    equal  ours ms  LEMON ms  ratio  peak MB');
  for (const size of SIZES.filter((s) => names.includes(s.name))) {
    const instance = generate(size);
    const file = path.join(dir, `${size.name}.dimacs`);
    const { penalty, totalNeed } = toDimacs(instance, file);
    const start = performance.now();
    const result = assign(instance);
    const oursMs = performance.now() - start;
    // The process's peak resident memory so far (kB), generator included: an upper bound for the solver's.
    const peak = process.resourceUsage().maxRSS * 1024;
    const ourCost = -result.totalAffinity + penalty * (totalNeed - result.pairs.length);
    const reference = lemon(file);
    const row = [
      size.name.padEnd(9),
      String(result.pairs.length).padStart(6),
      String(ourCost).padStart(14),
      String(reference.cost).padStart(14),
      (ourCost === reference.cost ? 'yes' : 'NO').padStart(6),
      oursMs.toFixed(0).padStart(8),
      reference.solveMs.toFixed(0).padStart(9),
      (oursMs / reference.solveMs).toFixed(1).padStart(6),
      (peak / 2 ** 20).toFixed(0).padStart(8),
    ];
    console.log(row.join(' '));
    fs.rmSync(file);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

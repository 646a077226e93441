// The P5 size budget (QUALITY.md), checked on the build: the JavaScript a browser downloads before a page shows (the
// entry, the page's own chunk and everything they import statically), gzip-compressed, within 300 KB for every page
// of src/web/pages.ts; every page its own chunk; the charts (ECharts, the China map) in no page's first load and the
// map loaded by the chart code only. Code a page loads later (a dialog, a tab, a drawer) is listed, not budgeted.
// Reads the Vite manifest of dist/web: run after `npm run build:web`. `--json` prints the figures.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './ensure-build.js';

const BUDGET = 300 * 1024;
const webDir = path.join(ROOT, 'dist/web');
const manifestPath = path.join(webDir, '.vite/manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`[size] ${path.relative(ROOT, manifestPath)} is missing: run npm run build:web first`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const gzipSizes = new Map();
const gzipSize = (file) => {
  if (!gzipSizes.has(file)) gzipSizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length);
  return gzipSizes.get(file);
};
const bytes = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(f), 0);
const kb = (n) => Math.round(n / 102.4) / 10;

/** The manifest keys a chunk loads before it runs: itself and its static imports, transitively. */
function closure(key, into = new Set()) {
  if (!manifest[key] || into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, into);
  return into;
}
const filesOf = (keys) => new Set([...keys].map((k) => manifest[k].file));
const dynamicImportsOf = (keys) => new Set([...keys].flatMap((k) => manifest[k].dynamicImports ?? []));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entryKeys = closure(entryKey);
const entryLater = dynamicImportsOf(entryKeys);
const pages = [...entryLater].filter((k) => k.startsWith('src/web/pages/'));
const isPage = (key) => pages.includes(key);
/** A short name for a chunk: `program-editor/EntryDrawer`, `antd/es/modal`. */
const label = (key) => key.replace(/^(src\/web\/(pages\/)?|node_modules\/)/, '').replace(/(\/index)?\.(tsx?|jsx?|json)$/, '');
const problems = [];

// Routes split: every page named in pages.ts is a chunk of its own, loaded on demand.
const listed = [...fs.readFileSync(path.join(ROOT, 'src/web/pages.ts'), 'utf8').matchAll(/import\('\.\/(pages\/[^']+)\.js'\)/g)].map((m) => `src/web/${m[1]}.tsx`);
for (const page of new Set(listed)) {
  if (!pages.includes(page)) problems.push(`${page} is not a chunk of its own loaded on demand (routes must stay split)`);
}

const charts = Object.keys(manifest).filter((k) => /components\/charts\/echarts\.ts$|node_modules\/china-geojson\//.test(k));
const chartFiles = filesOf(charts);
const entryFiles = filesOf(entryKeys);
const rows = pages
  .map((key) => {
    const keys = closure(key, new Set(entryKeys));
    const files = filesOf(keys);
    const first = bytes(files);
    for (const f of files) if (chartFiles.has(f)) problems.push(`${key} loads the chart code (${f}) before it shows`);
    // What the page fetches later, on an action or once shown (dialogs, tabs, drawers, charts, the English texts).
    const later = [...dynamicImportsOf(keys)]
      .filter((k) => !isPage(k) && !entryLater.has(k) && !files.has(manifest[k].file))
      .map((k) => ({ chunk: label(k), addsKb: kb(bytes(filesOf(closure(k, new Set(keys)))) - first) }))
      .sort((a, b) => b.addsKb - a.addsKb);
    return { page: key.replace('src/web/pages/', ''), kb: kb(first), over: first > BUDGET, later };
  })
  .sort((a, b) => b.kb - a.kb);

// The map is only ever fetched by the chart code, and only when a map is drawn (ensureChinaMap).
for (const [key, chunk] of Object.entries(manifest)) {
  for (const dep of chunk.dynamicImports ?? []) {
    if (dep.includes('node_modules/china-geojson/') && !key.endsWith('components/charts/echarts.ts')) problems.push(`${key} loads the China map itself`);
  }
}
for (const r of rows) if (r.over) problems.push(`${r.page}: ${r.kb} KB, over the ${BUDGET / 1024} KB budget`);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: BUDGET / 1024, entryKb: kb(bytes(entryFiles)), pages: rows, problems }, null, 2));
} else {
  console.log(`[size] first load of each page, JavaScript gzip (budget ${BUDGET / 1024} KB; the entry alone ${kb(bytes(entryFiles))} KB); later: what the page fetches on an action or once shown, KB added:`);
  const entryLaterRows = [...entryLater]
    .filter((k) => !isPage(k))
    .map((k) => [label(k), kb(bytes(filesOf(closure(k, new Set(entryKeys)))) - bytes(entryFiles))])
    .filter(([, adds]) => adds >= 1)
    .map(([name, adds]) => `${name} +${adds}`);
  if (entryLaterRows.length > 0) console.log(`  every page, later: ${entryLaterRows.join(', ')}`);
  for (const r of rows) {
    const later = r.later.filter((l) => l.addsKb >= 1).map((l) => `${l.chunk} +${l.addsKb}`);
    console.log(`  ${r.over ? 'OVER' : 'ok  '} ${String(r.kb).padStart(6)} KB  ${r.page}${later.length > 0 ? `   (later: ${later.join(', ')})` : ''}`);
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(`[size] ${p}`);
  process.exit(1);
}

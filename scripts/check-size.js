// The P5 size budget (QUALITY.md): the JavaScript a browser downloads before a page shows (the entry, the page's own
// chunk and everything they import statically), gzip-compressed, must stay within 300 KB for every page. Reads the
// Vite manifest of dist/web; run after `npm run build:web`. `--json` prints the figures for each page.
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

/** The chunk files a manifest entry loads before it runs: itself and its static imports, transitively. */
function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, into);
  return into;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entryFiles = closure(entryKey);
const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k.startsWith('src/web/pages/'));
const rows = pages
  .map((key) => {
    const files = closure(key, new Set(entryFiles));
    const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(f), 0);
    return { page: key.replace('src/web/pages/', ''), kb: Math.round(bytes / 102.4) / 10, over: bytes > BUDGET };
  })
  .sort((a, b) => b.kb - a.kb);
const entryKb = Math.round([...entryFiles].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSize(f), 0) / 102.4) / 10;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: BUDGET / 1024, entryKb, pages: rows }, null, 2));
} else {
  console.log(`[size] first load of each page, JavaScript gzip (budget ${BUDGET / 1024} KB; the entry alone ${entryKb} KB):`);
  for (const r of rows) console.log(`  ${r.over ? 'OVER' : 'ok  '} ${String(r.kb).padStart(6)} KB  ${r.page}`);
}
const over = rows.filter((r) => r.over);
if (over.length > 0) {
  console.error(`[size] ${over.length} page(s) over the ${BUDGET / 1024} KB budget: ${over.map((r) => r.page).join(', ')}`);
  process.exit(1);
}

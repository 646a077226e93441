// Locations inside the installed package, the same whether running from src/ (tsx) or dist/ (compiled).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/server/paths.ts and dist/server/paths.js are both two levels below it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'src', 'server', 'db', 'migrations');
export const SEED_DIR = path.join(PACKAGE_ROOT, 'src', 'server', 'db', 'seed');
export const WEB_DIST_DIR = path.join(PACKAGE_ROOT, 'dist', 'web');

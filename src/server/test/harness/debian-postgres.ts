// A throwaway Debian PostgreSQL 15 server (initdb in a temporary folder, as the postgres user when root) with the
// settings a test asks for, e.g. fsync=off to prove the production start-up check refuses it (QUALITY R7).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../db/embedded.js';

export const DEBIAN_PG_BIN = '/usr/lib/postgresql/15/bin';

export interface ThrowawayServer {
  url: string;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(command: string, args: string[]): void {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** Starts a new cluster with these `-c name=value` settings; throws a clear error when PostgreSQL 15 is not installed. */
export async function startDebianPostgres(settings: Record<string, string> = {}): Promise<ThrowawayServer> {
  if (!fs.existsSync(path.join(DEBIAN_PG_BIN, 'postgres'))) {
    throw new Error(`PostgreSQL 15 server binaries are missing in ${DEBIAN_PG_BIN}: apt-get install postgresql-15 (.ci/run does)`);
  }
  if (isRoot() && spawnSync('id', ['postgres']).status !== 0) {
    spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  }
  const dir = fs.mkdtempSync(path.join(isRoot() ? '/tmp' : os.tmpdir(), 'jiebang-throwaway-pg-'));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(path.join(DEBIAN_PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const options = [`-c listen_addresses=127.0.0.1`, `-c port=${port}`, `-c unix_socket_directories=${dir}`];
  for (const [name, value] of Object.entries(settings)) options.push(`-c ${name}=${value}`);
  run(path.join(DEBIAN_PG_BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', options.join(' '), 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run(path.join(DEBIAN_PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

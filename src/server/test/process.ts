// Runs a server entry point (main.ts, or a launcher fixture) as a real child process, for crash and start-up tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export interface ChildRun {
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves when the output matches, rejects when the process exits first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function runTs(entry: string, args: string[], env: Record<string, string | undefined>): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, entry), ...args], {
    cwd: PACKAGE_ROOT,
    // Processes started by tests have no demo unless a test asks for one (JIEBANG_DEMO=1).
    env: { ...process.env, LOG_LEVEL: 'warn', JIEBANG_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? -1);
      for (const l of listeners) l();
    });
  });
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output:\n${text}`));
        }, timeoutMs);
        function check() {
          if (pattern.test(text)) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`process exited before ${pattern}; output:\n${text}`));
          }
        }
        listeners.add(check);
        check();
      });
    },
  };
}

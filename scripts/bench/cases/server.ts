import { spawn } from 'node:child_process';
import { cliBin } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';

export type Server = { url: string; readyMs: number; stop: (signal?: NodeJS.Signals) => Promise<void> };

/** Starts `leadledger web` (this tree's, or `bin`) and resolves when it prints its URL (the readiness we promise users). */
export function startServer(dbPath: string, bin = cliBin): Promise<Server> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, '--db', dbPath, 'web', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (\S+)/.exec(out);
      if (match) {
        resolve({
          url: match[1]!,
          readyMs: performance.now() - started,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`leadledger web exited ${code}: ${err.trim()}`)));
  });
}

export async function serverReadyCase(dbPath: string, runs: number): Promise<CaseResult> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer(dbPath);
    samples.push(server.readyMs);
    await server.stop();
  }
  const s = stats(samples);
  return {
    case: 'browser-mode server ready (process start → URL printed)',
    unit: 'ms',
    ...s,
    target: '≤ 1000 ms',
    met: s.median <= 1000,
  };
}

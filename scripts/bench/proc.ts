import { spawn } from 'node:child_process';
import path from 'node:path';

export const cliBin = path.resolve('bin/leadledger.js');

export type ProcResult = { ms: number; code: number; stdout: string; stderr: string; peakRssMiB: number | null };

/** Runs a command, timing it; peak RSS comes from GNU time (-f %M) when it is installed. */
export function runTimed(
  command: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcResult> {
  const useTime = process.platform === 'linux';
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '__PEAK_KB=%M', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv as string[], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peak = /__PEAK_KB=(\d+)/.exec(stderr);
      resolve({
        ms,
        code: code ?? 1,
        stdout,
        stderr: stderr.replace(/__PEAK_KB=\d+\n?/, ''),
        peakRssMiB: peak ? Number(peak[1]) / 1024 : null,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

export async function cli(args: string[]): Promise<ProcResult> {
  const result = await runTimed(process.execPath, [cliBin, ...args]);
  if (result.code !== 0)
    throw new Error(`leadledger ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result;
}

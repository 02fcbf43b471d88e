import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';

// The real sqlite3 shell as a foreign client kept open for a test: commands are written to its
// stdin one at a time, and `until` waits for a line it prints (.print MARK).

export const hasSqliteShell = spawnSync('sqlite3', ['-version']).status === 0;

export type Shell = {
  child: ChildProcessWithoutNullStreams;
  /** Sends SQL or dot-commands, then waits until the shell has printed `mark` (so they ran). */
  run: (commands: string, mark?: string) => Promise<string>;
  /** .quit, then the exit code and everything it wrote to stderr. */
  quit: () => Promise<{ code: number | null; stderr: string }>;
};

let marks = 0;

export function openShell(file: string, args: string[] = []): Shell {
  const child = spawn('sqlite3', [...args, file], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    run: (commands, mark = `mark-${++marks}`) =>
      new Promise((resolve, reject) => {
        const start = out.length;
        const timer = setTimeout(() => reject(new Error(`sqlite3 did not print ${mark}: ${err}`)), 60_000);
        const check = () => {
          const seen = out.indexOf(`${mark}\n`, start);
          if (seen < 0) return;
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve(out.slice(start, seen));
        };
        child.stdout.on('data', check);
        child.stdin.write(`${commands}\n.print ${mark}\n`);
        check();
      }),
    quit: async () => {
      child.stdin.end('.quit\n');
      return { code: await exited, stderr: err };
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Real processes for the data-safety tests: `leadledger web` and CLI commands, run from the
// TypeScript source (a stale build in out/ must not decide what is tested).

const bin = path.resolve('bin/leadledger.js');
const childEnv = () => ({ ...process.env, LEADLEDGER_FROM_SOURCE: '1', LEADLEDGER_RENDERER_DIR: rendererDir() });

let renderer: string | undefined;
/** `web` refuses to start without a built UI; the API is all these tests need. */
function rendererDir(): string {
  if (!renderer) {
    renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>LeadLedger</title>');
  }
  return renderer;
}

export type CliRun = { code: number; stdout: string; stderr: string };

export function runCli(args: string[], options: { input?: string } = {}): Promise<CliRun> {
  return runProgram(process.execPath, [bin, ...args], options);
}

export function runProgram(program: string, args: string[], options: { input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.on('error', () => {}); // a command that never reads stdin may exit before we finish writing it
    child.stdin.end(options.input ?? '');
  });
}

/** The API's envelope, loosely typed for tests. */
export type ApiAnswer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export type AppProcess = {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  api: (name: string, input?: unknown) => Promise<ApiAnswer>;
  upload: (name: string, text: string) => Promise<string>;
  /** SIGTERM, then the exit code (SIGKILL after 15 s). */
  stop: () => Promise<number | null>;
};

/** Starts `leadledger --db FILE web` and resolves once it prints its URL. */
export function startApp(dbPath: string): Promise<AppProcess> {
  const child = spawn(process.execPath, [bin, '--db', dbPath, 'web', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(),
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    // From the TypeScript source (tsx): a second or two on a quiet machine, much longer on a loaded one.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web did not start within 90 s: ${err}`));
    }, 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web exited ${code}: ${err}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const url = new URL(match[1]!);
      const token = url.searchParams.get('token')!;
      const headers = { authorization: `Bearer ${token}` };
      resolve({
        child,
        url: url.origin,
        stderr: () => err,
        api: async (name, input = {}) => {
          const response = await fetch(`${url.origin}/api/${name}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          return (await response.json()) as ApiAnswer;
        },
        upload: async (name, text) => {
          const response = await fetch(`${url.origin}/api/files/upload?name=${encodeURIComponent(name)}`, {
            method: 'POST',
            headers,
            body: text,
          });
          const answer = (await response.json()) as { ok: boolean; value: { fileId: string } };
          if (!answer.ok) throw new Error(`upload failed: ${JSON.stringify(answer)}`);
          return answer.value.fileId;
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', (code) => {
              clearTimeout(force);
              done(code);
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export const leadsHeader =
  'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on';

/** A leads CSV in our own format, one row per ref. */
export function leadsCsv(refs: readonly string[]): string {
  return `${[leadsHeader, ...refs.map((ref) => `${ref},Upwork,Imported ${ref},Client,,applied,2026-03-01,2026-03-02,,2,0,0,100.00,USD,,,,`)].join('\n')}\n`;
}

/** Polls csv:job until the import ends; returns the final job. */
export async function waitForImport(app: AppProcess, jobId: string): Promise<{ state: string; error: string | null }> {
  for (;;) {
    const answer = await app.api('csv:job', { jobId });
    if (!answer.ok) throw new Error(`csv:job failed: ${answer.error?.message}`);
    const job = answer.value as { state: string; error: string | null };
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The processes a chaos sequence drives: the browser-mode server (over HTTP with its token), the
// leadledger CLI, and a foreign SQLite client (the sqlite3 shell). Each is a real child process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the CLI from the current source, like `npm run build` does (scripts/build-cli.mjs), into
 * node_modules/.cache so it resolves the project's packages; tsx would add seconds to every start
 * (docs/performance.md).
 */
export async function bundleCli() {
  const outfile = path.join(root, 'node_modules/.cache/leadledger-chaos/leadledger.mjs');
  await build({
    entryPoints: [path.join(root, 'src/cli/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** A stand-in UI folder: the server refuses to start without an index.html, the harness never loads it. */
export function stubRenderer(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>chaos</title>');
  return dir;
}

/** Runs a child to its end; `killAfterMs` sends SIGKILL after that long (if it is still running). */
export function runProcess(command, args, { killAfterMs, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.exitCode === null && child.kill('SIGKILL');
          }, killAfterMs);
    const hang = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      clearTimeout(hang);
      resolve({ code, signal, killed: killed && signal === 'SIGKILL', stdout, stderr });
    });
  });
}

export function cli(bundle, db, args, options = {}) {
  return runProcess(process.execPath, [bundle, '--db', db, ...args], {
    ...options,
    env: { LEADLEDGER_IMPORT_BULK_BYTES: '0', ...options.env },
  });
}

export const hasSqliteShell = () => spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;

/**
 * A foreign reader, as a user's sqlite3 shell, a backup tool or a sync client would open the file:
 * a plain read-write open (the last connection to close checkpoints and deletes the WAL).
 */
export function foreignRead(db) {
  return runProcess('sqlite3', ['-cmd', '.timeout 2000', db, 'select count(*) from leads'], { timeoutMs: 30_000 });
}

/** Starts `leadledger web`; resolves once it prints its URL. */
export function startServer(bundle, db, rendererDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, '--db', db, 'web', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Every import counts as big (indexes rebuilt in its transaction): the path that used to swap the file.
      env: { ...process.env, LEADLEDGER_RENDERER_DIR: rendererDir, LEADLEDGER_IMPORT_BULK_BYTES: '0' },
    });
    let out = '';
    const server = { child, stderr: '', exited: false };
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s: ${server.stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /running at (\S+)/.exec(out);
      if (match && !server.url) {
        clearTimeout(timer);
        const url = new URL(match[1]);
        Object.assign(server, { url: url.origin, token: url.searchParams.get('token') });
        resolve(server);
      }
    });
    child.stderr.on('data', (d) => (server.stderr += d));
    child.on('exit', (code, signal) => {
      server.exited = true;
      server.exit = { code, signal };
      clearTimeout(timer);
      if (!server.url) reject(new Error(`the server exited (${code ?? signal}) before it started: ${server.stderr}`));
    });
  });
}

/** One API call; a refused or cut connection is a failed (unacknowledged) call, never a throw. */
export async function call(server, name, input = {}) {
  try {
    const response = await fetch(`${server.url}/api/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return await response.json();
  } catch (error) {
    return { ok: false, error: { code: 'transport', message: String(error?.cause?.code ?? error) } };
  }
}

export async function upload(server, name, text) {
  try {
    const response = await fetch(`${server.url}/api/files/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/csv' },
      body: text,
    });
    return await response.json();
  } catch (error) {
    return { ok: false, error: { code: 'transport', message: String(error?.cause?.code ?? error) } };
  }
}

const exited = (server) =>
  new Promise((resolve) => (server.exited ? resolve() : server.child.once('exit', () => resolve())));

export async function killServer(server) {
  if (!server.exited) server.child.kill('SIGKILL');
  await exited(server);
}

/** A normal quit (SIGTERM, as Ctrl+C or a session logout); SIGKILL only if it hangs. Returns true if it quit by itself. */
export async function stopServer(server, graceMs = 10_000) {
  if (server.exited) return true;
  const force = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  server.child.kill('SIGTERM');
  await exited(server);
  clearTimeout(force);
  return server.exit.signal !== 'SIGKILL';
}

/**
 * A sqlite3 shell kept open as another program would (a user's shell, a sync client): it opens the
 * file at start and takes no lock until it reads. `run` sends commands and resolves with what they
 * printed once `.print` shows they ran; `quit` ends it.
 */
export function openShell(db) {
  const child = spawn('sqlite3', [db], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let marks = 0;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.on('error', () => {});
  const closed = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  return {
    stderr: () => err,
    run: (commands, timeoutMs = 60_000) =>
      new Promise((resolve) => {
        const mark = `chaos-mark-${++marks}`;
        const start = out.length;
        const done = (value) => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve(value);
        };
        const timer = setTimeout(() => done(null), timeoutMs);
        const check = () => {
          const at = out.indexOf(`${mark}\n`, start);
          if (at >= 0) done(out.slice(start, at));
        };
        child.stdout.on('data', check);
        child.stdin.write(`${commands}\n.print ${mark}\n`);
      }),
    quit: async () => {
      if (child.exitCode === null && !child.stdin.writableEnded) child.stdin.end('.quit\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await closed;
      clearTimeout(timer);
      return code;
    },
  };
}

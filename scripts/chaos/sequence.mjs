// One chaos sequence: random steps against one database by the app (browser-mode server), the CLI
// and a foreign sqlite3 client, with SIGKILLs; then every acknowledged write must still be there.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { call, cli, foreignRead, killServer, openShell, startServer, stopServer, upload } from './processes.mjs';

const header =
  'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on';

/** A leads.csv in our own format whose refs are unique to this step. */
function leadsCsv(refs) {
  const rows = refs.map((ref, i) =>
    [
      ref,
      'Upwork',
      `Chaos import ${ref}`,
      `Client ${i}`,
      '',
      'applied',
      '2026-11-02',
      '2026-11-03',
      '',
      '4',
      '0',
      '0',
      '120.00',
      'USD',
      '',
      'chaos',
      '',
      '',
    ].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** Weighted steps; each returns a short word for the sequence's log. */
const steps = [
  ['api-create', 6, (s) => s.apiCreate()],
  ['app-import', 2, (s) => s.appImport({})],
  ['app-import-dry-run', 1, (s) => s.appImport({ dryRun: true })],
  ['app-import+foreign-read', 2, (s) => s.appImport({ concurrentRead: true })],
  ['cli-import', 2, (s) => s.cliImport(false)],
  ['cli-import+kill', 1, (s) => s.cliImport(true)],
  ['cli-import+api-create', 1, (s) => Promise.all([s.cliImport(false), s.apiCreate()])],
  ['app-import+api-create', 1, (s) => Promise.all([s.appImport({}), s.apiCreate()])],
  ['foreign-read', 4, (s) => s.read()],
  ['api-backup', 1, (s) => s.backup('api')],
  ['cli-backup', 1, (s) => s.backup('cli')],
  ['api-restore', 1, (s) => s.restore('api')],
  ['cli-restore', 1, (s) => s.restore('cli')],
  ['foreign-open-early+app-import', 2, (s) => s.foreignEarlyImport()],
  ['cli-restore+api-writes', 2, (s) => s.restoreUnderWrites()],
  ['restart-under-lock', 1, (s) => s.restartUnderLock()],
  ['kill-server', 1, (s) => s.killServer(false)],
  ['kill-server-mid-write', 2, (s) => s.killServer(true)],
  ['restart-server', 1, (s) => s.restartServer()],
];
const totalWeight = steps.reduce((n, [, w]) => n + w, 0);

function pick(random) {
  let r = random() * totalWeight;
  for (const step of steps) if ((r -= step[1]) < 0) return step;
  return steps.at(-1);
}

/** The titles of the leads in a database file (read from outside, as a user's tool would). */
function titlesIn(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare("SELECT title FROM leads WHERE title LIKE 'chaos-%'").pluck().all());
  } finally {
    db.close();
  }
}

class Sequence {
  constructor({ index, dir, bundle, rendererDir, random, cliImportMs }) {
    Object.assign(this, { index, dir, bundle, rendererDir, random, cliImportMs });
    this.db = path.join(dir, 'leadledger.db');
    // One sequence in three reaches its database through a symlink (a file kept in a synced folder):
    // every process is given the link; the file and its backups live beside the target.
    this.realDir = dir;
    this.linked = this.random() < 1 / 3;
    if (this.linked) {
      this.realDir = path.join(dir, 'Sync');
      fs.mkdirSync(this.realDir);
      fs.renameSync(this.db, path.join(this.realDir, 'leadledger.db')); // before any process opens it
      fs.symlinkSync(path.join('Sync', 'leadledger.db'), this.db);
    }
    this.realDb = path.join(this.realDir, 'leadledger.db');
    this.server = null;
    this.expected = new Set(); // "t:<title>" or "r:<ref>" of every acknowledged write
    this.backups = []; // { path, name, snapshot } of backups this sequence made
    this.counter = 0;
    this.kills = { server: 0, cli: 0 };
    this.refusals = {}; // error codes and CLI messages of writes that were refused (not acknowledged)
    this.problems = [];
    this.silentCliFailures = 0;
    this.keptChecked = 0; // writes during a restore found (rightly) only in its pre-restore copy
    this.lostDuringRestore = [];
  }

  /** The CLI; a non-zero exit with no message (or a stack trace) is a defect of its own, counted apart. */
  async cli(args, options) {
    const run = await cli(this.bundle, this.db, args, options);
    const said = run.stderr.trim();
    if (!run.killed && run.code !== 0 && (said === '' || /\n\s+at /.test(said))) {
      this.silentCliFailures++;
      this.problems.push(
        `leadledger ${args[0]} exited ${run.code ?? run.signal} ${said ? 'with a stack trace' : 'without a message'}`,
      );
    }
    return run;
  }

  refused(what) {
    const key = String(what).split('\n')[0].slice(0, 120);
    this.refusals[key] = (this.refusals[key] ?? 0) + 1;
  }

  /** The running server, started if needed; concurrent steps share one start. */
  ensureServer() {
    if (this.server && !this.server.exited) return Promise.resolve(this.server);
    this.starting ??= this.startServer().finally(() => (this.starting = null));
    return this.starting;
  }

  async startServer() {
    this.server = await startServer(this.bundle, this.db, this.rendererDir);
    if (/moved|damaged|restored|read-only/i.test(this.server.stderr))
      this.problems.push(`the server said at start: ${this.server.stderr.trim()}`);
    if (!this.sourceId) {
      const sources = await call(this.server, 'sources:list', {});
      if (!sources.ok || !sources.value.length)
        throw new Error(`sources:list failed: ${JSON.stringify(sources.error)}`);
      this.sourceId = sources.value[0].id;
    }
    return this.server;
  }

  nextRefs() {
    const step = ++this.counter;
    const rows = 1 + Math.floor(this.random() * 30);
    return Array.from({ length: rows }, (_, i) => `chaos-${this.index}-${step}-${i}`);
  }

  async apiCreate() {
    const server = await this.ensureServer();
    const title = `chaos-${this.index}-${++this.counter}`;
    const reply = await call(server, 'leads:create', { title, sourceId: this.sourceId });
    if (reply.ok) this.expected.add(`t:${title}`);
    else this.refused(`leads:create ${reply.error.code}`);
  }

  async appImport({ dryRun = false, concurrentRead = false }) {
    const server = await this.ensureServer();
    const refs = this.nextRefs();
    const file = await upload(server, 'leads.csv', leadsCsv(refs));
    if (!file.ok) return this.refused(`upload ${file.error.code}`);
    const started = await call(server, 'csv:start-import', { fileId: file.value.fileId, as: 'leads', dryRun });
    if (!started.ok) return this.refused(`csv:start-import ${started.error.code}: ${started.error.message}`);
    const reading = concurrentRead ? this.read() : Promise.resolve();
    let job;
    for (let polls = 0; polls < 3000; polls++) {
      job = await call(server, 'csv:job', { jobId: started.value.jobId });
      if (!job.ok || job.value.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await reading;
    if (job.ok && job.value.state === 'done' && job.value.summary?.applied && !dryRun)
      for (const ref of refs) this.expected.add(`r:${ref}`);
    else if (!dryRun)
      this.refused(`csv:job ${job.ok ? `${job.value.state} ${job.value.error ?? ''}` : job.error.code}`);
  }

  async cliImport(kill) {
    const refs = this.nextRefs();
    const file = path.join(this.dir, `import-${this.counter}.csv`);
    fs.writeFileSync(file, leadsCsv(refs));
    const killAfterMs = kill ? this.random() * this.cliImportMs * 1.2 : undefined;
    const run = await this.cli(['import', file, '--as', 'leads'], { killAfterMs });
    if (run.killed) this.kills.cli++;
    if (run.code === 0) for (const ref of refs) this.expected.add(`r:${ref}`);
    else if (!run.killed) this.refused(`cli import: ${run.stderr.trim()}`);
  }

  async read() {
    const run = await foreignRead(this.db);
    if (run.code !== 0) this.refused(`sqlite3: ${run.stderr.trim()}`);
  }

  async backup(via) {
    const snapshot = new Set(this.expected);
    if (via === 'api') {
      const reply = await call(await this.ensureServer(), 'backups:create', {});
      if (!reply.ok) return this.refused(`backups:create ${reply.error.code}`);
      this.backups.push({
        name: reply.value.name,
        path: path.join(this.realDir, 'backups', reply.value.name),
        snapshot,
      });
    } else {
      const run = await this.cli(['backup']);
      const made = / to (.+) \(/.exec(run.stdout)?.[1];
      if (run.code !== 0 || !made) return this.refused(`cli backup: ${run.stderr.trim()}`);
      this.backups.push({ name: path.basename(made), path: made, snapshot });
    }
  }

  /** A restore that succeeds takes the data back to what the backup held: that becomes the expectation. */
  async restore(via) {
    const backup = this.backups.at(-1);
    if (!backup) return this.backup(via);
    if (via === 'api') {
      const reply = await call(await this.ensureServer(), 'backups:restore', { name: backup.name });
      if (reply.ok) this.expected = new Set(backup.snapshot);
      else this.refused(`backups:restore ${reply.error.code}: ${reply.error.message}`);
    } else {
      const run = await this.cli(['restore', backup.path]);
      if (run.code === 0) this.expected = new Set(backup.snapshot);
      else this.refused(`cli restore: ${run.stderr.trim()}`);
    }
  }

  /**
   * A sqlite3 shell opens the file before a big app import (no lock until it reads) and writes after
   * it; the shell's write, once it printed its change, is acknowledged like any other.
   */
  async foreignEarlyImport() {
    const shell = openShell(this.db);
    try {
      if ((await shell.run('.timeout 10000')) === null) return this.refused('sqlite3 did not start');
      await this.appImport({});
      const note = `chaos-shell-${this.index}-${++this.counter}`;
      const out = await shell.run(
        `UPDATE leads SET notes = '${note}' WHERE id = (SELECT MIN(id) FROM leads WHERE notes NOT LIKE 'chaos-shell-%');\nSELECT changes();`,
      );
      if (out?.trim() === '1') this.expected.add(`n:${note}`);
      else this.refused(`sqlite3 write: ${(out ?? 'no answer').trim()} ${shell.stderr().trim()}`);
    } finally {
      await shell.quit();
    }
  }

  /**
   * `leadledger restore` while the app keeps creating leads: every write acknowledged meanwhile must
   * be in the restored file (it came after) or in the pre-restore copy (it came before).
   */
  async restoreUnderWrites() {
    const backup = this.backups.at(-1);
    if (!backup) return this.backup('cli');
    const server = await this.ensureServer();
    let writing = true;
    const during = [];
    const loop = (async () => {
      while (writing) {
        const title = `chaos-${this.index}-${++this.counter}`;
        const reply = await call(server, 'leads:create', { title, sourceId: this.sourceId });
        if (reply.ok) during.push(title);
        else {
          this.refused(`leads:create ${reply.error.code}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, this.random() * 100));
    const run = await this.cli(['restore', backup.path]);
    writing = false;
    await loop;
    if (run.code !== 0) {
      this.refused(`cli restore: ${run.stderr.trim()}`);
      for (const title of during) this.expected.add(`t:${title}`);
      return;
    }
    this.expected = new Set(backup.snapshot);
    const kept = / kept as (.+)\.\n?$/.exec(run.stdout.trim())?.[1];
    const live = titlesIn(this.db);
    const before = kept ? titlesIn(kept) : new Set();
    for (const title of during) {
      if (live.has(title)) this.expected.add(`t:${title}`);
      else if (before.has(title)) this.keptChecked++;
      else this.lostDuringRestore.push(title);
    }
  }

  /** The app starts while the sqlite3 shell holds an exclusive lock for a moment: it waits, never calls the file damaged. */
  async restartUnderLock() {
    if (this.server && !(await stopServer(this.server)))
      this.problems.push('the server did not quit on SIGTERM within 10 s');
    const shell = openShell(this.db);
    try {
      const note = `chaos-shell-${this.index}-${++this.counter}`;
      const out = await shell.run(
        `PRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE;\nUPDATE leads SET notes = '${note}' WHERE id = (SELECT MIN(id) FROM leads WHERE notes NOT LIKE 'chaos-shell-%');\nSELECT changes();\nCOMMIT;`,
      );
      if (out?.trim() === '1') this.expected.add(`n:${note}`);
      else this.refused(`sqlite3 exclusive write: ${(out ?? 'no answer').trim()} ${shell.stderr().trim()}`);
      const starting = this.ensureServer();
      await new Promise((resolve) => setTimeout(resolve, 200 + this.random() * 1300));
      await shell.quit();
      await starting;
      if (!/waiting/.test(this.server.stderr)) this.refused('start under a lock: the server did not have to wait');
    } finally {
      await shell.quit();
    }
  }

  async killServer(midWrite) {
    const server = await this.ensureServer();
    if (midWrite) {
      const write = this.random() < 0.6 ? this.apiCreate() : this.appImport({});
      await new Promise((resolve) => setTimeout(resolve, this.random() * 80));
      await killServer(server);
      await write;
    } else await killServer(server);
    this.kills.server++;
  }

  async restartServer() {
    if (this.server && !(await stopServer(this.server)))
      this.problems.push('the server did not quit on SIGTERM within 10 s');
    await this.ensureServer();
  }

  /** After the sequence: quit normally, then check the file from outside. */
  async verify(templateRefs) {
    if (this.server && !(await stopServer(this.server)))
      this.problems.push('the server did not quit on SIGTERM within 10 s');
    const movedAside = fs.readdirSync(this.realDir).filter((f) => /\.(corrupt|damaged|importing|restoring)/.test(f));
    if (movedAside.length)
      this.problems.push(`the app moved, copied or built a file beside the database: ${movedAside.join(', ')}`);
    const replaced = this.linked && !fs.lstatSync(this.db).isSymbolicLink();
    if (replaced) this.problems.push('the symlinked database path was replaced by a regular file');
    if (this.lostDuringRestore.length)
      this.problems.push(
        `${this.lostDuringRestore.length} writes acknowledged during a restore are in neither the restored file nor the pre-restore copy, e.g. ${this.lostDuringRestore.slice(0, 3).join(', ')}`,
      );
    let integrity = 'unopenable';
    const missing = [];
    try {
      const db = new Database(this.realDb, { fileMustExist: true });
      try {
        integrity = db.pragma('integrity_check', { simple: true });
        const refs = new Set(db.prepare('SELECT ref FROM leads').pluck().all());
        const titles = new Set(db.prepare("SELECT title FROM leads WHERE title LIKE 'chaos-%'").pluck().all());
        const notes = new Set(db.prepare("SELECT notes FROM leads WHERE notes LIKE 'chaos-shell-%'").pluck().all());
        const present = (key) =>
          (key.startsWith('t:') ? titles : key.startsWith('n:') ? notes : refs).has(key.slice(2));
        for (const key of this.expected) if (!present(key)) missing.push(key);
        for (const ref of templateRefs) if (!refs.has(ref)) missing.push(`seeded r:${ref}`);
      } finally {
        db.close();
      }
    } catch (error) {
      integrity = `unopenable: ${error.message}`;
    }
    const damaged = integrity !== 'ok' || movedAside.length > 0 || replaced;
    if (integrity !== 'ok') this.problems.push(`integrity_check: ${String(integrity).slice(0, 200)}`);
    if (missing.length)
      this.problems.push(`${missing.length} acknowledged writes missing, e.g. ${missing.slice(0, 4).join(', ')}`);
    return {
      checked: this.expected.size + this.keptChecked + this.lostDuringRestore.length,
      seededChecked: templateRefs.size,
      lost: missing.length + this.lostDuringRestore.length,
      damaged,
      linked: this.linked,
    };
  }
}

/** Runs one sequence of `stepCount` random steps in `dir` (a copy of the seeded template). */
export async function runSequence(options, templateRefs) {
  const s = new Sequence(options);
  const names = [];
  const stepCount = 6 + Math.floor(s.random() * 9);
  try {
    for (let i = 0; i < stepCount; i++) {
      const [name, , run] = pick(s.random);
      names.push(name);
      await run(s);
    }
  } catch (error) {
    s.error = `step ${names.length} (${names.at(-1)}) failed: ${error.message}`;
    s.problems.push(s.error);
  }
  if (s.server && !s.server.exited && names.length < stepCount) await killServer(s.server);
  const verdict = await s.verify(templateRefs);
  return {
    ...verdict,
    kills: s.kills,
    silentCliFailures: s.silentCliFailures,
    steps: names,
    refusals: s.refusals,
    problems: s.problems,
    error: s.error ?? null,
  };
}

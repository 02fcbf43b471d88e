import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { nativeBinding } from '../db/native';
import { fileKey, trackConnection } from '../db/open-files';
import {
  type BackupInfo,
  type BackupOptions,
  type BackupReason,
  createBackup,
  finishSlot,
  prepareSlot,
  removeQuietly,
  reserveSlot,
  storageError,
} from '../db/backup';

// Runs in a worker thread with its own read-only connection, so a big copy never freezes the app.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
try {
  const source = new Database(workerData.dbPath, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  try {
    source.pragma('busy_timeout = 10000');
    source.prepare('VACUUM INTO ?').run(workerData.temp);
  } finally {
    source.close();
  }
  const check = new Database(workerData.temp, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  let result;
  try {
    result = check.pragma('integrity_check', { simple: true });
  } finally {
    check.close();
  }
  parentPort.postMessage({ ok: result === 'ok', message: String(result) });
} catch (error) {
  parentPort.postMessage({ ok: false, sqlite: true, code: error && error.code, message: String(error && error.message) });
}`;

type WorkerAnswer = { ok: boolean; sqlite?: boolean; code?: string; message: string };

function copyInWorker(dbPath: string, temp: string): Promise<WorkerAnswer> {
  const key = fileKey(dbPath);
  const copy = startWorker(dbPath, temp);
  const set = running.get(key) ?? new Set<Promise<unknown>>();
  running.set(key, set.add(copy));
  const forget = () => {
    set.delete(copy);
    if (set.size === 0 && running.get(key) === set) running.delete(key);
  };
  copy.then(forget, forget);
  return copy;
}

// Copies in progress per database file: a restore waits for them (they have the file open).
const running = new Map<string, Set<Promise<unknown>>>();

/** Resolves once the background copies of `dbPath` running now have ended (however they ended). */
export async function backgroundCopiesSettled(dbPath: string): Promise<void> {
  await Promise.allSettled([...(running.get(fileKey(dbPath)) ?? [])]);
}

function startWorker(dbPath: string, temp: string): Promise<WorkerAnswer> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  // The worker's connection is this process's too: count it (see open-files.ts) until it answers.
  const release = trackConnection(dbPath);
  return new Promise<WorkerAnswer>((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { modulePath, dbPath, temp, nativeBinding: nativeBinding() },
    });
    worker.unref(); // quitting the app never waits for a backup; a half-written temp file is cleaned up later
    // The worker closes its connection to the database before it answers (see workerSource).
    worker.once('message', (answer: WorkerAnswer) => {
      release();
      resolve(answer);
    });
    worker.once('error', (error) => {
      release();
      reject(error);
    });
    worker.once('exit', (code) => {
      release();
      reject(new Error(`the backup worker stopped (exit ${code})`));
    });
  });
}

/**
 * The same checked backup, made off the main thread (automatic and "Back up now" backups): the
 * app keeps answering while a large database is copied. Falls back to `createBackup` when a worker
 * cannot load SQLite in this runtime.
 */
export async function createBackupInBackground(
  db: Database.Database,
  dbPath: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const slot = reserveSlot(dbPath, reason, options.now ?? new Date());
  let answer: WorkerAnswer;
  try {
    prepareSlot(slot, dbPath);
    answer = await copyInWorker(path.resolve(dbPath), slot.temp);
  } catch (error) {
    removeQuietly(slot.temp);
    if ((error as { code?: string }).code === 'ENOSPC') throw storageError(slot, error);
    return createBackup(db, dbPath, reason, options); // no worker here: do it in this thread
  }
  if (!answer.ok) {
    throw storageError(
      slot,
      answer.sqlite
        ? Object.assign(new Error(answer.message), { code: answer.code })
        : new AppError('storage', `The backup failed its integrity check (${answer.message})`),
    );
  }
  return finishSlot(slot, dbPath, options);
}

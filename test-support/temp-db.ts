import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCtx, type Ctx } from '../src/core/context';
import { openDatabase } from '../src/core/db/open';
import { dispatch } from '../src/core/dispatch';

/** A real SQLite file in a fresh temp folder, opened and migrated like the app does. */
export function tempDbPath(name = 'leadledger.db'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-test-')), name);
}

export function openTempCtx(now = new Date('2026-08-15T12:00:00Z')): Ctx & { close: () => void } {
  const file = tempDbPath();
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => now);
  // Object.assign keeps ctx.db a getter, so a reopened store is what the test sees.
  return Object.assign(ctx, {
    close: () => {
      ctx.store.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  });
}

export function sourceId(ctx: Ctx, name: string): number {
  const row = ctx.db.prepare(`SELECT id FROM sources WHERE name = ?`).get(name) as { id: number } | undefined;
  if (!row) throw new Error(`no source ${name}`);
  return row.id;
}

/** Runs an operation through dispatch and returns its value; a refusal fails the test with the error. */
export async function callOk<T = unknown>(ctx: Ctx, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

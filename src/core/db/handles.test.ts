import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import type { ReadableDB, WritableDB } from './handles';
import { getSetting, setSetting } from './settings-repo';
import type { Database } from 'better-sqlite3';
import type { Handler } from '../handler-types';

// docs/architecture.md, "Read and write handles": the types refuse a read handle where a write one is wanted (tsc
// checks this file: `npx tsc -p tsconfig.json`), and the repositories say which they take.

describe('read and write handles', () => {
  it('a write handle is a read handle, a read handle is not a write handle', () => {
    expectTypeOf<WritableDB>().toExtend<ReadableDB>();
    expectTypeOf<ReadableDB>().not.toExtend<WritableDB>();
    expectTypeOf(setSetting).parameter(0).toEqualTypeOf<WritableDB>();
    expectTypeOf(getSetting).parameter(0).toEqualTypeOf<ReadableDB>();
    // a plain connection is neither: only the openers and the Ctx mark one
    expectTypeOf<Database>().not.toExtend<ReadableDB>();
  });

  it('a read operation handler gets the read handle, a write operation handler the write handle', () => {
    type CtxOf<K extends 'leads:list' | 'leads:create'> = Parameters<Handler<K>>[0];
    expectTypeOf<CtxOf<'leads:list'>['db']>().toEqualTypeOf<ReadableDB>();
    expectTypeOf<CtxOf<'leads:create'>['db']>().toEqualTypeOf<WritableDB>();
  });

  it('ctx.readDb reads the same file as ctx.db, and cannot be passed to a write', () => {
    const ctx = openTempCtx();
    try {
      setSetting(ctx.db, 'handles-test', 'written');
      expect(getSetting(ctx.readDb, 'handles-test')).toBe('written');
      expect(() => {
        // @ts-expect-error a read handle where a write handle is wanted does not compile
        setSetting(ctx.readDb, 'handles-test', 'again');
      }).not.toThrow(); // the types are the guard: at run time it is the same connection
      expect(getSetting(ctx.db, 'handles-test')).toBe('again');
    } finally {
      ctx.close();
    }
  });
});

const core = path.resolve(import.meta.dirname, '..');
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const relative = (file: string) => path.relative(core, file).split(path.sep).join('/');

/** Top-level functions of a file: name, parameters line by line, body. */
function functionsOf(source: string): { name: string; text: string }[] {
  const lines = source.split('\n');
  const starts = lines.flatMap((l, i) => (/^(export )?(async )?function /.test(l) ? [i] : []));
  return starts.map((start, n) => {
    const next = starts[n + 1] ?? lines.length;
    // the function ends at its closing brace in column 0 (top-level statements after it are not its body)
    const close = lines.findIndex((l, i) => i > start && i < next && l === '}');
    const end = close === -1 ? next : close + 1;
    return { name: /function (\w+)/.exec(lines[start]!)![1]!, text: lines.slice(start, end).join('\n') };
  });
}

const writesSql = /\b(INSERT|UPDATE|DELETE|REPLACE)\s|\.run\(/;

describe('repositories take a read or a write handle', () => {
  const repos = filesUnder(core).filter((f) => f.endsWith('-repo.ts'));

  it('finds the repositories', () => expect(repos.length).toBeGreaterThan(15));

  it.each(repos.map(relative))('%s: a function that writes takes a WritableDB, one that reads a ReadableDB', (rel) => {
    const fns = functionsOf(fs.readFileSync(path.join(core, rel), 'utf8'));
    const wrong = fns.flatMap(({ name, text }) => {
      const param = /\bdb: (\w+)/.exec(text)?.[1];
      if (param === undefined) return [];
      if (param !== 'ReadableDB' && param !== 'WritableDB') return [`${name} takes db: ${param}`];
      return writesSql.test(text) && param !== 'WritableDB' ? [`${name} writes but takes a ReadableDB`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('only the openers and the Ctx mark a connection as a handle', () => {
    const allowed = new Set(['db/handles.ts', 'db/connection.ts', 'db/open.ts', 'context.ts']);
    const marking = filesUnder(core)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !allowed.has(relative(f)))
      .filter((f) => /\b(writableDb|readableDb)\(|as (Readable|Writable)DB\b/.test(fs.readFileSync(f, 'utf8')))
      .map(relative);
    expect(marking).toEqual([]);
  });
});

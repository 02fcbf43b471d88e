import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import type { ReadableDB, WritableDB } from './handles';
import { getSetting, setSetting } from './settings-repo';

// docs/architecture.md, "Read and write handles": the types refuse a read handle where a write one is wanted (tsc
// checks this file: `npx tsc -p tsconfig.json`), and the repositories say which they take.

describe('read and write handles', () => {
  it('a write handle is a read handle, a read handle is not a write handle', () => {
    expectTypeOf<WritableDB>().toExtend<ReadableDB>();
    expectTypeOf<ReadableDB>().not.toExtend<WritableDB>();
    expectTypeOf(setSetting).parameter(0).toEqualTypeOf<WritableDB>();
    expectTypeOf(getSetting).parameter(0).toEqualTypeOf<ReadableDB>();
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

/** Repositories still taking a plain `Database` (being rewritten around their column descriptors). */
const notYetConverted = new Set([
  'leads/leads-repo.ts',
  'payments/payments-repo.ts',
  'expenses/expenses-repo.ts',
  'time/time-repo.ts',
]);

/** Top-level functions of a file: name, parameters line by line, body. */
function functionsOf(source: string): { name: string; text: string }[] {
  const lines = source.split('\n');
  const starts = lines.flatMap((l, i) => (/^(export )?(async )?function /.test(l) ? [i] : []));
  return starts.map((start, n) => {
    const end = starts[n + 1] ?? lines.length;
    return { name: /function (\w+)/.exec(lines[start]!)![1]!, text: lines.slice(start, end).join('\n') };
  });
}

const writesSql = /\b(INSERT|UPDATE|DELETE|REPLACE)\s|\.run\(/;

describe('repositories take a read or a write handle', () => {
  const repos = filesUnder(core).filter((f) => f.endsWith('-repo.ts') && !notYetConverted.has(relative(f)));

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

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, operationNames } from '../../shared/api/contract';
import { dispatch } from '../dispatch';
import { loadSampleData } from '../app/sample-data';
import { openTempCtx } from '../../../test-support/temp-db';

// Every operation of the contract (new ones are covered automatically) gets random and malformed
// payloads: the answer is always an envelope (ok, or an error that is not an internal crash), and
// a refused payload never writes.

// A fresh database per operation: one operation's valid payloads (sample:load may write millions of
// rows) must not make the next operation's checks slow or depend on the order of the contract.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 60, seed: 3 });
});
afterEach(() => ctx.close());

const totalChanges = () => (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Every row of every table: compared only when total_changes() moved, so the test stays fast. */
function snapshot(): string {
  const tables = (
    ctx.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, ctx.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]));
}

const hostileStrings = [
  '',
  ' ',
  'x'.repeat(70_000),
  '\u0000',
  '\uD800',
  'Ünïcødé 🎉',
  "'; DROP TABLE leads; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://evil")',
  '+SUM(1)',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\system32',
  '__proto__',
  'constructor',
  '2026-02-30',
  '9999-99-99',
  '1e309',
  'NaN',
  '-0',
  '0x10',
  '12,50',
  '1.005',
  'USD',
  'usd',
  'XXX',
  '#zzzzzz',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://',
  'https://evil.example/\u0000',
  'leads:create',
  'leadledger.db',
  'leadledger-20260815-120000-000-manual.db',
];
const hostileNumbers = [
  0,
  -1,
  1,
  1.5,
  -0.0001,
  2 ** 31,
  -(2 ** 31),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  1e-320,
];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...hostileStrings, ...hostileNumbers, null, true, false, [], {}, [null], { id: 1 }, [
    'a',
    1,
  ]),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Objects with the operation's own field names (so validation gets past "expected object") and hostile values. */
function fieldNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  const inner = (schema as unknown as { def?: { in?: z.ZodType; schema?: z.ZodType; innerType?: z.ZodType } }).def;
  const next = inner?.in ?? inner?.schema ?? inner?.innerType;
  return next ? fieldNames(next) : [];
}

function payloads(name: keyof typeof contract): fc.Arbitrary<unknown> {
  const fields = fieldNames(contract[name].input);
  const keyed = fields.length
    ? fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), hostileValue, {
        maxKeys: fields.length + 2,
      })
    : fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 });
  return fc.oneof(
    keyed,
    keyed.map((o) => JSON.parse(JSON.stringify(o)) as unknown), // what a transport actually delivers
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom<unknown>(undefined, null, 'garbage', 42, [], [{}], JSON.parse('{"__proto__":{"polluted":true}}')),
  );
}

// Operations that read the whole file (integrity check, backup copy) get fewer runs: each run costs ~0.5 s.
const wholeFile = new Set<string>(['db:check', 'backups:create']);

describe('hostile payloads at every operation', () => {
  it('covers the whole contract', () => {
    expect(operationNames.length).toBeGreaterThan(10);
    expect(operationNames).toContain('backups:restore');
  });

  for (const name of operationNames) {
    it(`${name}: an envelope every time, never a crash, never a write when refused`, async () => {
      let known = snapshot();
      let knownAt = totalChanges();
      await fc.assert(
        fc.asyncProperty(payloads(name), async (input) => {
          if (totalChanges() !== knownAt) {
            known = snapshot();
            knownAt = totalChanges();
          }
          const result = await dispatch(ctx, name, input);
          expect(typeof result).toBe('object');
          if (result.ok) {
            expect(contract[name].output.safeParse(result.value).success).toBe(true);
            return;
          }
          expect(
            result.error.code,
            `${name} ${JSON.stringify(input)?.slice(0, 200)}: ${result.error.message}`,
          ).not.toBe('internal');
          expect(typeof result.error.message).toBe('string');
          if (totalChanges() !== knownAt)
            expect(snapshot(), `${name} wrote before refusing ${JSON.stringify(input)?.slice(0, 200)}`).toBe(known);
        }),
        { numRuns: wholeFile.has(name) ? 12 : 60 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }
});

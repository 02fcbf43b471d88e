import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadImportRowIsValid } from '../../shared/api/schemas/leads';
import { checkDraft, inputOf, leadInput } from './check-draft';
import type { LeadDraft } from './drafts';

// The fast check (leadImportRowIsValid) may only say "valid" when the schema says so too: an
// imported row must never get past checks the form would make. Values sit on every boundary.

const base: LeadDraft = {
  type: 'lead',
  ref: 'L-1',
  source: 'Upwork',
  title: 'Landing page',
  client: 'Hooli',
  url: 'https://example.com/job',
  stage: 'won',
  created_on: '2026-07-01',
  applied_on: '2026-07-02',
  closed_on: '2026-07-10',
  connects: 16,
  boost_connects: 4,
  connects_refunded: 0,
  value_minor: 125050,
  currency: 'USD',
  lost_reason: '',
  tags: 'web;design',
  notes: 'Met on a call',
  follow_up_on: null,
  invited: 0,
  minutes_after_post: 25,
  proposals_when_bid: '<5',
  viewed_on: '2026-07-03',
  boost_outcome: 'top',
};

const text = (lengths: number[]) =>
  fc.oneof(...lengths.map((n) => fc.constantFrom('x'.repeat(n), ` ${'y'.repeat(Math.max(0, n - 2))} `, ' '.repeat(n))));
const date = fc.constantFrom(
  '2026-07-01',
  '2026-06-30',
  '2026-07-31',
  '2026-02-29',
  '2028-02-29',
  '2026-13-01',
  '2026-7-1',
  '',
  ' 2026-07-01',
  '2026-07-01T00:00',
);
const dateOrNull = fc.oneof(date, fc.constant(null));
const count = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 1_000_000_000, 1_000_000_001, Number.NaN),
  fc.integer({ min: 0, max: 40 }),
);

/** Mostly the ordinary value, sometimes a boundary one: rows are often valid, and wrong in one or two fields. */
const orBase = <K extends keyof LeadDraft>(key: K, pool: fc.Arbitrary<LeadDraft[K]>) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(base[key]) }, { weight: 1, arbitrary: pool });

const pools = {
  ref: text([0, 1, 200, 201]),
  title: text([0, 1, 200, 201]),
  client: text([0, 200, 201]),
  url: fc.constantFrom(
    '',
    ' ',
    'https://a.b/c',
    ' http://x.y ',
    'ftp://x.y',
    'https://a b',
    'HTTPS://X.Y',
    `https://${'a'.repeat(1990)}`,
    `https://${'a'.repeat(2000)}`,
  ),
  stage: fc.constantFrom('new', 'applied', 'replied', 'interview', 'won', 'lost', 'Won', '', 'archived'),
  created_on: date,
  applied_on: dateOrNull,
  closed_on: dateOrNull,
  follow_up_on: dateOrNull,
  connects: count,
  boost_connects: count,
  connects_refunded: count,
  value_minor: fc.oneof(
    fc.constant(null),
    fc.constantFrom(0, -5, 125050, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 60),
    fc.integer(),
  ),
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'usd', ' USD', 'XXX', 'ABC', 'US', ''),
  lost_reason: text([0, 500, 501]),
  tags: fc.constantFrom(
    '',
    'a',
    'a;b',
    ';',
    'a;;b',
    ' ',
    'x'.repeat(40),
    'x'.repeat(41),
    Array.from({ length: 30 }, (_, i) => `t${i}`).join(';'),
    Array.from({ length: 31 }, (_, i) => `t${i}`).join(';'),
  ),
  notes: fc.constantFrom('', 'n', 'x'.repeat(20000), 'x'.repeat(20001), '  '),
  invited: fc.constantFrom(0, 1),
  minutes_after_post: fc.oneof(fc.constant(null), count),
  proposals_when_bid: fc.constantFrom(null, '<5', '5-10', '50+', '5 - 10', '', 'many'),
  viewed_on: dateOrNull,
  boost_outcome: fc.constantFrom(null, 'top', 'outbid', '', 'Top', 'won'),
};
const draft = fc.record(
  Object.fromEntries(
    Object.entries(pools).map(([k, pool]) => [k, orBase(k as keyof LeadDraft, pool as fc.Arbitrary<never>)]),
  ) as {
    [K in keyof typeof pools]: fc.Arbitrary<LeadDraft[K]>;
  },
);

describe('the fast lead check', () => {
  it('says valid only for rows the schema accepts', () => {
    let fast = 0;
    let accepted = 0;
    fc.assert(
      fc.property(draft, (fields) => {
        const d: LeadDraft = { ...base, ...fields };
        const schemaSays = checkDraftBySchema(d);
        if (schemaSays === null) accepted++;
        if (fastSays(d)) {
          fast++;
          expect(schemaSays).toBeNull();
        }
      }),
      { numRuns: 20000, seed: 20261201 },
    );
    // The fast path is real: it proves a good share of the valid rows (the rest go to the schema).
    expect(accepted).toBeGreaterThan(100);
    expect(fast / accepted).toBeGreaterThan(0.5);
  });

  it('proves an ordinary row valid, and leaves a bad one to the schema for its message', () => {
    expect(fastSays(base)).toBe(true);
    expect(checkDraft(base)).toBeNull();
    const bad = { ...base, applied_on: '2026-06-01' };
    expect(fastSays(bad)).toBe(false);
    expect(checkDraft(bad)).toBe('applied_on: Applied (2026-06-01) cannot be before Created (2026-07-01)');
  });
});

const fastSays = (d: LeadDraft) => leadImportRowIsValid(leadInput(d));

/** The schema alone, as checkDraft asks it when the fast check cannot tell. */
function checkDraftBySchema(d: LeadDraft): string | null {
  let parsed;
  try {
    const { schema, input } = inputOf(d);
    parsed = schema.safeParse(input);
  } catch {
    return 'not a currency this app can format'; // checkDraft throws on it too: never a valid row
  }
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
}

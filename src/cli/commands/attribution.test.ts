import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCtx } from '../../core/context';
import { openDatabase } from '../../core/db/open';
import { dispatch } from '../../core/dispatch';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured as cli } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Acme found the user on the podcast (a lost lead) and paid 800.00 (fee 80.00) on Upwork. */
async function podcastClient() {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => new Date('2026-08-15T12:00:00Z'));
  const id = (name: string) => (db.prepare(`SELECT id FROM sources WHERE name = ?`).get(name) as { id: number }).id;
  const run = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as { id: number };
  };
  await run('leads:create', {
    sourceId: id('Podcast'),
    title: 'Listener',
    client: 'Acme',
    createdOn: '2026-05-01',
    stage: 'lost',
  });
  const won = await run('leads:create', {
    sourceId: id('Upwork'),
    title: 'Site',
    client: 'acme',
    createdOn: '2026-06-01',
    appliedOn: '2026-06-01',
    closedOn: '2026-06-10',
    stage: 'won',
  });
  await run('payments:create', {
    date: '2026-06-20',
    sourceId: id('Upwork'),
    leadId: won.id,
    gross: '800.00',
    fee: '80.00',
  });
  db.close();
  return file;
}

const money = (report: { channels: { source: string; revenue: number; fees: number }[] }) =>
  Object.fromEntries(report.channels.filter((c) => c.revenue || c.fees).map((c) => [c.source, [c.revenue, c.fees]]));

describe('--attribution last|first (DOMAIN §6)', () => {
  it('moves revenue to the first source in report --json and export report; fees stay', async () => {
    const file = await podcastClient();
    const args = ['--db', file, 'report', '--from', '2026-01-01', '--to', '2026-12-31', '--basis', 'cash', '--json'];
    const last = await cli(...args);
    expect(last.code).toBe(0);
    expect(money(JSON.parse(last.stdout))).toEqual({ Upwork: [80000, 8000] });
    expect(JSON.parse((await cli(...args, '--attribution', 'last')).stdout)).toEqual(JSON.parse(last.stdout));
    const first = await cli(...args, '--attribution', 'first');
    expect(money(JSON.parse(first.stdout))).toEqual({ Upwork: [0, 8000], Podcast: [80000, 0] });
    const table = await cli('--db', file, 'report', '--attribution', 'first');
    expect(table.stdout).toMatch(/first-touch attribution/);

    const csv = (await cli('--db', file, 'export', 'report', '--basis', 'cash', '--attribution', 'first')).stdout
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/,basis,attribution$/);
    expect(csv.find((l) => l.startsWith('Podcast,'))).toMatch(
      /^Podcast,1,.*,800\.00,0\.00,0\.00,800\.00,.*,USD,cash,first$/,
    );
  });

  it('refuses anything but last or first, and the flag on other exports (exit 2)', async () => {
    const file = await podcastClient();
    const bad = await cli('--db', file, 'report', '--attribution', 'middle');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'leadledger: --attribution is last or first (got "middle")']);
    expect((await cli('--db', file, 'export', 'leads', '--attribution', 'first')).code).toBe(2);
  });
});

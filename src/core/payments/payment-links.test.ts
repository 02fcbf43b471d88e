import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsvFile } from '../csv/import-engine';
import type { LeadMoney } from '../../shared/api/schemas/lead-money';
import type { Payment } from '../../shared/api/schemas/payments';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// Any payment links to any lead, of any channel. The report keeps the payment's revenue and
// fee on the payment's own channel (last touch, docs/domain.md §6); the lead's page counts it in its profit.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const row = (r: ChannelReport, source: string) => r.channels.find((c) => c.source === source);

describe('linking a payment to a lead of another channel', () => {
  it('is allowed; revenue and fees stay on the payment channel; the lead page counts it', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const linkedin = sourceId(ctx, 'LinkedIn');
    // A LinkedIn lead with a 5% fee override; the payment came through Upwork (10% from 2023-05-03).
    const lead = await call<{ id: number }>('leads:create', {
      sourceId: linkedin,
      title: 'Found on LinkedIn',
      createdOn: '2026-07-01',
      feePercent: 5,
    });
    const payment = await call<Payment>('payments:create', { date: '2026-07-20', sourceId: upwork, gross: '1000.00' });
    expect(payment.feeMinor).toBe(10000);
    const linked = await call<Payment>('payments:update', { id: payment.id, leadId: lead.id });
    expect(linked).toMatchObject({
      leadId: lead.id,
      sourceId: upwork,
      sourceName: 'Upwork',
      leadTitle: 'Found on LinkedIn',
    });
    // The LinkedIn lead's override is LinkedIn's fee: the Upwork payment keeps Upwork's 10%.
    expect(linked.feeMinor).toBe(10000);

    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-07-01',
      to: '2026-07-31',
      basis: 'cash',
    });
    expect(row(report, 'Upwork')).toMatchObject({ revenue: 100000, fees: 10000, leads: 0 });
    expect(row(report, 'LinkedIn')).toMatchObject({ revenue: 0, fees: 0, leads: 1 });
    expect(report.totals).toMatchObject({ revenue: 100000, fees: 10000 });

    const money = await call<LeadMoney>('money:lead', { leadId: lead.id });
    expect(money).toMatchObject({ revenue: 100000, fees: 10000, profit: 90000, payments: [{ id: payment.id }] });
    // Only payments not linked yet are offered for linking.
    expect((await call<{ total: number }>('payments:list', { unlinked: true })).total).toBe(0);

    await call('payments:update', { id: payment.id, leadId: null });
    expect((await call<{ total: number }>('payments:list', { unlinked: true })).total).toBe(1);
    expect(
      (await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'cash' })).totals,
    ).toMatchObject({ revenue: 100000 });
  });

  it('a new payment may name a lead of another channel; a same-channel lead still applies its fee override', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const other = await call<{ id: number }>('leads:create', {
      sourceId: sourceId(ctx, 'LinkedIn'),
      title: 'x',
      createdOn: '2026-07-01',
    });
    expect(
      await call<Payment>('payments:create', {
        date: '2026-07-20',
        sourceId: upwork,
        leadId: other.id,
        gross: '100.00',
      }),
    ).toMatchObject({ leadId: other.id, feeMinor: 1000 });
    const own = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: 'y',
      createdOn: '2026-07-01',
      feePercent: 5,
    });
    expect(
      await call<Payment>('payments:create', { date: '2026-07-20', sourceId: upwork, leadId: own.id, gross: '100.00' }),
    ).toMatchObject({ feeMinor: 500 });
  });

  it('an imported payment may name a lead of another channel by lead_ref', async () => {
    await call('leads:create', {
      ref: 'L-1',
      sourceId: sourceId(ctx, 'LinkedIn'),
      title: 'x',
      createdOn: '2026-07-01',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-links-'));
    const file = path.join(dir, 'payments.csv');
    fs.writeFileSync(
      file,
      'ref,date,source,lead_ref,description,gross,fee,currency\nP-1,2026-07-20,Upwork,L-1,Milestone 1,100.00,10.00,USD\n',
    );
    try {
      expect(await importCsvFile(ctx.db, file, {}, { now: ctx.now })).toMatchObject({ inserted: 1, invalidCount: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect((await call<{ items: Payment[] }>('payments:list', {})).items[0]).toMatchObject({
      sourceName: 'Upwork',
      leadTitle: 'x',
    });
    expect(
      row(
        await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'cash' }),
        'Upwork',
      ),
    ).toMatchObject({ revenue: 10000 });
  });
});

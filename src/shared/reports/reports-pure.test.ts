import { describe, expect, it } from 'vitest';
import { differenceInterval, wilson } from './wilson';
import { analyseBoost, type BoostProposal } from './boost';
import { Converter, convertMinor, parseRate, rateKey } from './fx';
import { channelMetrics, emptySums, medianFromHistogram } from './metrics';
import { presetRange } from './presets';
import { chargeDate, expandSubscription, plansOverlap } from './subscriptions';

describe('fx', () => {
  it('parses rates exactly and converts half to even', () => {
    expect(parseRate('1.0845')).toEqual({ numerator: 10845n, denominator: 10000n });
    expect(parseRate('0')).toBeUndefined();
    expect(parseRate('-1')).toBeUndefined();
    expect(parseRate('1,2')).toBeUndefined();
    // 100.00 EUR at 1.0845 = 108.45 USD
    expect(convertMinor(10000, 'EUR', 'USD', parseRate('1.0845')!)).toBe(10845);
    // 0.01 EUR at 1.5 = 0.015 -> 0.02 (half to even: 1.5 -> 2); 0.05 at 1.5 = 0.075 -> 0.08; 0.03 at 1.5 = 4.5 -> 4
    expect(convertMinor(1, 'EUR', 'USD', parseRate('1.5')!)).toBe(2);
    expect(convertMinor(3, 'EUR', 'USD', parseRate('1.5')!)).toBe(4);
    expect(convertMinor(-3, 'EUR', 'USD', parseRate('1.5')!)).toBe(-4);
    // 1000 JPY (0 digits) at 0.0067 = 6.70 USD
    expect(convertMinor(1000, 'JPY', 'USD', parseRate('0.0067')!)).toBe(670);
    // 10.00 USD into JPY at 150.25 = 1502.5 -> 1502
    expect(convertMinor(1000, 'USD', 'JPY', parseRate('150.25')!)).toBe(1502);
  });

  it('leaves out amounts without a rate and lists them', () => {
    const converter = new Converter('USD', new Map([[rateKey('EUR', '2026-08'), parseRate('1.1')!]]));
    expect(converter.convert(500, 'USD', '2026-07')).toBe(500);
    expect(converter.convert(10000, 'EUR', '2026-08')).toBe(11000);
    expect(converter.convert(10000, 'EUR', '2026-07', 2)).toBeUndefined();
    expect(converter.convert(2000, 'EUR', '2026-07', 1)).toBeUndefined();
    expect(converter.convert(1200, 'EUR', '2026-07', 0)).toBeUndefined();
    expect(converter.warnings).toEqual(['No EUR rate for 2026-07: 3 amounts left out (120.00 EUR)']);
  });
});

describe('subscriptions', () => {
  it('charges monthly on the start day, clamped to month end', () => {
    const plan = { period: 'monthly' as const, amountMinor: 1999, startsOn: '2026-01-31', endsOn: null };
    expect(expandSubscription(plan, '2026-01-01', '2026-05-31').map((e) => e.date)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    expect(expandSubscription(plan, '2026-03-01', '2026-03-30')).toEqual([]);
    expect(expandSubscription(plan, '2026-03-31', '2026-03-31')).toEqual([{ date: '2026-03-31', amountMinor: 1999 }]);
    expect(chargeDate(plan, 25)).toBe('2028-02-29');
  });

  it('charges yearly on the anniversary and stops at the end date (inclusive)', () => {
    const plan = { period: 'yearly' as const, amountMinor: 12000, startsOn: '2024-02-29', endsOn: '2027-02-28' };
    expect(expandSubscription(plan, '2000-01-01', '2030-12-31').map((e) => e.date)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
    ]);
    expect(
      expandSubscription({ ...plan, endsOn: '2027-02-27' }, '2026-01-01', '2030-12-31').map((e) => e.date),
    ).toEqual(['2026-02-28']);
    expect(expandSubscription(plan, '2024-03-01', '2025-02-27')).toEqual([]);
  });

  it('skips far-back periods yet keeps the right ones', () => {
    const plan = { period: 'monthly' as const, amountMinor: 100, startsOn: '2010-05-15', endsOn: null };
    expect(expandSubscription(plan, '2026-08-01', '2026-09-30').map((e) => e.date)).toEqual([
      '2026-08-15',
      '2026-09-15',
    ]);
  });

  it('detects overlap', () => {
    expect(
      plansOverlap({ startsOn: '2026-01-01', endsOn: '2026-03-31' }, { startsOn: '2026-04-01', endsOn: null }),
    ).toBe(false);
    expect(
      plansOverlap({ startsOn: '2026-01-01', endsOn: '2026-04-01' }, { startsOn: '2026-04-01', endsOn: null }),
    ).toBe(true);
    expect(
      plansOverlap({ startsOn: '2026-01-01', endsOn: null }, { startsOn: '2020-04-01', endsOn: '2020-05-01' }),
    ).toBe(false);
  });
});

describe('metrics', () => {
  it('matches the DOMAIN.md example', () => {
    const s = {
      ...emptySums(),
      leads: 3,
      proposals: 3,
      replies: 1,
      interviews: 1,
      wins: 1,
      connectsSpent: 60,
      connectsRefunded: 12,
      costs: 570,
      booked: 125050,
      daysToWin: new Map([[8, 1]]),
    };
    expect(channelMetrics(s)).toEqual({
      leads: 3,
      proposals: 3,
      replies: 1,
      interviews: 1,
      wins: 1,
      winRate: 1 / 3,
      connectsSpent: 60,
      connectsRefunded: 12,
      connectsExpired: 0,
      connectsPerWin: 48,
      revenue: 0,
      fees: 0,
      costs: 570,
      profit: -570,
      roi: -1,
      costPerLead: 190,
      costPerWin: 570,
      revenuePerConnect: 0,
      booked: 125050,
      medianDaysToWin: 8,
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: 0,
    });
    // (60 − 12) / 5 wins = 9.6 -> 10; 50 / 4 = 12.5 -> 12 (half to even)
    expect(channelMetrics({ ...s, wins: 5 }).connectsPerWin).toBe(10);
    expect(channelMetrics({ ...s, connectsSpent: 62, wins: 4 }).connectsPerWin).toBe(12);
  });

  it('gives null on division by zero and rounds money ratios half to even', () => {
    const m = channelMetrics(emptySums());
    expect([m.winRate, m.roi, m.costPerLead, m.costPerWin, m.revenuePerConnect, m.medianDaysToWin]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // 25 / 2 = 12.5 -> 12; 35 / 2 = 17.5 -> 18; revenue 1001 / 2 net connects = 500.5 -> 500
    const r = channelMetrics({
      ...emptySums(),
      leads: 2,
      wins: 2,
      costs: 25,
      revenue: 1001,
      connectsSpent: 5,
      connectsRefunded: 3,
    });
    expect([r.costPerLead, r.costPerWin, r.revenuePerConnect, r.profit, r.roi]).toEqual([12, 12, 500, 976, 976 / 25]);
    expect(channelMetrics({ ...emptySums(), leads: 2, costs: 35 }).costPerLead).toBe(18);
    // revenue with all connects refunded: null, not Infinity
    expect(
      channelMetrics({ ...emptySums(), revenue: 5, connectsSpent: 4, connectsRefunded: 4 }).revenuePerConnect,
    ).toBeNull();
  });

  it('takes the median from a histogram', () => {
    expect(
      medianFromHistogram(
        new Map([
          [3, 1],
          [10, 1],
          [4, 1],
        ]),
      ),
    ).toBe(4);
    expect(
      medianFromHistogram(
        new Map([
          [3, 2],
          [10, 2],
        ]),
      ),
    ).toBe(6.5);
    expect(
      medianFromHistogram(
        new Map([
          [0, 5],
          [100, 4],
        ]),
      ),
    ).toBe(0);
    expect(medianFromHistogram(new Map())).toBeNull();
  });
});

describe('presets', () => {
  const today = new Date(2026, 7, 15);
  it('computes the ranges', () => {
    expect(presetRange('this-month', today)).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(presetRange('last-month', today)).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(presetRange('this-quarter', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('year-to-date', today)).toEqual({ from: '2026-01-01', to: '2026-08-15' });
    expect(presetRange('last-12-months', today)).toEqual({ from: '2025-08-16', to: '2026-08-15' });
    expect(presetRange('all-time', today)).toEqual({ from: null, to: null });
    expect(presetRange('last-month', new Date(2026, 0, 10))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('boost analysis', () => {
  const p = (boosted: boolean, won: boolean): BoostProposal => ({
    boosted,
    won,
    netConnects: boosted ? 30 : 10,
    boostConnects: boosted ? 20 : 0,
    connectsCostMinor: boosted ? 450 : 150,
    netRevenueMinor: won ? 100000 : 0,
  });
  const list = (boosted: [number, number], plain: [number, number]) => [
    ...Array.from({ length: boosted[1] }, (_, i) => p(true, i < boosted[0])),
    ...Array.from({ length: plain[1] }, (_, i) => p(false, i < plain[0])),
  ];

  it('has Wilson and Newcombe intervals as published', () => {
    // Newcombe (1998): 81/263 -> 0.2553..0.3662; 56/70 − 48/80 = 0.2000, 0.0524..0.3339.
    const w = wilson(81, 263)!;
    expect([w.low, w.high].map((x) => x.toFixed(4))).toEqual(['0.2553', '0.3662']);
    const d = differenceInterval(56, 70, 48, 80)!;
    expect([d.estimate, d.low, d.high].map((x) => x.toFixed(4))).toEqual(['0.2000', '0.0524', '0.3339']);
    expect(wilson(0, 0)).toBeNull();
  });

  it('gives no break-even bid while the interval of the uplift includes zero', () => {
    // 3 of 10 boosted vs 2 of 20: +20 points, but the interval runs from below zero.
    const a = analyseBoost(list([3, 10], [2, 20]), 15);
    expect(a.uplift!.low).toBeLessThan(0);
    expect(a.uplift!.high).toBeGreaterThan(0);
    expect(a).toMatchObject({ notEnoughData: true, breakEvenBoostConnects: null, averageBoostBid: 20 });
    expect(a.boosted).toEqual({ proposals: 10, wins: 3, winRate: 0.3, connectsPerWin: 100, costPerWin: 1500 });
    expect(analyseBoost(list([0, 0], [2, 20]), 15)).toMatchObject({
      uplift: null,
      notEnoughData: true,
      averageBoostBid: null,
    });
  });

  it('computes the break-even bid from the uplift once the interval excludes zero', () => {
    // 30 of 60 boosted (50%) vs 10 of 100 (10%): 0.4 x $1000 = $400 = 2666.7 connects at $0.15.
    const a = analyseBoost(list([30, 60], [10, 100]), 15);
    expect(a.uplift!.low).toBeGreaterThan(0);
    expect(a).toMatchObject({ notEnoughData: false, averageNetRevenuePerWin: 100000, breakEvenBoostConnects: 2666 });
    // Boosting clearly worse: the interval excludes zero below it, and the bid that pays is 0.
    const worse = analyseBoost(list([2, 100], [30, 60]), 15);
    expect(worse).toMatchObject({ notEnoughData: false, breakEvenBoostConnects: 0 });
  });
});

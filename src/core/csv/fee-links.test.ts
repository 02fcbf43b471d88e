import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../shared/csv/amounts';
import { FeeLinks } from './fee-links';

const read = (text: string, decimal: '.' | ',') => {
  const parsed = parseAmount(text, 'USD', decimal);
  return parsed.ok ? parsed.minor : undefined;
};

describe('FeeLinks (the Upwork prescan)', () => {
  it('joins a fee to the first payment of its Transaction ID, wherever in the file either stands', () => {
    const links = new FeeLinks(read);
    links.fee('900', null, '-1.00', 2); // before its payment
    links.payment('900', 'r1', 5);
    links.payment('900', 'r2', 6); // not the first: ignored
    links.fee('900', null, '-2.50', 7); // after its payment
    const linked = links.link('.');
    expect(linked.feeFor(5)).toBe(350);
    expect(linked.feeFor(6)).toBe(0);
    expect(linked.joined(2)).toBe(true);
    expect(linked.joined(7)).toBe(true);
  });

  it('prefers the Transaction ID over the Ref ID even when the Ref ID payment came first', () => {
    const links = new FeeLinks(read);
    links.payment('', '555', 1);
    links.fee('42', '555', '-1.00', 2); // its Transaction ID's payment comes later and wins
    links.payment('42', '777', 3);
    links.fee('', '555', '-0.25', 4); // no Transaction ID: the Ref ID's payment
    links.fee('99', '777', '-0.10', 5); // unknown Transaction ID: falls back to the Ref ID
    links.fee('98', 'nope', '-9.00', 6); // nothing to join: stands alone
    const linked = links.link('.');
    expect([linked.feeFor(1), linked.feeFor(3)]).toEqual([25, 110]);
    expect([2, 4, 5, 6].map((l) => linked.joined(l))).toEqual([true, true, true, false]);
  });

  it('keeps non-canonical IDs apart from their numbers and reads amounts with the decided separator', () => {
    const links = new FeeLinks(read);
    links.payment('0123', '', 1);
    links.payment('123', '', 2);
    links.payment('TX-1', '', 3);
    links.fee('123', null, '-1,50', 4);
    links.fee('0123', null, '-2,00', 5);
    links.fee('TX-1', null, 'oops', 6); // unreadable: joins, adds nothing
    const comma = links.link(',');
    expect([comma.feeFor(1), comma.feeFor(2), comma.feeFor(3)]).toEqual([200, 150, 0]);
    expect(comma.joined(6)).toBe(true);
  });

  it('holds hundreds of thousands of IDs (the tables grow) and payments out of order', () => {
    const links = new FeeLinks(read);
    const n = 200_000;
    for (let i = 0; i < n; i++) links.payment(String(4_000_000_000 + i * 7), String(900_000_000 + i), 2 * (n - i));
    for (let i = 0; i < n; i++) links.fee(String(4_000_000_000 + i * 7), null, '-0.01', 2 * n + 1 + i);
    const linked = links.link('.');
    expect(linked.feeFor(2 * n)).toBe(1);
    expect(linked.feeFor(2)).toBe(1);
    expect(linked.feeFor(3)).toBe(0);
    expect(linked.joined(2 * n + 1)).toBe(true);
    expect(linked.joined(4 * n + 1)).toBe(false);
  });
});

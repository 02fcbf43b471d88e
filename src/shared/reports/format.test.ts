import { describe, expect, it } from 'vitest';
import { days, groupedAmount, percent } from './format';

describe('report cells', () => {
  it('group exact amounts without a symbol, for any number of decimals', () => {
    expect(groupedAmount(-123456750, 'USD')).toBe('-1,234,567.50');
    expect(groupedAmount(5, 'USD')).toBe('0.05');
    expect(groupedAmount(-5, 'USD')).toBe('-0.05');
    expect(groupedAmount(1234567, 'JPY')).toBe('1,234,567');
    expect(groupedAmount(100000, 'USD')).toBe('1,000.00');
    expect(groupedAmount(null, 'USD')).toBe('—');
  });

  it('write percents with one decimal and days as whole numbers when they are', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(null)).toBe('—');
    expect(days(7)).toBe('7');
    expect(days(7.25)).toBe('7.3');
  });
});

import { describe, expect, it } from 'vitest';
import { noteLink, splitWarnings } from './reportWarnings';

describe('report warnings', () => {
  it('keeps "left out" for missing exchange rates only', () => {
    const uncovered = 'Upwork: 46 Connects spent that no opening balance, allowance or purchase covers';
    const rate = 'No EUR rate for 2026-09: 2 amounts left out (120.00 EUR)';
    expect(splitWarnings([uncovered])).toEqual({ missingRates: [], notes: [uncovered] });
    expect(splitWarnings([rate, uncovered])).toEqual({ missingRates: [rate], notes: [uncovered] });
    expect(noteLink(uncovered)?.href).toBe('#/connects');
    expect(noteLink('Includes 3 planned charges')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { likelyChannel } from './channel-typos';

const channels = ['Upwork', 'Fiverr', 'LinkedIn', 'Referral', 'Personal website', 'Podcast: Design Matters'];

describe('a new channel that is probably a typo', () => {
  it('names the channel one slip away', () => {
    expect(likelyChannel('Upwrok', channels)).toBe('Upwork');
    expect(likelyChannel('upwork ', [...channels])).toBeNull(); // the same name, not a typo
    expect(likelyChannel('Fiver', channels)).toBe('Fiverr');
    expect(likelyChannel('Linkedln', channels)).toBe('LinkedIn');
    expect(likelyChannel('Personal webiste', channels)).toBe('Personal website');
  });

  it('says nothing for a real new channel, a short name or a tie', () => {
    expect(likelyChannel('Behance', channels)).toBeNull();
    expect(likelyChannel('Dribbble', channels)).toBeNull();
    expect(likelyChannel('Xyz', ['Xyw'])).toBeNull();
    expect(likelyChannel('Cats', ['Bats', 'Rats'])).toBeNull();
  });
});

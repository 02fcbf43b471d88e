import { describe, expect, it } from 'vitest';
import { channelPalette, distinctColors, hueOf, nextChannelColor } from './palette';

describe('channel colours', () => {
  it('gives each new channel a hue far from those in use', () => {
    expect(hueOf('#ff0000')).toBe(0);
    expect(hueOf('#3a3a3a')).toBeNull();
    const used: string[] = ['#2f6fde'];
    for (let i = 0; i < 5; i++) used.push(nextChannelColor(used));
    expect(new Set(used).size).toBe(6);
    const hues = used.map((c) => hueOf(c)!);
    for (let i = 0; i < hues.length; i++) {
      for (let j = i + 1; j < hues.length; j++) {
        const d = Math.abs(hues[i]! - hues[j]!) % 360;
        expect(Math.min(d, 360 - d), `${used[i]} vs ${used[j]}`).toBeGreaterThan(20);
      }
    }
    expect(channelPalette).toContain(nextChannelColor(channelPalette.slice(0, 3)));
  });

  it('swaps chart colours that share a hue (Upwork and Fiverr greens)', () => {
    const [upwork, fiverr, linkedIn] = distinctColors(['#14a800', '#1dbf73', '#0a66c2']);
    expect(upwork).toBe('#14a800');
    expect(fiverr).not.toBe('#1dbf73');
    expect(linkedIn).toBe('#0a66c2');
  });
});

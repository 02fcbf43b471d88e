import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('computes a repeated input once, undefined results included', () => {
    const calls: string[] = [];
    const f = boundedMemo((t) => {
      calls.push(t);
      return t === 'x' ? undefined : t.length;
    });
    expect([f('ab'), f('ab'), f('x'), f('x')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'x']);
  });

  it('starts over past its limit and still answers right', () => {
    let calls = 0;
    const f = boundedMemo((t) => (calls++, t.toUpperCase()), 2);
    expect([f('a'), f('b'), f('c'), f('a')]).toEqual(['A', 'B', 'C', 'A']);
    expect(calls).toBe(4);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefetchKey } from '../src/renderer/api/prefetched';

// The boot script (plain JS, never bundled) and the transport must agree on every key, or the
// board's first request would be sent twice.
describe('boot prefetch', () => {
  it("are the keys the boot script writes (the board's own requests)", () => {
    const boot = fs.readFileSync(path.resolve('src/renderer/public/boot-prefetch.js'), 'utf8');
    expect(boot).toContain(`['leads:board', '{"closedFrom":"' + closedFrom + '","perColumn":50}']`);
    expect(boot).toContain(`['sources:list', '{"includeArchived":true}']`);
    expect(prefetchKey('sources:list', { includeArchived: true })).toBe('sources:list {"includeArchived":true}');
    const board = fs.readFileSync(path.resolve('src/renderer/features/pipeline/useBoard.ts'), 'utf8');
    expect(board).toContain('export const perColumn = 50;');
  });
});

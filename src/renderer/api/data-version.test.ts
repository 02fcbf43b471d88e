import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/api/schemas/sources';
import { announceWrite, bumpDataVersion, currentDataVersion, type Write, writesSince } from './data-version';

const source = (id: number, name: string) => ({ id, name }) as Source;
const renamed = (id: number, name: string): Write => ({ operation: 'sources:update', value: source(id, name) });

// A hook catches up with the writes since the version it shows (docs/architecture.md, "Reads and writes").
describe('writesSince', () => {
  it('gives the writes after a version, oldest first, and none when nothing was written', () => {
    const start = currentDataVersion();
    expect(writesSince(start)).toEqual([]);
    announceWrite(renamed(1, 'A'));
    announceWrite(renamed(2, 'B'));
    expect(currentDataVersion()).toBe(start + 2);
    expect(writesSince(start)).toEqual([renamed(1, 'A'), renamed(2, 'B')]);
    expect(writesSince(start + 1)).toEqual([renamed(2, 'B')]);
  });

  it('cannot say what changed across a bump without a write (an import, a new date format)', () => {
    const start = currentDataVersion();
    announceWrite(renamed(1, 'A'));
    bumpDataVersion();
    announceWrite(renamed(1, 'B'));
    expect(writesSince(start)).toBeUndefined();
    expect(writesSince(start + 2)).toEqual([renamed(1, 'B')]);
  });

  it('cannot say it for a version older than the writes it keeps', () => {
    const start = currentDataVersion();
    for (let i = 0; i < 60; i++) announceWrite(renamed(1, `N${i}`));
    expect(writesSince(start)).toBeUndefined();
    expect(writesSince(start + 55)).toHaveLength(5);
  });
});

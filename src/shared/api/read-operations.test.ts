import { describe, expect, it } from 'vitest';
import { contract, isWriteOperation, operationNames } from './contract';
import { isReadOperation } from './read-operations';

describe('reads and writes in the contract', () => {
  it('every operation is marked read or write', () => {
    for (const name of operationNames)
      expect([name, contract[name].kind]).toEqual([name, expect.stringMatching(/^(read|write)$/)]);
  });

  it("the renderer's list of reads is the contract's, and everything else is a write", () => {
    for (const name of operationNames) {
      expect([name, isReadOperation(name)]).toEqual([name, contract[name].kind === 'read']);
      expect([name, isWriteOperation(name)]).toEqual([name, contract[name].kind === 'write']);
    }
    expect(isReadOperation('leads:nope')).toBe(false);
    expect(isWriteOperation('leads:nope')).toBe(false);
    expect(isReadOperation('toString')).toBe(false);
  });

  it('the operations that change data are writes', () => {
    // A sample of each kind of change the renderer must announce (docs/architecture.md, "Reads and writes").
    for (const name of [
      'leads:create',
      'csv:start-import',
      'backups:restore',
      'undo:lead',
      'imports:undo',
      'preferences:update',
      'timer:start',
      'sample:load',
      'db:check',
    ])
      expect([name, isWriteOperation(name)]).toEqual([name, true]);
  });
});

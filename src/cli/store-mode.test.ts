import { describe, expect, it } from 'vitest';
import { contract, operationNames } from '../shared/api/contract';
import { commands } from './commands';
import { storeModeFor } from './store-mode';

describe('which commands only read comes from the contract', () => {
  it('a read needs an existing database, a write opens or creates one', () => {
    for (const name of operationNames)
      expect([name, storeModeFor({}, name)]).toEqual([name, contract[name].kind === 'read' ? 'existing' : 'create']);
    expect(storeModeFor({}, 'reports:channels')).toBe('existing');
    expect(storeModeFor({}, 'backups:list')).toBe('existing');
    expect(storeModeFor({}, 'csv:export-file')).toBe('existing');
    expect(storeModeFor({}, 'csv:start-import')).toBe('create');
    expect(storeModeFor({}, 'connects:set-opening')).toBe('create');
    expect(storeModeFor({}, 'nope:nothing')).toBe('create');
  });

  it('no command keeps a list of its own, api included: only check (the file as it is) says', () => {
    expect(
      commands
        .filter((c) => c.store !== undefined)
        .map((c) => [c.name, c.store])
        .sort(),
    ).toEqual([['check', 'as-is']]);
    expect(storeModeFor({ store: 'as-is' }, 'db:check')).toBe('as-is');
  });
});

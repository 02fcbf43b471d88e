import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../src/shared/api/contract';
import { sourceFiles } from './import-graph';

// Where each operation area (`area:verb`) is handled: src/core/<folder>/, in a `*-handlers.ts` file of its own.
// A new area is added here with its folder (README, "Where things are").
const areaFolder: Record<string, string> = {
  activity: 'activity',
  agenda: 'activity',
  closeout: 'activity',
  reasons: 'activity',
  app: 'app',
  db: 'app',
  sample: 'app',
  backups: 'backups',
  clients: 'clients',
  connects: 'connects',
  costs: 'costs',
  csv: 'imports',
  imports: 'imports',
  expenses: 'expenses',
  leads: 'leads',
  payments: 'payments',
  money: 'payments',
  preferences: 'settings',
  settings: 'settings',
  rates: 'rates',
  reports: 'reports',
  sources: 'sources',
  subscriptions: 'subscriptions',
  time: 'time',
  timer: 'time',
  undo: 'undo',
  visibility: 'visibility',
};

const root = process.cwd();

/** Every `'area:verb'` key of an object literal in the file: the operations it handles. */
function handledIn(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = node.name;
      if (ts.isStringLiteral(name) && /^[a-z-]+:[a-z-]+$/.test(name.text)) keys.push(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}

const handlerFiles = sourceFiles(root, 'src/core').filter((f) => /-handlers\.ts$/.test(f));
const where = new Map<string, string[]>();
for (const file of handlerFiles) for (const op of handledIn(file)) where.set(op, [...(where.get(op) ?? []), file]);
const area = (op: string) => op.slice(0, op.indexOf(':'));

describe('one folder per business area', () => {
  it('names a folder for every area of the contract', () => {
    expect([...new Set(operationNames.map(area))].filter((a) => !(a in areaFolder))).toEqual([]);
  });

  it('handles every operation in a *-handlers.ts file of its area folder, once', () => {
    const misplaced = operationNames.flatMap((op) => {
      const files = where.get(op) ?? [];
      const folder = `src/core/${areaFolder[area(op)]}`;
      if (files.length !== 1) return [`${op}: handled in ${files.length ? files.join(', ') : 'no *-handlers.ts file'}`];
      return relative(folder, dirname(files[0]!)) === '' ? [] : [`${op}: in ${files[0]}, not in ${folder}/`];
    });
    expect(misplaced).toEqual([]);
  });

  it('gives each handler file one area', () => {
    const mixed = handlerFiles.flatMap((file) => {
      const areas = [...new Set(handledIn(file).map(area))];
      return areas.length > 1 ? [`${file}: ${areas.join(', ')}`] : [];
    });
    expect(mixed).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { cli } from './proc';

export const benchDir = path.resolve('.bench');

/** A database built with `leadledger seed`, cached in .bench/ by its parameters (delete the folder to rebuild). */
export async function seededDb(name: string, leads: number, extra = { payments: 0, expenses: 0 }): Promise<string> {
  fs.mkdirSync(benchDir, { recursive: true });
  const file = path.join(benchDir, `${name}-${leads}-${extra.payments}-${extra.expenses}.db`);
  const done = `${file}.done`;
  if (fs.existsSync(file) && fs.existsSync(done)) return file;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const started = performance.now();
  await cli([
    '--db',
    file,
    'seed',
    '--leads',
    String(leads),
    '--seed',
    '42',
    '--payments',
    String(extra.payments),
    '--expenses',
    String(extra.expenses),
  ]);
  fs.writeFileSync(done, String(performance.now() - started));
  return file;
}

export function freshPath(name: string): string {
  const file = path.join(benchDir, name);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return file;
}

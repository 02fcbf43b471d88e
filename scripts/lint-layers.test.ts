import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js (docs/architecture.md) fail on a wrong import or SQL in the wrong folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) =>
      ['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'].includes(
        m.ruleId ?? '',
      ),
    )
    .map((m) => m.message);
}

describe('layer rules', () => {
  it('refuse SQL in services and handlers', async () => {
    const code = `import type { Database } from 'better-sqlite3';
export function f(db: Database, ctx: { db: Database }) {
  db.prepare('SELECT 1');
  ctx.db.exec('x');
  return 'DELETE FROM leads WHERE id = ?';
}
`;
    for (const file of [
      'src/core/leads/probe-service.ts',
      'src/core/leads/probe-handlers.ts',
      'src/core/app/sample-data.ts',
    ])
      expect(await errors(file, code)).toHaveLength(4); // the call and its SQL text, exec, the SQL string
    expect(await errors('src/core/leads/probe-repo.ts', code)).toEqual([]);
  });

  it('allow words and regexes that only look like SQL', async () => {
    expect(
      await errors(
        'src/core/leads/probe-service.ts',
        `export const f = (t: string) => [/a/.exec(t), 'Delete the row', 'DELETE'];\n`,
      ),
    ).toEqual([]);
  });

  it('refuse a value import of better-sqlite3 or the statement cache in services', async () => {
    const code = `import Database from 'better-sqlite3';\nimport { prepared } from '../db/statements';\nexport const x = [Database, prepared];\n`;
    expect(await errors('src/core/leads/probe-service.ts', code)).toHaveLength(2);
  });

  it('keep core/csv below the services and the repositories below both', async () => {
    const up = `import { listCosts } from '../costs/costs-service';\nexport const x = listCosts;\n`;
    expect(await errors('src/core/csv/probe.ts', up)).toHaveLength(1);
    expect(await errors('src/core/leads/probe-repo.ts', up)).toHaveLength(1);
    expect(await errors('src/core/payments/payment-fees.ts', up)).toHaveLength(1);
    expect(
      await errors('src/core/leads/probe-repo.ts', `import { x } from './probe-handlers';\nexport const y = x;\n`),
    ).toHaveLength(1);
    expect(
      await errors(
        'src/core/leads/probe-repo.ts',
        `import { ImportWriter } from '../csv/writer';\nexport const x = ImportWriter;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await errors(
        'src/core/leads/probe-service.ts',
        `import { ImportWriter } from '../csv/writer';\nexport const x = ImportWriter;\n`,
      ),
    ).toEqual([]);
  });

  it('keep test support out of the app: only tests import it', async () => {
    const code = `import { openTempCtx } from '../../../test-support/temp-db';\nexport const x = openTempCtx;\n`;
    expect(await errors('src/core/leads/probe-service.ts', code)).toEqual([
      expect.stringContaining('Only tests import test support.'),
    ]);
    expect(await errors('src/core/leads/probe-service.test.ts', code)).toEqual([]);
  });
});

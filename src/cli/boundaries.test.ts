import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The CLI is a host over dispatch: eslint.config.js refuses an import of the core's insides.
describe('src/cli import boundary', () => {
  const eslint = new ESLint();
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
      .map((m) => m.message);
  };

  it(
    'refuses services, repos, csv, rollups, migrations (and db, backups, handlers) in CLI files',
    { timeout: 60_000 },
    async () => {
      for (const inside of [
        'app/sample-data',
        'leads/leads-service',
        'leads/leads-repo',
        'payments/payment-fees',
        'csv/import-engine',
        'rollups/rebuild',
        'db/migrations',
        'db/open',
        'backups/backup-service',
        'imports/csv-handlers',
      ]) {
        const messages = await lint(
          'src/cli/commands/new-command.ts',
          `import { x } from '../../core/${inside}';\nexport const y = x;\n`,
        );
        expect(messages, inside).toEqual([expect.stringContaining('src/cli reaches the core only through dispatch')]);
      }
    },
  );

  it('allows dispatch, the host openers and src/shared; tests may look inside', { timeout: 60_000 }, async () => {
    const allowed = `import { dispatch } from '../../core/dispatch';\nimport { openHostStore } from '../../core/host-store';\nimport { registerPath } from '../../core/host-files';\nimport { contract } from '../../shared/api/contract';\nexport const all = [dispatch, openHostStore, registerPath, contract];\n`;
    expect(await lint('src/cli/commands/new-command.ts', allowed)).toEqual([]);
    expect(
      await lint(
        'src/cli/commands/new-command.test.ts',
        `import { latestVersion } from '../../core/db/migrations';\nexport const v = latestVersion;\n`,
      ),
    ).toEqual([]);
  });

  it(
    'the other hosts too: the server and Electron main get files through host-files, the page moves bytes only through the files extension',
    { timeout: 60_000 },
    async () => {
      expect(
        await lint(
          'src/server/new-route.ts',
          `import { registerFile } from '../core/csv/file-registry';\nexport const r = registerFile;\n`,
        ),
      ).toEqual([expect.stringContaining('A host reaches the core through dispatch')]);
      expect(
        await lint(
          'electron/main/new-dialog.ts',
          `import { registerFile } from '../../src/core/csv/file-registry';\nexport const r = registerFile;\n`,
        ),
      ).toEqual([expect.stringContaining('A host reaches the core through dispatch')]);
      expect(
        await lint(
          'electron/main/new-dialog.ts',
          `import { registerPath } from '../../src/core/host-files';\nexport const r = registerPath;\n`,
        ),
      ).toEqual([]);
      expect(
        await lint(
          'src/renderer/features/import-export/upload.ts',
          `export const up = () => fetch('/api/files/upload');\n`,
        ),
      ).toEqual([expect.stringContaining('files extension')]);
      expect(
        await lint('src/renderer/api/http-files.ts', `export const up = () => fetch('/api/files/upload');\n`),
      ).toEqual([]);
    },
  );
});

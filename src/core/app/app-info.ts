import type { AppInfo } from '../../shared/api/schemas/app';
import type { ReadCtx } from '../context';
import { schemaVersion } from '../db/migrate';
import { countAllLeads } from '../leads/leads-repo';
import { baseCurrency } from '../db/settings-repo';
import { appVersion as version } from '../version';

export function appInfo(ctx: ReadCtx): AppInfo {
  return {
    version,
    dbPath: ctx.dbPath,
    schemaVersion: schemaVersion(ctx.db),
    baseCurrency: baseCurrency(ctx.db),
    leadCount: countAllLeads(ctx.db),
  };
}

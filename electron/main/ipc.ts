import { ipcMain } from 'electron';
import { operationNames } from '../../src/shared/api/contract';
import type { Ctx } from '../../src/core/context';
import { dispatch } from '../../src/core/dispatch';
import { isTrustedSender } from './security';

/** One handler per operation, each on the same path: sender check → dispatch (schema → service → envelope). */
export function setupIpc(ctx: Ctx, devServerUrl: string | undefined): void {
  for (const name of operationNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) {
        return { ok: false, error: { code: 'internal', message: 'Untrusted sender' } };
      }
      return dispatch(ctx, name, input);
    });
  }
}

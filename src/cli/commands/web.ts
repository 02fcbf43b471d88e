import path from 'node:path';
import { parseArgs } from 'node:util';
import { openAppStore } from '../../core/host-store';
import { packageRoot } from '../../core/paths';
import { setupFileRoutes } from '../../server/file-routes';
import { startWebServer } from '../../server/web-server';
import { CliError } from '../cli-error';
import type { Command } from '../command';

export const webCommand: Command = {
  name: 'web',
  summary: 'Serve the app in your browser on 127.0.0.1 (browser mode)',
  usage: 'leadledger web [--port N] [--read-only]',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, 'read-only': { type: 'boolean' } },
      strict: true,
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError('--port needs a number from 0 to 65535');
    // Like the desktop app: a busy file is waited for, saying so; a damaged one is reported with the
    // choices and left as it is (--read-only opens it to export); backups run on start (once the
    // first page has loaded: after 3 s without a request, within a minute) and daily.
    let store;
    try {
      store = await openAppStore(env.dbPath, {
        onWait: (message) => env.io.stderr(`LeadLedger: ${message}\n`),
        choose: () => (values['read-only'] ? 'read-only' : 'quit'),
      });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    if (store.status === 'quit')
      throw new CliError(`${store.notice} To open it read-only: leadledger web --read-only.`);
    const { ctx, schedule } = store;
    if (store.notice) env.io.stderr(`LeadLedger: ${store.notice}\n`);
    const rendererDir = process.env.LEADLEDGER_RENDERER_DIR ?? path.join(packageRoot(), 'out', 'renderer');
    let server;
    try {
      setupFileRoutes();
      server = await startWebServer({ ctx, port, rendererDir, onRequest: schedule.busy });
    } catch (error) {
      schedule.stop();
      ctx.db.close();
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new CliError(`Port ${port} is in use: choose another with --port`);
      throw new CliError((error as Error).message);
    }
    // The signal handlers are in place before the URL is printed: a script may stop the server as soon as it reads it.
    const stopped = new Promise<void>((resolve) => {
      const stop = () => {
        schedule.stop();
        void server.close().then(() => {
          ctx.db.close();
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    env.io.stdout(`LeadLedger is running at ${server.url}\nDatabase: ${env.dbPath}\nPress Ctrl+C to stop.\n`);
    await stopped;
    return 0;
  },
};

// One tree's core in a process of its own, for scripts/bench/ab.ts: it opens the database with that tree's code and
// runs the operations the parent sends, one at a time, answering the time each took. Two trees in one process would
// share one heap and its collections, which showed as a 13% difference that separate processes do not have.
import path from 'node:path';

type Core = {
  dispatch: (ctx: unknown, op: string, input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>;
};

const [tree, dbPath] = process.argv.slice(2) as [string, string];
const { openDatabase } = (await import(path.join(tree, 'src/core/db/open.ts'))) as {
  openDatabase: (p: string) => unknown;
};
const { createCtx } = (await import(path.join(tree, 'src/core/context.ts'))) as {
  createCtx: (db: unknown, p: string) => unknown;
};
const { dispatch } = (await import(path.join(tree, 'src/core/dispatch.ts'))) as Core;
const ctx = createCtx(openDatabase(dbPath), dbPath);

process.on('message', (message: { op: string; input: unknown }) => {
  void (async () => {
    const started = performance.now();
    const result = await dispatch(ctx, message.op, message.input);
    const ms = performance.now() - started;
    process.send!(result.ok ? { ms } : { error: `${message.op}: ${result.error?.message}` });
  })();
});
process.send!({ ready: true });

import { tuneGarbageCollector } from '../core/gc-tuning';
import { readLimited } from './api/stdin-input';
import { runCli } from './main';

tuneGarbageCollector();

// The CLI never prints a stack: a closed pipe (`leadledger export leads | head -1`) ends quietly with
// exit 0, any other failure to write the output (a full disk, /dev/full) in one line with exit 1.
function outputFailed(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  const why = error.code === 'ENOSPC' ? 'the disk is full' : (error.message ?? String(error));
  try {
    process.stderr.write(`leadledger: cannot write the output: ${why}\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(1);
}
process.stdout.on('error', outputFailed);
process.stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const lastWords = (error: unknown) => {
  process.stderr.write(
    `leadledger: Unexpected error: ${((error as Error)?.message ?? String(error)).split('\n')[0]}\n`,
  );
  process.exit(1);
};
process.on('uncaughtException', lastWords);
process.on('unhandledRejection', lastWords);

const readStdin = (maxBytes: number) => readLimited(process.stdin, maxBytes);

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => {
    process.stderr.write(text);
  },
  drain: () => new Promise<void>((resolve) => process.stdout.once('drain', resolve)),
  isTty: Boolean(process.stderr.isTTY),
  readStdin,
};

process.exitCode = await runCli(process.argv.slice(2), io);

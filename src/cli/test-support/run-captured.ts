import { Readable } from 'node:stream';
import { readLimited } from '../api/stdin-input';
import { runCli } from '../main';

export type Captured = { code: number; stdout: string; stderr: string };

/** Runs the CLI in-process with captured output, as tests need it. */
export async function runCliCaptured(...argv: string[]): Promise<Captured> {
  return runCliWithStdin(undefined, ...argv);
}

/** The same, with `stdin` as standard input (`leadledger api OPERATION -`). */
export async function runCliWithStdin(stdin: string | undefined, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => (stderr += t),
    isTty: false,
    readStdin: (maxBytes) => readLimited(Readable.from([Buffer.from(stdin ?? '')]), maxBytes),
  });
  return { code, stdout, stderr };
}

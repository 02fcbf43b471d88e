import type { Readable } from 'node:stream';
import { CliError } from '../cli-error';

/** The error past the limit: the same limit as browser mode's request body (src/shared/api/limits.ts). */
export function stdinTooLarge(maxBytes: number): string {
  return `The input on standard input is larger than ${maxBytes / (1024 * 1024)} MB (${maxBytes.toLocaleString('en')} bytes), the most one call takes: nothing was done`;
}

/** All of `stream` as UTF-8, or a CliError as soon as it passes `maxBytes` (the rest is never read). */
export async function readLimited(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new CliError(stdinTooLarge(maxBytes));
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

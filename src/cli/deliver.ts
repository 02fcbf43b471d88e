import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CliIo } from './command';

const chunkBytes = 1024 * 1024;

/** Copies a finished export file to stdout in 1 MB chunks, waiting when the pipe is full. */
export async function copyToStdout(file: string, io: CliIo): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(chunkBytes);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      if (io.stdout(decoder.write(buffer.subarray(0, read))) === false) await io.drain?.();
    }
    const rest = decoder.end();
    if (rest) io.stdout(rest);
  } finally {
    fs.closeSync(fd);
  }
}

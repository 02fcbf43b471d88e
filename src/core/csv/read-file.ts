import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { type Delimiter, sniffDelimiter } from '../../shared/csv/headers';
import { AppError } from '../../shared/api/result';
import { CsvParser, type CsvRecord } from './parser';
import { assertNotOpenDatabase } from '../db/open-files';

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/** What is wrong with `file` as a CSV to read, in words (no such file, a folder, a pipe, a device), or undefined. */
function notAFile(stat: fs.Stats | undefined): string | undefined {
  if (!stat) return 'no such file';
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'it is a folder, not a file';
  if (stat.isFIFO()) return 'it is a pipe, not a file (save what it sends to a file first)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'it is a device, not a file';
  return 'it is not a regular file';
}

/** The file as the user knows it: a browser-mode upload's private copy (host-files.ts) is "The uploaded file". */
function shown(file: string, start = false): string {
  const upload =
    path.basename(file) === 'upload.csv' && path.basename(path.dirname(file)).startsWith('leadledger-upload-');
  return upload ? (start ? 'The uploaded file' : 'the uploaded file') : file;
}

/**
 * Opens a CSV the user chose for reading: a missing path, a folder, a pipe or a device is refused in
 * one line naming the path (a FIFO's open would wait for a writer, /dev/zero never ends), and so is
 * a SQLite database (its binary header is no CSV header to show).
 */
async function openCsv(file: string): Promise<fs.promises.FileHandle> {
  assertNotOpenDatabase(file); // a raw descriptor on the open database would drop SQLite's locks
  let handle: fs.promises.FileHandle;
  try {
    const before = notAFile(fs.statSync(file, { throwIfNoEntry: false }));
    if (before) throw new AppError('invalid_input', `Cannot read ${shown(file)}: ${before}`);
    // O_NONBLOCK: should it have become a FIFO since, the open does not wait for a writer.
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : (error as Error).message;
    throw new AppError('invalid_input', `Cannot read ${shown(file)}: ${why}`);
  }
  try {
    const wrong = notAFile(await handle.stat());
    if (wrong) throw new AppError('invalid_input', `Cannot read ${shown(file)}: ${wrong}`);
    const head = Buffer.alloc(sqliteMagic.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === head.length && head.equals(sqliteMagic))
      throw new AppError('invalid_input', `${shown(file, true)}: this is a LeadLedger/SQLite database file, not a CSV`);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const chunkSize = 1024 * 1024;

/** Bytes at the end of `chunk` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The file's encoding: a BOM decides (UTF-8, UTF-16 LE/BE); without one the file is UTF-8 when
 * every byte sequence is valid UTF-8, else Windows-1252 (what Excel on Windows writes).
 */
export async function detectEncoding(file: string): Promise<Encoding> {
  const handle = await openCsv(file);
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    if (bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    let carry = Buffer.alloc(0);
    const buffer = Buffer.alloc(chunkSize);
    let position = 0;
    for (;;) {
      const { bytesRead: read } = await handle.read(buffer, 0, chunkSize, position);
      if (read === 0) break;
      position += read;
      const chunk = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const tail = incompleteTail(chunk);
      if (!isUtf8(chunk.subarray(0, chunk.length - tail))) return 'windows-1252';
      carry = Buffer.from(chunk.subarray(chunk.length - tail));
    }
    return carry.length ? 'windows-1252' : 'utf-8';
  } finally {
    await handle.close();
  }
}

type Decoder = { write: (chunk: Buffer) => string; end: () => string };

function decoderFor(encoding: Encoding): Decoder {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8'); // strips a BOM
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
  return { write: (c) => d.write(c), end: () => d.end() ?? '' };
}

export type ReadHooks = {
  /** Called after each chunk with the bytes read so far; return false to stop (cancel). A promise pauses the reading until it settles. */
  onChunk?: (bytesRead: number) => boolean | void | Promise<boolean | void>;
  maxRecordChars?: number;
  /** Bytes read (and parsed synchronously) between two yields to the event loop. */
  chunkBytes?: number | undefined;
  delimiter?: Delimiter | undefined;
};

/**
 * Streams `file` record by record (never whole in memory). The callback runs synchronously for
 * each record; the event loop is free between 1 MB chunks. Resolves false when cancelled.
 */
export async function readCsvFile(
  file: string,
  encoding: Encoding,
  onRecord: (record: CsvRecord) => void,
  hooks: ReadHooks = {},
): Promise<boolean> {
  const decoder = decoderFor(encoding);
  const parser = new CsvParser(onRecord, hooks.maxRecordChars, hooks.delimiter);
  // One buffer, read into again and again: the decoder copies each chunk into a string, and a
  // fresh buffer per chunk left tens of MB of dead buffers waiting for the GC (peak RSS).
  const handle = await openCsv(file);
  const buffer = Buffer.allocUnsafe(hooks.chunkBytes ?? chunkSize);
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      parser.push(decoder.write(buffer.subarray(0, bytesRead)));
      const go = hooks.onChunk?.(bytes);
      if ((go instanceof Promise ? await go : go) === false) return false;
    }
  } finally {
    await handle.close();
  }
  parser.push(decoder.end());
  parser.end();
  return true;
}

/** The file's delimiter, from its first line (read through the decoder: at most 64 KB). */
export async function detectDelimiter(file: string, encoding: Encoding): Promise<Delimiter> {
  const handle = await openCsv(file);
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = decoderFor(encoding)
      .write(buffer.subarray(0, bytesRead))
      .replace(/^\uFEFF/, '');
    const end = text.search(/[\r\n]/);
    return sniffDelimiter(end === -1 ? text : text.slice(0, end));
  } finally {
    await handle.close();
  }
}

/** The first records of a file (header + preview rows), read without going through the rest. */
export async function readHead(
  file: string,
  encoding: Encoding,
  records: number,
  delimiter?: Delimiter,
): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const stop = new Error('enough');
  try {
    await readCsvFile(
      file,
      encoding,
      (r) => {
        out.push(r);
        if (out.length >= records) throw stop;
      },
      { delimiter },
    );
  } catch (error) {
    if (error !== stop) throw error;
  }
  return out;
}

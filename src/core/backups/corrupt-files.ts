import crypto from 'node:crypto';
import fs from 'node:fs';

/** Test helpers that damage a copy of a database the way disks and crashes do. */
export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function pageSizeOf(file: string): number {
  const header = fs.readFileSync(file).subarray(0, 100);
  const raw = header.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** Cuts the file to a fraction of its length (an interrupted copy). */
export function truncateFile(file: string, fraction = 0.5): void {
  const size = fs.statSync(file).size;
  const pageSize = pageSizeOf(file);
  fs.truncateSync(file, Math.max(pageSize, Math.floor((size * fraction) / pageSize) * pageSize));
}

/** Overwrites one whole page with bytes that are not a b-tree page (a bad sector). */
export function damagePage(file: string, page: number): void {
  const pageSize = pageSizeOf(file);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

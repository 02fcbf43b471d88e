import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';

// Writing a file where the user pointed (`export -o P`, `api … --output P`, a save dialog), as the
// user would expect of `> P`: a regular file or a new path gets the whole result or nothing (a temp
// file beside it, renamed over it); a symlink is followed, so the link stays and its target gets the
// content; a FIFO or a character device (a pipe, /dev/stdout, /dev/null, /dev/full) is written
// through, never replaced; a folder, a socket or a disk device is refused in one line.

/** Where the bytes go: `atomic` (temp + rename, with the final file's mode) or `through` (open and write). */
type Plan =
  | { kind: 'atomic'; target: string; mode: number; owner?: { uid: number; gid: number } }
  | { kind: 'through'; target: string; append?: boolean };

const maxLinks = 40;

/** /dev/stdout, /dev/fd/N, /proc/self/fd/N name an open descriptor (a pipe, a terminal, a file the shell opened). */
const descriptorPath = (file: string) =>
  /^\/dev\/(fd\/\d+|stdout|stderr)$|^\/proc\/(self|thread-self|\d+)\/fd\/\d+$/.test(file);

/**
 * Follows `file`'s symlinks one hop at a time (a dangling link names the file to create), stopping
 * at a descriptor's name: what it points at ("pipe:[123]", a file the shell opened) is written
 * through the descriptor, never renamed over.
 */
function followLinks(file: string, shown: string): string {
  let current = file;
  for (let hop = 0; hop < maxLinks; hop++) {
    if (descriptorPath(current)) return current;
    const stat = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new AppError('invalid_input', `Cannot write ${shown}: too many symbolic links`);
}

function plan(file: string): Plan {
  const target = followLinks(path.resolve(file), file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (descriptorPath(target)) {
    if (stat?.isDirectory()) throw new AppError('invalid_input', `Cannot write ${file}: it is a folder, not a file`);
    if (stat?.isBlockDevice())
      throw new AppError('invalid_input', `Cannot write ${file}: it is a disk device, not a file`);
    // A file the shell opened (`> out`, `>> log`): added at its end, as the shell's own descriptor would.
    return { kind: 'through', target, append: stat?.isFile() ?? false };
  }
  if (!stat) {
    const folder = fs.statSync(path.dirname(target), { throwIfNoEntry: false });
    if (!folder)
      throw new AppError('invalid_input', `Cannot write ${file}: the folder ${path.dirname(target)} does not exist`);
    if (!folder.isDirectory())
      throw new AppError('invalid_input', `Cannot write ${file}: ${path.dirname(target)} is not a folder`);
    return { kind: 'atomic', target, mode: 0o600 };
  }
  if (stat.isFile())
    return { kind: 'atomic', target, mode: stat.mode & 0o7777, owner: { uid: stat.uid, gid: stat.gid } };
  if (stat.isDirectory()) throw new AppError('invalid_input', `Cannot write ${file}: it is a folder, not a file`);
  if (stat.isFIFO() || stat.isCharacterDevice()) return { kind: 'through', target };
  if (stat.isBlockDevice())
    throw new AppError('invalid_input', `Cannot write ${file}: it is a disk device, not a file`);
  throw new AppError('invalid_input', `Cannot write ${file}: it is a socket, not a file`);
}

/** One line for a failed write: what and where, in words. */
export function writeFailure(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'disk full, nothing was written'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'EPIPE'
            ? 'the program reading it stopped reading'
            : code === 'ENOENT' || code === 'ENOTDIR'
              ? 'no such folder'
              : code === 'EISDIR'
                ? 'it is a folder, not a file'
                : code === 'ENXIO'
                  ? 'nothing is reading it'
                  : ((error as Error)?.message ?? String(error));
  return new AppError(
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' ? 'storage' : 'invalid_input',
    `Cannot write ${file}: ${why}`,
  );
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      // A non-blocking pipe or socket (this process's own stdout may be one) that is full: wait for its reader.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** The descriptor number when `file` names one of this process's own (/dev/stdout, /dev/fd/1, /proc/self/fd/1). */
function ownDescriptor(file: string): number | undefined {
  if (file === '/dev/stdout') return 1;
  if (file === '/dev/stderr') return 2;
  const match = /^\/(?:dev\/fd|proc\/(self|thread-self|\d+)\/fd)\/(\d+)$/.exec(file);
  if (!match) return undefined;
  const pid = match[1];
  return pid === undefined || pid === 'self' || pid === 'thread-self' || Number(pid) === process.pid
    ? Number(match[2])
    : undefined;
}

/**
 * Writes what `produce` writes into `file` (see above); resolves with what `produce` returns. A
 * failure removes the temp file and leaves an existing file as it was.
 */
export async function writeOutputFile<T>(
  file: string,
  produce: (write: (text: string) => void) => Promise<T>,
): Promise<T> {
  let fd: number | undefined;
  let handle: fs.promises.FileHandle | undefined;
  let temp: string | undefined;
  try {
    const where = plan(file);
    const own = where.kind === 'through' ? ownDescriptor(where.target) : undefined;
    if (own !== undefined) {
      // Written into the descriptor itself: a socket (a parent's pipe to us) cannot be opened by name.
      return await produce((text) => writeAll(own, text));
    }
    if (where.kind === 'through') {
      // A FIFO's open waits for its reader (as `cat > fifo` does): off the event loop.
      handle = await fs.promises.open(
        where.target,
        fs.constants.O_WRONLY | fs.constants.O_NOCTTY | (where.append ? fs.constants.O_APPEND : 0),
      );
      const through = handle.fd;
      const value = await produce((text) => writeAll(through, text));
      await handle.close();
      handle = undefined;
      return value;
    }
    temp = path.join(
      path.dirname(where.target),
      `.${path.basename(where.target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    fd = fs.openSync(temp, 'wx', 0o600);
    const value = await produce((text) => writeAll(fd!, text));
    if (where.owner && (where.owner.uid !== process.getuid?.() || where.owner.gid !== process.getgid?.())) {
      try {
        fs.fchownSync(fd, where.owner.uid, where.owner.gid); // root writing a user's file: it stays theirs
      } catch {
        // not allowed (not root): the file becomes ours, as a save by any editor would
      }
    }
    fs.fchmodSync(fd, where.mode); // after the chown, which would clear a set-id bit
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, where.target);
    temp = undefined;
    return value;
  } catch (error) {
    await handle?.close().catch(() => {});
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    if (temp !== undefined) fs.rmSync(temp, { force: true });
    // The file system's errors (they name a syscall) in words; the export's own (SQLite, AppError) as they are.
    throw typeof (error as { syscall?: unknown } | undefined)?.syscall === 'string' ? writeFailure(file, error) : error;
  }
}

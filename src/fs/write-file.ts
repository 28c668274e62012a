import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A file being written: pieces go in with `write`, and the file takes its place on `commit` only. */
export interface FileWriter {
  write(piece: string | Uint8Array): void;
  /** The content is whole: put it in place. Once committed or abandoned, the writer is closed. */
  commit(): void;
  /** Leave the target as it was (for a device or a pipe, whatever was written has gone to it). */
  abandon(): void;
}

export interface WriteOptions {
  /** Make the target's folder first, if missing. */
  createFolder?: boolean;
}

const MAX_LINKS = 40;

/** A file-system error as Node gives it, for a path that is not a file to write into. */
function failure(code: string, message: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, '${path}'`), { code, path });
}

// An open file of a process (`/dev/stdout` leads to /proc/self/fd/1): replacing the file behind
// it would leave the shell writing to a deleted one, so it is written to as it is, and one of
// this process's own through the descriptor itself, which shares the shell's place in the file.
const OPEN_FILE = /^\/(?:proc|dev\/fd)\//;
const OWN_DESCRIPTOR = new RegExp(`^/(?:proc/(?:self|${process.pid})/fd|dev/fd)/(\\d+)$`);

/**
 * Where a write to `path` lands, and what is there now: the file a symbolic link points to (even
 * one not made yet), or `direct` for what is written to in place (a device, a pipe, an open file).
 */
function landing(path: string): { path: string; stat: Stats | undefined; direct: boolean; descriptor?: number } {
  const named = resolve(path);
  let at = named;
  for (let hops = 0; ; hops++) {
    const own = OWN_DESCRIPTOR.exec(at);
    if (own) return { path: named, stat: statSync(named), direct: true, descriptor: Number(own[1]) };
    if (OPEN_FILE.test(at)) return { path: named, stat: statSync(named), direct: true };
    const link = lstatSync(at, { throwIfNoEntry: false });
    if (!link?.isSymbolicLink()) break;
    if (hops === MAX_LINKS) throw failure('ELOOP', 'too many symbolic links', path);
    at = resolve(dirname(at), readlinkSync(at));
  }
  const stat = statSync(at, { throwIfNoEntry: false });
  // A folder on the way is resolved by the system, not here: the real path of an existing file.
  return { path: stat?.isFile() ? realpathSync.native(at) : at, stat, direct: Boolean(stat && !stat.isFile()) };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeWhole(fd: number, piece: string | Uint8Array): void {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      // A full pipe that does not block (standard output into a slow reader): wait for it to drain.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Writes a piece to an open writer; on failure closes it by `giveUp` before the error goes on. */
function writeOrGiveUp(fd: number | undefined, piece: string | Uint8Array, path: string, giveUp: () => void): void {
  if (fd === undefined) throw failure('EBADF', 'the writer is closed', path);
  try {
    writeWhole(fd, piece);
  } catch (error) {
    giveUp();
    throw error;
  }
}

/** Best effort: a folder's fsync makes a rename survive a power cut where the system supports it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every system lets a folder be opened or synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Opens `path` to be written whole or not at all. A regular file (or a new one) is written to
 * a temporary file beside it, with the same mode, flushed to disk and renamed over it on commit,
 * so a run that is stopped, or fails, half way leaves the old file as it was. A symbolic link
 * stays a link: the file it points to is what is replaced. A device, pipe or socket (`-o
 * /dev/null`) is written to directly, never replaced. A folder is an EISDIR error.
 * Errors are Node's own (with `code`), for the caller to word.
 */
export function openFileWriter(path: string, options: WriteOptions = {}): FileWriter {
  const target = landing(path);
  if (target.stat?.isDirectory()) throw failure('EISDIR', 'illegal operation on a directory', path);
  if (options.createFolder && !target.stat) mkdirSync(dirname(target.path), { recursive: true });

  if (target.direct) {
    // A device, a pipe or an open file is the place itself: nothing to rename over it.
    let fd: number | undefined = target.descriptor ?? openSync(target.path, 'w');
    const close = () => {
      // The process's own standard output stays open for the rest of the run.
      if (fd !== undefined && fd !== target.descriptor) closeSync(fd);
      fd = undefined;
    };
    return {
      write: (piece) => writeOrGiveUp(fd, piece, path, close),
      commit: close,
      abandon: close,
    };
  }

  const folder = dirname(target.path);
  // Beside the target, so that the rename never crosses disks; the name cut so that a long one still fits.
  const temporary = join(folder, `.${basename(target.path).slice(0, 200)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // `wx`: never a file someone else made under this name, nor through a link planted there.
  let fd: number | undefined = openSync(temporary, 'wx', 0o666);
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  const abandon = () => {
    try {
      close();
    } catch {
      // Closing failed: the file is removed all the same.
    }
    rmSync(temporary, { force: true });
  };
  try {
    if (target.stat) {
      fchmodSync(fd, target.stat.mode & 0o7777);
      const { uid, gid } = target.stat;
      if (process.getuid?.() === 0 && (uid !== 0 || gid !== 0)) fchownSync(fd, uid, gid);
    }
  } catch (error) {
    abandon();
    throw error;
  }
  return {
    write: (piece) => writeOrGiveUp(fd, piece, path, abandon),
    commit() {
      if (fd === undefined) throw failure('EBADF', 'the writer is closed', path);
      try {
        fsyncSync(fd);
        close();
        // The target may have been made a folder while the content was written.
        if (statSync(target.path, { throwIfNoEntry: false })?.isDirectory()) throw failure('EISDIR', 'illegal operation on a directory', path);
        renameSync(temporary, target.path);
      } catch (error) {
        abandon();
        throw error;
      }
      syncFolder(folder);
    },
    abandon,
  };
}

/** Writes a whole file at once, by `openFileWriter`: all of it or, on any failure, none. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const writer = openFileWriter(path, options);
  try {
    writer.write(content);
  } catch (error) {
    writer.abandon();
    throw error;
  }
  writer.commit();
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied (EACCES); choose a folder you can write to',
  EPERM: 'permission denied (EPERM); choose a folder you can write to',
  EROFS: 'the disk is read-only (EROFS); choose a folder you can write to',
  ENOSPC: 'the disk is full (ENOSPC); free some space and run again',
  EDQUOT: 'the disk quota is used up (EDQUOT); free some space and run again',
  EFBIG: 'the file is larger than this system allows (EFBIG); write it to another place or raise the file-size limit (ulimit -f)',
  EISDIR: 'it is a folder (EISDIR); give a file name',
  ENOTDIR: 'part of the path is a file, not a folder (ENOTDIR); choose another path',
  ENOENT: 'its folder does not exist (ENOENT); create it or choose another path',
  ENXIO: 'it is a socket or a device with nothing on the other end (ENXIO); give a file name',
  ELOOP: 'it goes through too many symbolic links (ELOOP); give the real path',
  ENAMETOOLONG: 'the name is too long (ENAMETOOLONG); choose a shorter one',
  EIO: 'the disk reported an error (EIO); check the disk and run again',
  EBUSY: 'it is in use (EBUSY); close what has it open and run again',
};

/** Why a write failed, and what to do, as the end of a one-line message. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return code ? `${code}; check the path and that you can write there` : `${(error as Error)?.message ?? String(error)}; check the path and that you can write there`;
}

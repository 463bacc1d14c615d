/** Words for the errno codes a full, read-only or locked-down disk gives. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links (or a symbolic link where none is allowed)',
};

/** What to do about it, when there is something obvious. */
const FIXES: Record<string, string> = {
  ENOSPC: 'free some disk space and try again',
  EDQUOT: 'free some space (or raise the quota) and try again',
  EROFS: 'run it where the repository is writable',
  EACCES: 'check the permissions of that directory',
  EPERM: 'check the permissions of that directory',
};

/** A file could not be read or written; the message is one line naming the file and the cause (exit 3). */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `cannot write <path>: no space left on the device (ENOSPC); free some disk space and try again`. */
export function fileError(action: string, path: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code && REASONS[code] ? `${REASONS[code]} (${code})` : code ?? (error instanceof Error ? error.message : String(error));
  const fix = code && FIXES[code] ? `; ${FIXES[code]}` : '';
  return new FileError(path, code, `cannot ${action} ${path}: ${reason}${fix}`, { cause: error });
}

/** True for a Node file-system error (it carries an errno code and the syscall that failed). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

import { dirname } from 'node:path'

/**
 * Why a file could not be read or written, in words instead of Node's error code and syscall
 * (`ENOENT: no such file or directory, open '…'`): every command that takes a path says it
 * the same way.
 */
export function fileProblem(error: unknown, path: string, writing = false): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return writing ? `its directory ${dirname(path)} does not exist` : 'no such file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a directory'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

/**
 * The better-sqlite3 native binding every connection in this process uses. Plain Node keeps the
 * package default (undefined); the Electron main process sets its Electron-ABI build once at start.
 */
let binding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  binding = file;
}

export function nativeBinding(): string | undefined {
  return binding;
}

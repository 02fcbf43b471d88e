import type { Output, WriteOperationName } from '../../shared/api/contract';

/** A successful write as the api announces it: the operation and the record (or answer) it returned. */
export type Write = { [K in WriteOperationName]: { operation: K; value: Output<K> } }[WriteOperationName];

// One counter bumped after every write, so every page that shows data can fetch again: the api bumps it after each
// successful write with what was written (named-api.ts), pages read it through useDataVersion
// (src/renderer/lib/dataVersion.ts). A hook that can apply the writes since its data instead reads them with
// `writesSince` (docs/architecture.md, "Reads and writes").
let version = 0;
const listeners = new Set<() => void>();
/** The latest bumps, oldest first: the write behind each, or null when the data changed some other way. */
const recent: { version: number; write: Write | null }[] = [];
const kept = 50;

function bump(write: Write | null): void {
  version += 1;
  recent.push({ version, write });
  if (recent.length > kept) recent.shift();
  for (const listener of listeners) listener();
}

/** A write of this window's api succeeded: `write` says which and what it returned. */
export const announceWrite = (write: Write): void => bump(write);

/** The data changed where no write of this window's api says what: every hook fetches again. */
export const bumpDataVersion = (): void => bump(null);

/**
 * The writes since version `since`, oldest first; undefined when one of those bumps carries no write or is no
 * longer kept, so whatever was shown at `since` cannot be brought up to date by applying them.
 */
export function writesSince(since: number): Write[] | undefined {
  if (since === version) return [];
  const after = recent.filter((entry) => entry.version > since);
  if (after.length !== version - since) return undefined;
  const writes: Write[] = [];
  for (const entry of after) {
    if (!entry.write) return undefined;
    writes.push(entry.write);
  }
  return writes;
}

export function subscribeDataVersion(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const currentDataVersion = (): number => version;

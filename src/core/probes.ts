// Points in production code that tests count (how often the credits ledger ran its FIFO, read its purchase lots, a
// parse worker finished): `probe(name)` does nothing unless a test installed a listener (test-support/probes.ts), so
// no counter lives in a production module.

export const probeNames = ['ledgerRun', 'lotChannelRead', 'lotDayRead', 'parseWorkerRun'] as const;
export type ProbeName = (typeof probeNames)[number];

let listener: ((name: ProbeName) => void) | undefined;

/** Marks that `name` happened: a no-op outside tests. */
export function probe(name: ProbeName): void {
  listener?.(name);
}

/** For test-support only: the one listener told of every probe (undefined: none). */
export function setProbeListener(next: ((name: ProbeName) => void) | undefined): void {
  listener = next;
}

import v8 from 'node:v8';

/**
 * V8 flags of the hosts that run the core (CLI, browser-mode server, Electron main), set at start.
 *
 * No allocation-site pretenuring: a big import streams millions of short-lived rows through the
 * main thread, and V8 took their allocation sites for long-lived ones, allocating straight into the
 * old generation, which then grew with garbage between full collections (figures: docs/performance.md).
 */
export function tuneGarbageCollector(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

import { type ProbeName, probeNames, setProbeListener } from '../src/core/probes';

/**
 * How often each probe of src/core/probes.ts fired in this test process (since this module was imported):
 * the ledger's FIFO runs, its purchase lots read (whole channels, single days), parse workers that fed a whole file.
 */
export const probed = Object.fromEntries(probeNames.map((name) => [name, 0])) as Record<ProbeName, number>;

setProbeListener((name) => {
  probed[name]++;
});

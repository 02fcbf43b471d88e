export type CrashOptions = {
  trials?: number;
  seed?: number;
  seedLeads?: number;
  seedBatch?: number;
  importRows?: number;
  migrateLeads?: number;
  /** Names from `scenarioNames` (the harness's one list). */
  scenarios?: string[];
};
export type CrashFigures = {
  scenario: string;
  trials: number;
  killsMidWrite: number;
  killsAfterWrite: number;
  partial: number;
  integrityFailures: number;
  /** sqlite3 shell reads of the file while the write ran (scenarios with a foreign reader). */
  foreignReads: number;
  writeMs: number;
  states: Record<string, number>;
  failures: string[];
};
export const scenarioNames: readonly string[];
export const defaultOptions: Required<CrashOptions>;
export function runCrashTrials(options?: CrashOptions, log?: (line: string) => void): Promise<CrashFigures[]>;
export function formatFigures(results: CrashFigures[]): string;
export function rng(seed: number): () => number;

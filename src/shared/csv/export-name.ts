/** The suggested name of an export: leadledger-leads-2026-08-15.csv (UTC date). */
export function exportFileName(kind: string, now: Date = new Date()): string {
  return `leadledger-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}

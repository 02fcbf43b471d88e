export type DataKind = 'leads' | 'payments' | 'expenses' | 'report';

export type DataActionsProps = { kind: DataKind };

/** Import and Export buttons for a page that lists data (filled in by the CSV feature). */
export function DataActions(_props: DataActionsProps) {
  return null;
}

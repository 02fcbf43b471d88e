/** The import summary's line (CLI and app) on what remembered payers did (docs/domain.md §3.12); null when nothing. */
export function describePayerLinks(p: { linked: number; toAssign: number } | undefined): string | null {
  if (!p || (p.linked === 0 && p.toAssign === 0)) return null;
  const parts: string[] = [];
  if (p.linked > 0)
    parts.push(
      `${p.linked.toLocaleString('en')} payment${p.linked === 1 ? '' : 's'} linked to ${p.linked === 1 ? 'its' : 'their'} client's lead by a remembered payer`,
    );
  if (p.toAssign > 0) parts.push(`${p.toAssign.toLocaleString('en')} wait${p.toAssign === 1 ? 's' : ''} in To assign`);
  return `Payers: ${parts.join('; ')}`;
}

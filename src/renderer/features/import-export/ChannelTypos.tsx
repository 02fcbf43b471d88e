import { likelyChannel } from '../../../shared/domain/channel-typos';
import { useSources } from '../../lib/useSources';

/** Under "New channels": "Upwrok" is new — did you mean Upwork?, with what to do about it. */
export function ChannelTypos({ created, applied }: { created: readonly string[]; applied: boolean }) {
  const sources = useSources(true);
  if (created.length === 0 || !sources.data) return null;
  const fresh = new Set(created.map((c) => c.trim().toLowerCase()));
  const existing = sources.data.map((s) => s.name).filter((n) => !fresh.has(n.trim().toLowerCase()));
  const typos = created.flatMap((name) => {
    const meant = likelyChannel(name, existing);
    return meant ? [{ name, meant }] : [];
  });
  if (typos.length === 0) return null;
  return (
    <div className="import-typos" role="status">
      {typos.map((t) => (
        <p key={t.name}>
          “{t.name}” {applied ? 'is' : 'would be'} a new channel: did you mean <strong>{t.meant}</strong>?{' '}
          {applied
            ? 'Undo this import, correct the name in the file and import it again.'
            : 'Correct the name in the file before importing.'}
        </p>
      ))}
    </div>
  );
}

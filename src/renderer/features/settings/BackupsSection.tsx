import { useState } from 'react';
import type { Backup } from '../../../shared/api/schemas/backups';
import { api } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { ConfirmDialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';

const reasonLabels: Record<Backup['reason'], string> = {
  manual: 'Made by you',
  startup: 'At start',
  daily: 'Daily',
  'pre-migration': 'Before an upgrade',
  'pre-import': 'Before an import',
  'pre-restore': 'Before a restore',
};

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export type BackupsSectionProps = { onRestored: () => void };

export function BackupsSection({ onRestored }: BackupsSectionProps) {
  const backups = useAsync(() => api.backups.list({}), []);
  const toast = useToast();
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);

  const backUpNow = async () => {
    setBusy('create');
    try {
      const made = await api.backups.create({});
      toast.info(`Backed up (${size(made.sizeBytes)}).`);
    } catch (error) {
      toast.error(`The backup failed: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const restore = async (backup: Backup) => {
    setConfirming(null);
    setBusy('restore');
    try {
      await api.backups.restore({ name: backup.name });
      toast.info(`Restored the backup of ${formatDateTime(backup.createdAt)}. What it replaced was kept as a backup.`);
      onRestored();
    } catch (error) {
      toast.error(`Not restored: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const list = backups.data?.backups ?? [];
  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="table-toolbar">
        <h2 id="backups-title">Backups</h2>
        <button
          type="button"
          className="primary"
          onClick={() => void backUpNow()}
          disabled={busy !== null}
          aria-busy={busy === 'create'}
        >
          Back up now
        </button>
      </div>
      {backups.data?.notice && (
        <p className="form-error" role="alert">
          {backups.data.notice}
        </p>
      )}
      {backups.error && (
        <p className="form-error" role="alert">
          Could not list the backups: {backups.error.message}
        </p>
      )}
      <p className="muted">
        Kept in <code>{backups.data?.folder ?? '…'}</code>: the newest of each of the last 7 days and 4 weeks, plus your
        own and the last few made before imports, upgrades and restores.
      </p>
      <table className="data-table backups-table" aria-label="Backups">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Why</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.length === 0 && !backups.loading && (
            <tr>
              <td colSpan={4} className="table-empty">
                No backups yet.
              </td>
            </tr>
          )}
          {list.map((backup) => (
            <tr key={backup.name}>
              <td>
                <time dateTime={backup.createdAt} title={backup.name}>
                  {formatDateTime(backup.createdAt)}
                </time>
              </td>
              <td>{reasonLabels[backup.reason]}</td>
              <td className="num">{size(backup.sizeBytes)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  onClick={() => setConfirming(backup)}
                  disabled={busy !== null}
                  aria-label={`Restore the backup of ${formatDateTime(backup.createdAt)}`}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={confirming !== null}
        title="Restore this backup?"
        message={
          confirming
            ? `Your data will go back to how it was on ${formatDateTime(confirming.createdAt)}. The current data is first saved as a backup, so you can undo this by restoring that one.`
            : ''
        }
        confirmLabel="Restore"
        onConfirm={() => confirming && void restore(confirming)}
        onClose={() => setConfirming(null)}
      />
    </section>
  );
}

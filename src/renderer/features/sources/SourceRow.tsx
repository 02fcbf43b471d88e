import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { formatValue } from '../../lib/format';
import { useToast } from '../../components/Toasts';
import { ApiCallError } from '../../../shared/api/client';
import type { Source } from '../../../shared/api/schemas/sources';

function errorText(error: unknown, field: string): string {
  if (error instanceof ApiCallError) return error.fields.find((f) => f.path === field)?.message ?? error.message;
  return (error as Error).message;
}

/** One channel: rename inline, recolour, archive or restore; the list shows the channel each save returns. */
export function SourceRow({ source }: { source: Source }) {
  const toast = useToast();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(source.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [color, setColor] = useState(source.color);
  const [colorError, setColorError] = useState<string | undefined>();
  const colorTimer = useRef<number | undefined>(undefined);
  const errorId = `source-${source.id}-error`;

  useEffect(() => setColor(source.color), [source.color]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError('Give the channel a name');
    try {
      const saved = await api.sources.update({ id: source.id, name });
      setName(saved.name);
      setRenaming(false);
      setNameError(undefined);
      toast.info(`Renamed to “${saved.name}”`);
    } catch (e) {
      setNameError(errorText(e, 'name'));
    }
  };
  // The colour picker reports every step of a drag; save once it settles.
  const recolour = (value: string) => {
    setColor(value);
    window.clearTimeout(colorTimer.current);
    colorTimer.current = window.setTimeout(async () => {
      try {
        await api.sources.update({ id: source.id, color: value });
        setColorError(undefined);
      } catch (e) {
        setColorError(errorText(e, 'color'));
      }
    }, 300);
  };
  const setArchived = async (archived: boolean) => {
    try {
      const saved = await api.sources.update({ id: source.id, archived });
      toast.info(
        saved.archived
          ? `Archived ${saved.name}: it stays in reports, but new leads cannot use it`
          : `Restored ${saved.name}`,
      );
    } catch (e) {
      toast.error(errorText(e, 'archived'));
    }
  };

  const price =
    source.creditName && source.creditPriceMinor !== null && source.creditCurrency
      ? `${formatValue(source.creditPriceMinor, source.creditCurrency)} each`
      : '—';
  const commission =
    source.commissionPercent === null
      ? '—'
      : `${source.commissionPercent}%${source.commissionMinFeeMinor ? `, min ${formatValue(source.commissionMinFeeMinor, source.creditCurrency ?? 'USD')}` : ''}`;

  return (
    <tr className={source.archived ? 'archived' : undefined} aria-label={source.name}>
      <td>
        <input
          type="color"
          className="color-input"
          value={color}
          aria-label={`Colour of ${source.name}`}
          aria-invalid={colorError ? true : undefined}
          aria-describedby={colorError ? `${errorId}-color` : undefined}
          onChange={(e) => recolour(e.target.value)}
        />
        {colorError && (
          <span className="field-error" id={`${errorId}-color`}>
            {colorError}
          </span>
        )}
      </td>
      <td>
        {renaming ? (
          <form className="inline-form" onSubmit={rename} noValidate>
            <input
              type="text"
              value={name}
              autoFocus
              aria-label={`New name for ${source.name}`}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) =>
                e.key === 'Escape' && (setRenaming(false), setName(source.name), setNameError(undefined))
              }
            />
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" onClick={() => (setRenaming(false), setName(source.name), setNameError(undefined))}>
              Cancel
            </button>
            {nameError && (
              <span className="field-error" id={errorId}>
                {nameError}
              </span>
            )}
          </form>
        ) : (
          <span className="source-name">
            {source.name}
            {source.archived && <span className="tag">Archived</span>}
          </span>
        )}
      </td>
      <td>{source.creditName ?? '—'}</td>
      <td className="num">{price}</td>
      <td className="num">{commission}</td>
      <td className="num">
        <a href={`#/leads?source=${source.id}`}>
          {source.leadCount.toLocaleString()}
          <span className="sr-only"> leads from {source.name}</span>
        </a>
      </td>
      <td>
        <div className="row-actions">
          {!renaming && (
            <button type="button" onClick={() => setRenaming(true)}>
              Rename<span className="sr-only"> {source.name}</span>
            </button>
          )}
          <button type="button" onClick={() => setArchived(!source.archived)}>
            {source.archived ? 'Restore' : 'Archive'}
            <span className="sr-only"> {source.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

import { type ReactNode, useCallback, useRef, useState } from 'react';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import type { Stage } from '../../../shared/domain/stages';
import { LostDialog } from './LostDialog';
import { WonDialog } from './WonDialog';
import type { Closed } from './closed';

type Pending = { lead: LeadRow; stage: 'won' | 'lost'; beforeId: number | null };

/**
 * Moving a lead to Won or Lost goes through a dialog; `ask` resolves what was saved (the
 * move is then done) and false on Cancel or Escape (nothing moved). Other stages resolve null: the
 * caller moves them itself.
 */
export function useCloseOut(): {
  ask: (lead: LeadRow, stage: Stage, beforeId?: number | null) => Promise<Closed | false | null>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const resolver = useRef<((saved: Closed | false) => void) | null>(null);
  const ask = useCallback((lead: LeadRow, stage: Stage, beforeId: number | null = null) => {
    if ((stage !== 'won' && stage !== 'lost') || lead.stage === stage) return Promise.resolve(null);
    return new Promise<Closed | false>((resolve) => {
      resolver.current = resolve;
      setPending({ lead, stage, beforeId });
    });
  }, []);
  const done = (saved: Closed | false) => {
    setPending(null);
    resolver.current?.(saved);
    resolver.current = null;
  };
  const dialog = pending ? (
    pending.stage === 'won' ? (
      <WonDialog key={pending.lead.id} lead={pending.lead} beforeId={pending.beforeId} onDone={done} />
    ) : (
      <LostDialog key={pending.lead.id} lead={pending.lead} beforeId={pending.beforeId} onDone={done} />
    )
  ) : null;
  return { ask, dialog };
}

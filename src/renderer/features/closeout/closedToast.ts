import { api } from '../../api';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { stageLabels } from '../../../shared/domain/stages';
import { formatMinorPlain } from '../../../shared/money';
import type { Closed } from './closed';

type Toast = { info: (text: string, options?: { undo?: () => unknown }) => void; error: (text: string) => void };

/**
 * "Moved “Logo” to Won" with Undo, like every other move: Undo deletes the payment the Won dialog
 * recorded and puts the lead back in its stage with its value and lost reason as they were.
 */
export function closedToast(toast: Toast, lead: LeadRow, stage: 'won' | 'lost', closed: Closed): void {
  const undo = async () => {
    try {
      if (closed.paymentId !== null) await api.payments.delete({ id: closed.paymentId });
      await api.leads.move({ id: lead.id, stage: lead.stage });
      await api.leads.update({
        id: lead.id,
        lostReason: lead.lostReason,
        appliedOn: lead.appliedOn,
        currency: lead.currency,
        value: lead.valueMinor === null ? null : formatMinorPlain(lead.valueMinor, lead.currency),
      });
    } catch (e) {
      toast.error(`Could not undo: ${(e as Error).message}`);
    }
  };
  toast.info(`Moved “${lead.title}” to ${stageLabels[stage]}`, { undo });
}

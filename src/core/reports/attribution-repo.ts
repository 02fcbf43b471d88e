import type { ReadableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { firstSourceSql } from '../clients/clients-repo';

/**
 * First-touch attribution (docs/domain.md §6): gross of the payments dated in [from, to] whose lead's client
 * has a first source other than the payment's channel, per (payment channel, first source, month,
 * currency). The report moves these amounts from one channel to the other; fees stay. Read from
 * payments joined to leads and to each client's first source, computed once per client. INDEXED BY:
 * left alone, SQLite walks every payment by date or channel; the partial covering index holds only the
 * payments that have a lead (figures: docs/performance.md).
 */
export type AttributionShiftRow = {
  from_id: number;
  to_id: number;
  month: string;
  currency: string;
  gross: number;
  payments: number;
};

export function attributionShifts(db: ReadableDB, from: string, to: string): AttributionShiftRow[] {
  return prepared(
    db,
    `WITH first_source AS MATERIALIZED (SELECT c.id, ${firstSourceSql('c')} AS source_id FROM clients c)
     SELECT p.source_id AS from_id, f.source_id AS to_id, substr(p.date, 1, 7) AS month, p.currency, SUM(p.gross_minor) AS gross, COUNT(*) AS payments
     FROM payments p INDEXED BY payments_lead_money JOIN leads l ON l.id = p.lead_id JOIN first_source f ON f.id = l.client_id
     WHERE p.date BETWEEN ? AND ? AND p.lead_id IS NOT NULL AND f.source_id IS NOT NULL AND f.source_id != p.source_id
     GROUP BY p.source_id, f.source_id, substr(p.date, 1, 7), p.currency`,
  ).all(from, to) as AttributionShiftRow[];
}

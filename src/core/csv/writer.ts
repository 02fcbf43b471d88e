import type { WritableDB } from '../db/handles';
import { nextChannelColor } from '../../shared/domain/palette';
import { furthestRank, type Stage } from '../../shared/domain/stages';
import { prepared } from '../db/statements';
import { expenseCompared } from '../expenses/expense-columns';
import { insertExpense, type ExpenseRecord, type ExpenseWrite, updateExpense } from '../expenses/expenses-repo';
import { leadCompared } from '../leads/lead-columns';
import {
  insertLead,
  insertLeadsSkippingTaken,
  type LeadRecord,
  type LeadToInsert,
  type LeadWrite,
  recordCreatedStages,
  recordStageChange,
  updateLeadRecord,
} from '../leads/leads-repo';
import { paymentCompared } from '../payments/payment-columns';
import { insertPayment, type PaymentRecord, type PaymentWrite, updatePayment } from '../payments/payments-repo';
import { RollupBatch } from '../rollups/rollup-batch';
import { resolvePaymentFee } from '../payments/payment-fees';
import { keepsPlace, setPaymentPayer } from '../payments/payer-repo';
import { setLeadClient } from '../clients/clients-repo';
import { ClientLinks } from './client-links';
import { keepUserExpenseFields, keepUserPaymentFields } from './owned-fields';
import { type Draft, type ExpenseDraft, type LeadDraft, type PaymentDraft, RowError, type TimeDraft } from './drafts';
import { toIsoDate } from '../../shared/dates';
import { timeCompared } from '../time/time-columns';
import { getTimeByRef, insertTimeEntry, updateTimeRecord } from '../time/time-repo';

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

/** Leads per INSERT into a table that was empty: one statement a row costs more than SQLite's own work. */
const insertBatchRows = 64;

/** Rollup keys held before writing them (a million-row file of leads has a few thousand). */
const maxPendingKeys = 50_000;

function same<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  return keys.every((k) => a[k] === b[k]);
}

/**
 * Writes drafts through the repositories inside the caller's transaction. Rollup deltas collect
 * in one batch, flushed every few thousand rows and at the end, always inside the transaction.
 */
export class ImportWriter {
  readonly createdSources: string[] = [];
  private readonly sources = new Map<string, number>();
  private readonly positions = new Map<string, number>();
  private batch: RollupBatch;
  private readonly clients: ClientLinks;
  private readonly nowIso: string;
  private readonly today: string;

  constructor(
    private readonly db: WritableDB,
    private readonly importId: number,
    now: Date,
  ) {
    this.batch = new RollupBatch(db);
    this.nowIso = now.toISOString();
    this.today = toIsoDate(now);
    this.clients = new ClientLinks(db, this.nowIso);
  }

  /**
   * Ends the writing: rollups flushed, new clients spelled as their earliest lead. Returns whether
   * leads written before this import may still lack their client (the table was not empty), for
   * linkUnlinkedLeads to look at.
   */
  finish(): { mayHaveUnlinked: boolean } {
    this.flush();
    this.clients.finish();
    return { mayHaveUnlinked: this.emptyLeads === false };
  }

  private sourceId(name: string): number {
    const key = name.trim().toLowerCase();
    const cached = this.sources.get(key);
    if (cached !== undefined) return cached;
    const row = prepared(this.db, `SELECT id, archived FROM sources WHERE name = ? COLLATE NOCASE`).get(name.trim()) as
      { id: number } | undefined;
    let id = row?.id;
    if (id === undefined) {
      if (name.trim().length > 60) throw new RowError('source is longer than 60 characters');
      const colors = (prepared(this.db, `SELECT color FROM sources`).all() as { color: string }[]).map((r) => r.color);
      const n = colors.length;
      id = Number(
        prepared(this.db, `INSERT INTO sources (name, color, sort_order, created_at) VALUES (?, ?, ?, ?)`).run(
          name.trim(),
          nextChannelColor(colors),
          n,
          this.nowIso,
        ).lastInsertRowid,
      );
      this.createdSources.push(name.trim());
    }
    this.sources.set(key, id);
    return id;
  }

  private endPosition(stage: string): number {
    let p = this.positions.get(stage);
    if (p === undefined)
      p =
        (prepared(this.db, `SELECT MAX(position) AS p FROM leads WHERE stage = ?`).get(stage) as { p: number | null })
          .p ?? 0;
    p += 1;
    this.positions.set(stage, p);
    return p;
  }

  apply(draft: Draft): WriteOutcome {
    // A payment or a time entry may name a lead held for the next batch.
    if (draft.type !== 'lead') this.flushInserts();
    const outcome =
      draft.type === 'lead'
        ? this.lead(draft)
        : draft.type === 'payment'
          ? this.payment(draft)
          : draft.type === 'time'
            ? this.time(draft)
            : this.expense(draft);
    // Deltas add up per (channel, day, currency): the batch stays small, so it is written once at the
    // end unless a file spreads over very many keys.
    if (outcome !== 'unchanged' && this.batch.size >= maxPendingKeys) this.flush();
    return outcome;
  }

  flush(): void {
    this.flushInserts();
    this.flushCreatedStages();
    this.batch.flush();
  }

  /** Leads with an id above this were inserted by this import (ids only grow while we hold the write lock). */
  private stagesAfter: number | undefined;
  private lastInsertedLead = 0;

  /** Writes the creation stage change of the leads inserted since the last call, in one statement. */
  private flushCreatedStages(): void {
    if (this.stagesAfter === undefined || this.lastInsertedLead <= this.stagesAfter) return;
    recordCreatedStages(this.db, this.stagesAfter, this.lastInsertedLead, this.nowIso);
    this.stagesAfter = this.lastInsertedLead;
  }

  private inserted(id: number): void {
    this.stagesAfter ??= id - 1;
    this.lastInsertedLead = id;
  }

  private emptyLeads: boolean | undefined;
  private readonly pending: (LeadToInsert & { draft: LeadDraft })[] = [];

  /**
   * Outcomes told as 'inserted' that turned out otherwise: a lead held for a batch insert whose ref
   * came earlier in the file. The import summary adds these (keys: outcomes) at the end.
   */
  readonly corrections: Record<WriteOutcome, number> = { inserted: 0, updated: 0, unchanged: 0 };

  /** Writes the held leads in one statement; a repeated ref goes the one-row way (update or unchanged). */
  private flushInserts(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    const { skipped, firstId } = insertLeadsSkippingTaken(this.db, rows, this.batch);
    const insertedCount = rows.length - skipped.length;
    if (insertedCount > 0) {
      this.inserted(firstId);
      this.inserted(firstId + insertedCount - 1);
    }
    for (const i of skipped) {
      const outcome = this.existingLead(rows[i]!.draft, rows[i]!.lead.source_id, () => rows[i]!.lead);
      this.corrections.inserted--;
      this.corrections[outcome]++;
    }
  }

  private lead(d: LeadDraft): WriteOutcome {
    const sourceId = this.sourceId(d.source);
    // Built field by field (no spreads): this runs a million times in a big import.
    const fresh = (): LeadWrite => ({
      ref: d.ref,
      source_id: sourceId,
      title: d.title,
      client: d.client,
      url: d.url,
      stage: d.stage,
      furthest_rank: furthestRank(0, d.stage, d.applied_on),
      created_on: d.created_on,
      applied_on: d.applied_on,
      closed_on: d.closed_on,
      connects: d.connects,
      boost_connects: d.boost_connects,
      connects_refunded: d.connects_refunded,
      value_minor: d.value_minor,
      currency: d.currency,
      fee_percent_bp: null,
      lost_reason: d.lost_reason,
      tags: d.tags,
      notes: d.notes,
      follow_up_on: d.follow_up_on,
      position: this.endPosition(d.stage),
      updated_at: this.nowIso,
      import_id: this.importId,
      invited: d.invited,
      minutes_after_post: d.minutes_after_post,
      proposals_when_bid: d.proposals_when_bid,
      viewed_on: d.viewed_on,
      boost_outcome: d.boost_outcome,
    });
    // Into a table that was empty when the import began: held and inserted in batches; only a
    // repeated ref needs a lookup. The creation stage changes are written in bulk (flushCreatedStages).
    this.emptyLeads ??=
      (prepared(this.db, `SELECT NOT EXISTS (SELECT 1 FROM leads) AS empty`).get() as { empty: number }).empty === 1;
    if (this.emptyLeads) {
      this.pending.push({ draft: d, lead: fresh(), clientId: this.clients.idFor(d.client, d.created_on) });
      if (this.pending.length >= insertBatchRows) this.flushInserts();
      return 'inserted';
    }
    return this.existingLead(d, sourceId, fresh);
  }

  /** A lead whose ref may be taken: inserted, updated or unchanged. */
  private existingLead(d: LeadDraft, sourceId: number, fresh: () => LeadWrite): WriteOutcome {
    const before = prepared(this.db, `SELECT * FROM leads WHERE ref = ?`).get(d.ref) as LeadRecord | undefined;
    if (!before) {
      this.inserted(insertLead(this.db, fresh(), this.batch, this.clients.idFor(d.client, d.created_on)));
      return 'inserted';
    }
    const fields = {
      source_id: sourceId,
      title: d.title,
      client: d.client,
      url: d.url,
      stage: d.stage,
      created_on: d.created_on,
      applied_on: d.applied_on,
      closed_on: d.closed_on,
      connects: d.connects,
      boost_connects: d.boost_connects,
      connects_refunded: d.connects_refunded,
      value_minor: d.value_minor,
      currency: d.currency,
      lost_reason: d.lost_reason,
      tags: d.tags,
      notes: d.notes,
      follow_up_on: d.follow_up_on,
      // docs/domain.md §8's bid facts: an empty cell (a file from before them) keeps what the user recorded.
      invited: d.invited || before.invited,
      minutes_after_post: d.minutes_after_post ?? before.minutes_after_post,
      proposals_when_bid: d.proposals_when_bid ?? before.proposals_when_bid,
      viewed_on: d.viewed_on ?? before.viewed_on,
      boost_outcome: d.boost_outcome ?? before.boost_outcome,
    };
    if (same(before, { ...before, ...fields }, leadCompared)) return 'unchanged';
    // A lead inserted earlier in this file gets its creation change before this one.
    this.flushInserts();
    this.flushCreatedStages();
    const after: LeadWrite = {
      ...before,
      ...fields,
      furthest_rank: furthestRank(before.furthest_rank, d.stage, d.applied_on),
      position: d.stage === before.stage ? before.position : this.endPosition(d.stage),
      updated_at: this.nowIso,
    };
    delete (after as Partial<LeadRecord>).id;
    updateLeadRecord(this.db, before, after, this.batch);
    // Another client name: the client of that name.
    if (d.client !== before.client) setLeadClient(this.db, before.id, this.clients.idFor(d.client, d.created_on));
    if (d.stage !== before.stage)
      recordStageChange(this.db, before.id, before.stage as Stage, d.stage as Stage, this.nowIso);
    return 'updated';
  }

  private payment(d: PaymentDraft): WriteOutcome {
    const sourceId = this.sourceId(d.source);
    let leadId: number | null = null;
    if (d.lead_ref) {
      const lead = prepared(this.db, `SELECT id, source_id FROM leads WHERE ref = ?`).get(d.lead_ref) as
        { id: number; source_id: number } | undefined;
      if (!lead) throw new RowError(`lead_ref "${d.lead_ref}": no lead has this ref (import the leads first)`);
      leadId = lead.id;
    }
    if (
      d.fee_minor !== null &&
      d.gross_minor !== 0 &&
      !d.fee_may_exceed &&
      Math.abs(d.fee_minor) > Math.abs(d.gross_minor)
    ) {
      throw new RowError('fee is larger than gross');
    }
    const fee =
      d.fee_minor ??
      resolvePaymentFee(this.db, { sourceId, date: d.date, grossMinor: d.gross_minor, currency: d.currency, leadId });
    const fields = {
      date: d.date,
      source_id: sourceId,
      lead_id: leadId,
      description: d.description,
      gross_minor: d.gross_minor,
      fee_minor: fee,
      fee_computed: d.fee_minor === null ? 1 : 0,
      currency: d.currency,
    };
    const before = prepared(this.db, `SELECT * FROM payments WHERE ref = ?`).get(d.ref) as PaymentRecord | undefined;
    // Our export writes computed fees out; the same fee coming back stays a computed one.
    if (before?.fee_computed === 1 && d.fee_minor !== null && d.fee_minor === before.fee_minor) fields.fee_computed = 1;
    if (!before) {
      const write: PaymentWrite = {
        ref: d.ref,
        ...fields,
        import_id: this.importId,
        created_at: this.nowIso,
        platform_description: d.description,
        payer_name: d.client ?? '',
      };
      const id = insertPayment(this.db, write, this.batch);
      if (d.payer) setPaymentPayer(this.db, id, d.payer);
      return 'inserted';
    }
    // A rail payment the user linked or assigned keeps its lead and channel when the file comes again.
    if (d.payer && keepsPlace(this.db, before.id))
      Object.assign(fields, { source_id: before.source_id, lead_id: before.lead_id });
    keepUserPaymentFields(before, fields);
    if (same(before, { ...before, ...fields }, paymentCompared)) return 'unchanged';
    const { id: _id, ...rest } = before;
    updatePayment(this.db, before, { ...rest, ...fields }, this.batch);
    return 'updated';
  }

  private expense(d: ExpenseDraft): WriteOutcome {
    const fields = {
      date: d.date,
      source_id: d.source ? this.sourceId(d.source) : null,
      category: d.category,
      description: d.description,
      amount_minor: d.amount_minor,
      currency: d.currency,
      connects: d.connects,
    };
    const before = prepared(this.db, `SELECT * FROM expenses WHERE ref = ?`).get(d.ref) as ExpenseRecord | undefined;
    if (!before) {
      const write: ExpenseWrite = {
        ref: d.ref,
        ...fields,
        import_id: this.importId,
        created_at: this.nowIso,
        platform_description: d.description,
        platform_category: d.category,
      };
      insertExpense(this.db, write, this.batch);
      return 'inserted';
    }
    keepUserExpenseFields(before, fields);
    if (same(before, { ...before, ...fields }, expenseCompared)) return 'unchanged';
    const { id: _id, ...rest } = before;
    updateExpense(this.db, before, { ...rest, ...fields }, this.batch);
    return 'updated';
  }

  /** time.csv: a channel by name must exist (never created from a time row); a lead_ref brings its channel. */
  private time(d: TimeDraft): WriteOutcome {
    if (d.date > this.today)
      throw new RowError(`date ${d.date} is in the future: time can be logged for today (${this.today}) or earlier`);
    let sourceId: number | null = null;
    if (d.source !== '') {
      const row = prepared(this.db, `SELECT id FROM sources WHERE name = ? COLLATE NOCASE`).get(d.source.trim()) as
        { id: number } | undefined;
      if (!row)
        throw new RowError(`source "${d.source}": no channel has this name (add it on the Channels page first)`);
      sourceId = row.id;
    }
    let leadId: number | null = null;
    if (d.lead_ref) {
      const lead = prepared(
        this.db,
        `SELECT l.id, l.source_id, s.name FROM leads l JOIN sources s ON s.id = l.source_id WHERE l.ref = ?`,
      ).get(d.lead_ref) as { id: number; source_id: number; name: string } | undefined;
      if (!lead) throw new RowError(`lead_ref "${d.lead_ref}": no lead has this ref (import the leads first)`);
      if (sourceId !== null && lead.source_id !== sourceId)
        throw new RowError(`lead_ref "${d.lead_ref}" is a lead of ${lead.name}, not of ${d.source}`, 'source');
      leadId = lead.id;
      sourceId = lead.source_id;
    }
    const fields = {
      date: d.date,
      source_id: sourceId!,
      lead_id: leadId,
      kind: d.kind,
      minutes: d.minutes,
      note: d.note,
    };
    const before = getTimeByRef(this.db, d.ref);
    if (!before) {
      insertTimeEntry(
        this.db,
        { ref: d.ref, ...fields, import_id: this.importId, created_at: this.nowIso, updated_at: this.nowIso },
        this.batch,
      );
      return 'inserted';
    }
    if (same(before, { ...before, ...fields }, timeCompared)) return 'unchanged';
    updateTimeRecord(this.db, before, { ...fields, updated_at: this.nowIso }, this.batch);
    return 'updated';
  }
}

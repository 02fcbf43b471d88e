import { col, csvHeaders, namesWhere, type NamesWith, type RowOf } from '../db/columns';

/**
 * The leads table, one entry per column (docs/architecture.md, "One definition per row"): the row types, the
 * insert and update, the import writer's compare list, the rollup facts and the leads CSV (header and cells) are
 * all read from here. CSV columns are in the order of docs/csv-formats.md: a new one goes at the end.
 */
export const leadColumns = {
  id: col.id(),
  ref: col.text({ csv: ['ref', 'text'] }),
  source_id: col.int({ fact: true, compared: true, csv: ['source', 'channel'] }),
  title: col.text({ compared: true, csv: ['title', 'text'] }),
  client: col.text({ compared: true, csv: ['client', 'text'] }),
  url: col.text({ compared: true, csv: ['url', 'text'] }),
  stage: col.text({ fact: true, compared: true, csv: ['stage', 'bare'] }),
  furthest_rank: col.int({ fact: true }),
  created_on: col.text({ fact: true, compared: true, csv: ['created_on', 'bare'] }),
  applied_on: col.textOrNull({ fact: true, compared: true, csv: ['applied_on', 'bare'] }),
  closed_on: col.textOrNull({ fact: true, compared: true, csv: ['closed_on', 'bare'] }),
  connects: col.int({ fact: true, compared: true, csv: ['connects', 'bare'] }),
  boost_connects: col.int({ fact: true, compared: true, csv: ['boost_connects', 'bare'] }),
  connects_refunded: col.int({ fact: true, compared: true, csv: ['connects_refunded', 'bare'] }),
  value_minor: col.intOrNull({ fact: true, compared: true, csv: ['value', 'money'] }),
  currency: col.text({ fact: true, compared: true, csv: ['currency', 'bare'] }),
  fee_percent_bp: col.intOrNull(),
  lost_reason: col.text({ compared: true, csv: ['lost_reason', 'text'] }),
  tags: col.text({ compared: true, csv: ['tags', 'text'] }),
  notes: col.text({ compared: true, csv: ['notes', 'text'] }),
  follow_up_on: col.textOrNull({ compared: true, csv: ['follow_up_on', 'bare'] }),
  position: col.real(),
  updated_at: col.text(),
  import_id: col.intOrNull(),
  // docs/domain.md §8's bid facts.
  invited: col.int({ compared: true, csv: ['invited', 'flag'] }),
  minutes_after_post: col.intOrNull({ compared: true, csv: ['minutes_after_post', 'bare'] }),
  proposals_when_bid: col.textOrNull({ compared: true, csv: ['proposals_when_bid', 'bare'] }),
  viewed_on: col.textOrNull({ compared: true, csv: ['viewed_on', 'bare'] }),
  /** docs/domain.md §8: an `outbid` boost is not charged. */
  boost_outcome: col.textOrNull({ fact: true, compared: true, csv: ['boost_outcome', 'bare'] }),
};

/** Columns of the table outside the record: `client_id` is set by the insert's last argument and by clients-repo. */
export const leadInternalColumns = ['client_id'] as const;

/** A leads row as stored. */
export type LeadRecord = RowOf<typeof leadColumns>;
export type LeadWrite = Omit<LeadRecord, 'id'>;

/** The columns of a lead that the rollups count. */
export type LeadFacts = Pick<LeadRecord, NamesWith<typeof leadColumns, 'fact'>>;

/** The columns an insert and an update set, in descriptor order. */
export const leadWriteColumns = namesWhere(leadColumns, (c) => c.insert) as (keyof LeadWrite & string)[];

/** The columns an import compares to tell an updated lead from an unchanged one. */
export const leadCompared = namesWhere(leadColumns, (c) => c.compared) as NamesWith<typeof leadColumns, 'compared'>[];

/** docs/csv-formats.md: the leads CSV header. */
export const leadCsvHeaders = csvHeaders(leadColumns);

import { z } from 'zod';
import { dateFormats } from '../../csv/dates';
import { op } from '../define';
import { isoDate } from '../fields';
import { MatchedPair, PossibleDuplicate, SameAs } from './reconcile';

export const csvTargets = ['leads', 'payments', 'expenses', 'time'] as const;
export const importAsValues = ['leads', 'payments', 'expenses', 'time', 'upwork', 'paypal', 'stripe'] as const;
export const exportKinds = ['leads', 'payments', 'expenses', 'time', 'report'] as const;

/** A registered file (upload, or a path the Electron dialog chose); paths never cross the API. */
const fileId = z.string().regex(/^[a-f0-9]{24}$/, 'Unknown file');
const jobId = z.string().regex(/^[a-f0-9]{16}$/, 'Unknown import');

export const ColumnMapping = z.object({
  target: z.enum(csvTargets),
  /** Our field name -> zero-based column index in the file. */
  columns: z.record(z.string(), z.number().int().min(0).max(10_000)),
  dateFormat: z.enum(dateFormats),
  decimal: z.enum(['.', ',']),
  source: z.string().trim().max(60).optional(),
  currency: z.string().trim().max(3).optional(),
  /** Time entries: the kind of rows without a kind column (docs/domain.md §6; delivery when not given). */
  kind: z.enum(['sales', 'delivery']).optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const SavedMapping = z.object({
  id: z.number().int(),
  name: z.string(),
  target: z.enum(csvTargets),
  mapping: ColumnMapping,
  matches: z.boolean(),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

/** A row of a recognised file as the import will read it. */
export const ReadRow = z.object({
  line: z.number().int(),
  kind: z.string(),
  date: z.string(),
  amount: z.string(),
  currency: z.string(),
  description: z.string(),
  message: z.string().nullable(),
});
export type ReadRow = z.infer<typeof ReadRow>;

export const TrackerProject = z.object({
  client: z.string(),
  project: z.string(),
  entries: z.number().int(),
  minutes: z.number().int(),
  mapping: z
    .object({ sourceId: z.number().int(), leadId: z.number().int().nullable(), kind: z.enum(['sales', 'delivery']) })
    .nullable(),
  leads: z.array(z.object({ id: z.number().int(), title: z.string(), sourceId: z.number().int() })),
});
export type TrackerProject = z.infer<typeof TrackerProject>;

export const ProjectMappingInput = z.object({
  client: z.string().trim().max(200),
  project: z.string().trim().max(200),
  sourceId: z.number().int().positive({ error: 'Choose a channel' }),
  leadId: z.number().int().positive().nullable(),
  kind: z.enum(['sales', 'delivery']),
});

export const Inspection = z.object({
  fileName: z.string(),
  /** The layout recognised and the header names that decided it; null when the wizard maps the columns. */
  layout: z
    .object({
      id: z.string(),
      label: z.string(),
      platform: z.string(),
      recognisedBy: z.array(z.string()),
      readAs: z.array(z.string()),
    })
    .nullable()
    .optional(),
  /** Why the file cannot be imported as it is ("This is Upwork's 'Earnings by contract' report; …"). */
  problem: z.string().nullable().optional(),
  /** The first rows as the import will read them (recognised files). */
  readRows: z.array(ReadRow).optional(),
  /** A time tracker's (client, project) pairs, with their saved mapping and the leads the client name offers (docs/domain.md §6). */
  projects: z.array(TrackerProject).optional(),
  /** Per wizard target: the date format that reads every row shown, or why none does. */
  dateNotes: z.record(z.string(), z.string()).optional(),
  encoding: z.string(),
  headers: z.array(z.string()),
  /** The recognised format, or null: the wizard maps the columns. */
  format: z.string().nullable(),
  formatLabel: z.string().nullable(),
  preview: z.array(z.array(z.string())),
  /** Saved mappings made for this exact header (offered first), then the others. */
  mappings: z.array(SavedMapping),
  /** A first guess at the columns for each target, from their names. */
  suggestions: z.record(z.string(), ColumnMapping),
  /** Fields of each target, in the order of our CSV headers; the required ones flagged. */
  fields: z.record(z.string(), z.array(z.object({ name: z.string(), required: z.boolean() }))),
});
export type Inspection = z.infer<typeof Inspection>;

export const PreviewRow = z.object({
  line: z.number().int(),
  values: z.record(z.string(), z.string()),
  error: z.string().nullable(),
  /** How the row was read when not as written ("fee read as a cost …"). */
  note: z.string().nullable().optional(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportSummary = z.object({
  importId: z.number().int().nullable(),
  fileName: z.string(),
  format: z.string(),
  formatLabel: z.string(),
  encoding: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  transfers: z.number().int(),
  merged: z.number().int(),
  invalidCount: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), message: z.string() })),
  recognisedBy: z.array(z.string()),
  readAs: z.array(z.string()),
  delimiter: z.string(),
  decimal: z.string(),
  /** What the rows became, per kind and per reason. */
  counts: z.object({
    leads: z.number().int(),
    payments: z.number().int(),
    fees: z.number().int(),
    expenses: z.record(z.string(), z.number().int()),
    time: z.number().int(),
    transfers: z.number().int(),
    skipped: z.record(z.string(), z.number().int()),
    invalid: z.record(z.string(), z.object({ count: z.number().int(), lines: z.array(z.number().int()) })),
  }),
  /** Platform row types the tables do not know: the user decides each once (csv:decide-types). */
  unknownTypes: z.array(
    z.object({ platform: z.string(), type: z.string(), count: z.number().int(), lines: z.array(z.number().int()) }),
  ),
  createdSources: z.array(z.string()),
  warnings: z.array(z.string()),
  dryRun: z.boolean(),
  applied: z.boolean(),
  kinds: z.object({
    leads: z.number().int(),
    payments: z.number().int(),
    expenses: z.number().int(),
    time: z.number().int(),
  }),
  /** Imported subscription charges that are a plan's generated charge (counted once). */
  subscriptionMatches: z.array(
    z.object({
      plan: z.string(),
      source: z.string(),
      chargeOn: z.string(),
      expenseOn: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
    }),
  ),
  /** Rail payments linked to their lead by a remembered payer, and those left in "To assign" (docs/domain.md §7.5). */
  payerLinks: z.object({ linked: z.number().int(), toAssign: z.number().int() }).optional(),
  /** docs/domain.md §7: "matched to what you entered", possible duplicates, payments linked to leads. */
  matched: z.array(MatchedPair),
  possibleDuplicates: z.array(PossibleDuplicate),
  leadLinks: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportJob = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  rowsPerSecond: z.number(),
  summary: ImportSummary.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const typeDecisionValues = ['payment', 'fee', 'expense', 'transfer', 'ignore'] as const;
export const TypeDecision = z
  .object({
    type: z.string().trim().min(1).max(200),
    as: z.enum(typeDecisionValues),
    category: z.enum(['connects', 'subscription', 'advertising', 'fee', 'tax', 'other']).optional(),
  })
  .refine((d) => (d.as === 'expense') === (d.category !== undefined), {
    path: ['category'],
    message: 'Choose an expense category (only for expenses)',
  });
export const SavedTypeDecision = z.object({
  platform: z.string(),
  type: z.string(),
  as: z.enum(typeDecisionValues),
  category: z.string().nullable(),
});
export type SavedTypeDecision = z.infer<typeof SavedTypeDecision>;
const platform = z.enum(['upwork', 'paypal', 'stripe']);

const mappingName = z.string().trim().min(1, 'Give the mapping a name').max(80, 'At most 80 characters');

export const csvContract = {
  'csv:inspect': op.read(
    z.object({ fileId }),
    Inspection,
    'Read the header and first rows of a registered CSV file: encoding, format, suggested mappings',
  ),
  'csv:preview': op.read(
    z.object({ fileId, mapping: ColumnMapping, rows: z.number().int().min(1).max(200).optional() }),
    z.object({ rows: z.array(PreviewRow) }),
    'The first rows of a registered file as a column mapping reads them, each validated',
  ),
  'csv:start-import': op.write(
    z.object({
      fileId,
      as: z.enum(importAsValues).optional(),
      source: z.string().trim().min(1).max(60).optional(),
      mapping: ColumnMapping.optional(),
      mappingName: mappingName.optional(),
      skipInvalid: z.boolean().optional(),
      dryRun: z.boolean().optional(),
      /** Time trackers: the whole file's kind (with `source`; docs/domain.md §6). */
      kind: z.enum(['sales', 'delivery']).optional(),
      /** The preview's ticks: imported rows that are a typed record (docs/domain.md §7). */
      sameAs: SameAs.optional(),
    }),
    z.object({ jobId: z.string() }),
    'Start importing a registered CSV file; poll csv:job for progress and the summary',
  ),
  'csv:job': op.read(z.object({ jobId }), ImportJob, 'Progress and, when done, the summary of an import'),
  'csv:cancel': op.write(
    z.object({ jobId }),
    z.object({ cancelled: z.boolean() }),
    'Cancel a running import (nothing is written)',
  ),
  'csv:mappings': op.read(
    z.object({ fileId: fileId.optional() }),
    z.array(SavedMapping),
    'Saved column mappings (those made for this header first)',
  ),
  'csv:save-mapping': op.write(
    z.object({ name: mappingName, fileId, mapping: ColumnMapping }),
    SavedMapping,
    'Save a column mapping under a name for files with this header',
  ),
  'csv:save-projects': op.write(
    z.object({ projects: z.array(ProjectMappingInput).min(1).max(500) }),
    z.object({ saved: z.number().int() }),
    "Map time trackers' (client, project) pairs to a channel, an optional lead and a kind, for this and later imports",
  ),
  'csv:type-decisions': op.read(
    z.object({ platform: platform.optional() }),
    z.array(SavedTypeDecision),
    'Saved decisions for import row types LeadLedger does not know, per platform',
  ),
  'csv:decide-types': op.write(
    z.object({ platform, decisions: z.array(TypeDecision).min(1).max(100) }),
    z.array(SavedTypeDecision),
    'Decide once what an unknown row type of a platform is (payment, fee, expense category, transfer, ignore)',
  ),
  'csv:forget-type': op.write(
    z.object({ platform, type: z.string().trim().min(1).max(200) }),
    z.object({ deleted: z.boolean() }),
    'Forget a saved decision for an unknown row type',
  ),
  'csv:delete-mapping': op.write(
    z.object({ id: z.number().int().positive() }),
    z.object({ deleted: z.boolean() }),
    'Delete a saved column mapping',
  ),
  'csv:export-file': op.read(
    z.object({
      fileId,
      kind: z.enum(exportKinds),
      from: isoDate.optional(),
      to: isoDate.optional(),
      bom: z.boolean().optional(),
      json: z.boolean().optional(),
      basis: z.enum(['cash', 'usage']).optional(),
      attribution: z.enum(['last', 'first']).optional(),
    }),
    z.object({ rows: z.number().int(), fileName: z.string() }),
    'Export leads, payments, expenses or the channel report into a registered file',
  ),
};

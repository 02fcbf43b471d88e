// Column descriptors: one list per table of its columns, from which the repositories, the import writer, the CSV
// formats and the rollups take what they need (docs/architecture.md, "One definition per row").

/** How a column is written to (and read from) our own CSV files (docs/csv-formats.md). */
export type CsvCell =
  /** Free text: formula-escaped and quoted when needed. */
  | 'text'
  /** Dates, codes, counts and fixed words: written as they are, '' for null. */
  | 'bare'
  /** An amount in minor units, written as a decimal in the row's `currency`. */
  | 'money'
  /** 1 is written `yes`, 0 empty. */
  | 'flag'
  /** A channel's id, written as the channel's name. */
  | 'channel'
  /** A lead's id, written as that lead's ref. */
  | 'leadRef';

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

export type ColumnOptions = {
  /** Set by the repository's insert (false: the id, and columns written elsewhere). Default true. */
  insert?: boolean;
  /** Set by the repository's update. Default: as `insert`. */
  update?: boolean;
  /** Read by the rollups (docs/domain.md §4): part of the table's rollup facts type. */
  fact?: boolean;
  /** Compared by the import writer to tell an updated row from an unchanged one. */
  compared?: boolean;
  /** Optional in the record type (a column some callers leave to its default). */
  optional?: boolean;
  /** Its cell in our own CSV format: the header (in descriptor order) and how the cell is written. */
  csv?: readonly [header: string, cell: CsvCell];
};

/** One column: its SQL type and nullability (checked against the schema by each descriptor's test) and its roles. */
export type Column<T = unknown, O extends ColumnOptions = ColumnOptions> = {
  readonly sql: SqlType;
  readonly nullable: boolean;
  readonly insert: boolean;
  readonly update: boolean;
  readonly fact: boolean;
  readonly compared: boolean;
  readonly optional: boolean;
  readonly csv: readonly [header: string, cell: CsvCell] | undefined;
  /** Never set: carry the column's TypeScript type and its options' literal types (for `RowOf`, `NamesWith`). */
  readonly value?: T;
  readonly options?: O;
};

function column<T>(sql: SqlType, nullable: boolean, options: ColumnOptions | undefined): Column<T, never> {
  const insert = options?.insert ?? true;
  return {
    sql,
    nullable,
    insert,
    update: options?.update ?? insert,
    fact: options?.fact ?? false,
    compared: options?.compared ?? false,
    optional: options?.optional ?? false,
    csv: options?.csv,
  };
}

type None = Record<never, never>;

/** Column builders: `col.text()`, `col.intOrNull({ fact: true })`, `col.textOf<Kind>()({ ... })` for a narrower type. */
export const col = {
  id: () => column<number>('INTEGER', false, { insert: false }) as Column<number, None>,
  text: <const O extends ColumnOptions = None>(o?: O) => column<string>('TEXT', false, o) as Column<string, O>,
  textOrNull: <const O extends ColumnOptions = None>(o?: O) =>
    column<string | null>('TEXT', true, o) as Column<string | null, O>,
  textOf:
    <T extends string>() =>
    <const O extends ColumnOptions = None>(o?: O) =>
      column<T>('TEXT', false, o) as Column<T, O>,
  textOrNullOf:
    <T extends string>() =>
    <const O extends ColumnOptions = None>(o?: O) =>
      column<T | null>('TEXT', true, o) as Column<T | null, O>,
  int: <const O extends ColumnOptions = None>(o?: O) => column<number>('INTEGER', false, o) as Column<number, O>,
  intOrNull: <const O extends ColumnOptions = None>(o?: O) =>
    column<number | null>('INTEGER', true, o) as Column<number | null, O>,
  real: <const O extends ColumnOptions = None>(o?: O) => column<number>('REAL', false, o) as Column<number, O>,
};

export type Columns = Record<string, Column<unknown, ColumnOptions>>;

type ValueOf<C> = C extends Column<infer T, ColumnOptions> ? T : never;
type OptionsOf<C> = C extends Column<unknown, infer O> ? O : never;

/** The names of the columns whose option `Flag` is set to true (`fact`, `compared`, `optional`). */
export type NamesWith<D extends Columns, Flag extends 'fact' | 'compared' | 'optional'> = {
  [K in keyof D]: OptionsOf<D[K]> extends { readonly [F in Flag]: true } ? K : never;
}[keyof D] &
  string;

/** The record type of a descriptor: one property per column, its TS type; `optional` columns optional. */
export type RowOf<D extends Columns> = {
  -readonly [K in Exclude<keyof D, NamesWith<D, 'optional'>>]: ValueOf<D[K]>;
} & { -readonly [K in NamesWith<D, 'optional'>]?: ValueOf<D[K]> };

/** The names of the columns with a role, in descriptor order. */
export function namesWhere<D extends Columns>(columns: D, role: (c: Column) => boolean): (keyof D & string)[] {
  return Object.keys(columns).filter((name) => role(columns[name]!));
}

/** The CSV headers of a descriptor's columns, as a union of their literal names. */
export type CsvHeaderOf<D extends Columns> = {
  [K in keyof D]: OptionsOf<D[K]> extends { readonly csv: readonly [infer H, CsvCell] } ? H : never;
}[keyof D];

/** Our own CSV header of a descriptor: the headers of its CSV columns, in descriptor order. */
export function csvHeaders<D extends Columns>(columns: D): CsvHeaderOf<D>[] {
  return Object.values(columns).flatMap((c) => (c.csv ? [c.csv[0] as CsvHeaderOf<D>] : []));
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * A function that pushes a row's values for `names` onto an argument list, in order, for positional
 * parameters (`?`): compiled once from the names, it runs as fast as the property list written out by
 * hand, with no object made per row (docs/architecture.md, "One definition per row").
 */
export function argsPusher<Row>(names: readonly (keyof Row & string)[]): (args: unknown[], row: Row) => void {
  for (const name of names) if (!identifier.test(name)) throw new Error(`not a column name: ${name}`);
  return new Function('args', 'row', `args.push(${names.map((n) => `row.${n}`).join(', ')});`) as (
    args: unknown[],
    row: Row,
  ) => void;
}

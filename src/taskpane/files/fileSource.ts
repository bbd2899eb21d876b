/**
 * The DuckDB source expression for an order file the user opened, and the view over it that the
 * SQL generator (src/sql, DuckDB dialect) reads as its order table. Types are declared, never
 * detected: DuckDB's detection with a decimal comma is unreliable past its sample, so a CSV is read
 * with `columns = {...}` (id VARCHAR, date DATE with the file's date format, amount DECIMAL(38, 6)
 * with the file's decimal mark, every other column VARCHAR), `delim`, `header = true` and
 * `decimal_separator`. A Parquet file is read in the pane by hyparquet (parquetFile.ts: DuckDB-Wasm
 * 1.32.0 has no Parquet reader) into the table PARQUET_TABLE, with the file's column names for the
 * mapped columns (id text, date DATE, amount DOUBLE), and the same view reads that table.
 * The file is registered under a name this module makes (`FILE_NAME_CSV`; a Parquet file's table is PARQUET_TABLE),
 * never under the user's file name, and column names are string literals with '' doubled.
 * Example: csv, delimiter ";", decimal ",", dmy, header [Kunde, Datum, Betrag], id 0 date 1 amount 2 →
 *   read_csv('loyalty-orders.csv', delim = ';', header = true, quote = '"', decimal_separator = ',',
 *            dateformat = '%d.%m.%Y', columns = {'Kunde': 'VARCHAR', 'Datum': 'DATE', 'Betrag': 'DECIMAL(38, 6)'}).
 * Cost: O(number of columns).
 */
import type { CsvDialect } from "./csvDialect";
import type { FileColumns } from "./fileColumns";

export const FILE_NAME_CSV = "loyalty-orders.csv";
/** The view the generated SQL reads (its "order table"). */
export const FILE_VIEW = "loyalty_file_orders";

export type FileKind = "csv" | "parquet";

/** CSV or Parquet from the file's name (case-insensitive extension), or null for anything else. */
export function fileKindOf(name: string): FileKind | null {
  const lower = name.trim().toLowerCase();
  if (/\.(csv|txt|tsv)$/.test(lower)) return "csv";
  if (/\.(parquet|pq)$/.test(lower)) return "parquet";
  return null;
}

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const AMOUNT_TYPE = "DECIMAL(38, 6)";
const DATE_FORMATS = { iso: "%Y-%m-%d", dmy: "%d.%m.%Y" } as const;

/** read_csv(...) with every column's type declared. */
export function csvSourceSql(dialect: CsvDialect, columns: FileColumns, fileName: string = FILE_NAME_CSV): string {
  if (columns.id === null || columns.date === null) throw new Error("columns: the customer id and order date columns must be chosen");
  const types = dialect.header.map((h, c) => {
    const type = c === columns.date ? "DATE" : c === columns.amount ? AMOUNT_TYPE : "VARCHAR";
    return `${literal(h)}: ${literal(type)}`;
  });
  return [
    `read_csv(${literal(fileName)}`,
    `  delim = ${literal(dialect.delimiter)}`,
    `  header = true`,
    `  quote = '"'`,
    `  decimal_separator = ${literal(dialect.decimal)}`,
    `  dateformat = ${literal(DATE_FORMATS[dialect.dateFormat])}`,
    `  columns = {${types.join(", ")}})`,
  ].join(",\n");
}

/** The table the pane fills from a Parquet file's row groups (parquetFile.ts loadParquetOrders). */
export const PARQUET_TABLE = "loyalty_parquet_orders";

/** The source of the view for a Parquet file: the table its row groups were inserted into. */
export function parquetSourceSql(): string {
  return ident(PARQUET_TABLE);
}

/** The view's fixed column names: the generator reads these, so the file's own names never reach it. */
export const VIEW_COLUMNS = { id: "customer", date: "order_date", amount: "amount" } as const;

/**
 * CREATE OR REPLACE VIEW with the mapped columns under VIEW_COLUMNS' names (amount NULL when none
 * is mapped), so the generator's orders CTE reads plain names whatever the file's header says.
 */
export function fileViewSql(source: string, header: readonly string[], columns: FileColumns): string {
  const name = (c: number | null, role: string): string => {
    if (c === null || c < 0 || c >= header.length) throw new Error(`columns: the ${role} column must be one of the file's ${header.length} columns`);
    return ident(header[c]);
  };
  const amount = columns.amount === null ? `CAST(NULL AS ${AMOUNT_TYPE})` : name(columns.amount, "amount");
  return [
    `CREATE OR REPLACE VIEW ${ident(FILE_VIEW)} AS`,
    `SELECT`,
    `  ${name(columns.id, "customer id")} AS ${VIEW_COLUMNS.id},`,
    `  ${name(columns.date, "order date")} AS ${VIEW_COLUMNS.date},`,
    `  ${amount} AS ${VIEW_COLUMNS.amount}`,
    `FROM ${source};`,
  ].join("\n");
}

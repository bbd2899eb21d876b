/**
 * A Parquet order file read in the pane with hyparquet (pure JavaScript), because DuckDB-Wasm
 * 1.32.0 has no built-in Parquet reader and its signed extension cannot be shipped offline. This
 * module is loaded by `import()` only (its own lazy "parquet" chunk, never the first load); it reads
 * the picked File by slices (nothing is fetched, nothing leaves the machine).
 *
 * - readParquetHead: the top-level column names from the Parquet schema and the first SAMPLE_ROWS
 *   rows typed as the pane types cells (numbers, ISO date text, trimmed text), for the same
 *   id/date/amount guesses as a CSV (fileColumns.ts); refuses a file whose columns use a codec
 *   hyparquet cannot decompress on its own (it handles UNCOMPRESSED and SNAPPY; GZIP, ZSTD,
 *   BROTLI, LZ4, LZO would need more code), naming codec and column.
 * - loadParquetOrders: the three mapped columns, row group by row group (memory bounded by one
 *   group; a yield and the Cancel check between groups), each group handed on as an Arrow table
 *   (id Utf8, date DateDay, amount Float64) for DuckDB's insertArrowTable. Types:
 *   ids: text, integers (written as decimal digits, as CAST(id AS text) writes them);
 *   dates: DATE, TIMESTAMP (millis, micros, nanos, INT96) and ISO text `2024-12-31` (optionally
 *   with a time); a timestamp becomes the UTC calendar day of its stored value (floor of the value
 *   over one day's units: for a TIMESTAMP without time zone that is the day as written);
 *   amounts: DOUBLE, FLOAT, integers and DECIMAL (as a double). Anything else is refused with
 *   ParquetFileError naming the column and its type; an unreadable date names its row.
 * Example: a DuckDB `COPY (...) TO 'o.parquet' (FORMAT parquet)` of (Kundennummer VARCHAR,
 * Bestelldatum DATE, Betrag DECIMAL(10,2)) → header [Kundennummer, Bestelldatum, Betrag], sample
 * rows like ["K17", "2022-03-04", 12.5], and for the load one Arrow table per row group
 * (122,880 rows each in DuckDB's files).
 * Cost: O(rows) decoding; one row group's columns in memory at a time. hyparquet decodes a row
 * group in one stretch, so the pane runs loadParquetOrders in the Parquet worker
 * (parquetWorker.ts), where such a stretch holds up nothing but that worker.
 */
import { parquetMetadataAsync, parquetRead, parquetReadObjects } from "hyparquet";
import type { AsyncBuffer, ColumnData, CompressionCodec, DecodedArray, FileMetaData, ParquetParsers, SchemaElement } from "hyparquet";
import { DateDay, Float64, Table, Utf8, makeData, makeVector } from "apache-arrow";
import { yieldToHost } from "../../analytics/numeric/yieldToHost";
import { CancelledError } from "../excel/blocks";
import { SAMPLE_ROWS } from "./csvDialect";

export type ParquetFailure = "codec" | "columnType" | "badDate" | "notParquet";

export class ParquetFileError extends Error {
  constructor(
    readonly kind: ParquetFailure,
    message: string,
    /** The column concerned (its name in the file). */
    readonly column: string = "",
    /** "codec": the codec's name; "columnType": the column's Parquet type; "badDate": the text found. */
    readonly detail: string = "",
    /** "badDate": the data row (1 = the first). */
    readonly row: number = 0,
  ) {
    super(message);
    this.name = "ParquetFileError";
  }
}

/** The codecs hyparquet decompresses without extra code. */
export const PARQUET_CODECS: ReadonlySet<CompressionCodec> = new Set<CompressionCodec>(["UNCOMPRESSED", "SNAPPY"]);

/** The file as hyparquet's AsyncBuffer: slices read on demand (Blob.arrayBuffer, or FileReader where a host lacks it). */
export function blobBuffer(blob: Blob): AsyncBuffer {
  return {
    byteLength: blob.size,
    // async, so the promise is this realm's: hyparquet's prefetch tests `instanceof Promise`, which a
    // host promise from another realm (Node's Blob under jest) fails.
    slice: async (start, end) => {
      const part = blob.slice(start, end);
      if (typeof part.arrayBuffer === "function") return await part.arrayBuffer();
      return await new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(part);
      });
    },
  };
}

const DAY_MS = 86_400_000n;
/** Floor division of a bigint (timestamps before 1970 are negative). */
const floorDiv = (v: bigint, d: bigint): number => {
  const q = v / d;
  return Number(v % d < 0n ? q - 1n : q);
};

/**
 * Dates and timestamps as days since 1970-01-01 (UTC day: floor of the stored value over a day),
 * never as Date objects: one number per value, and no time zone in between.
 */
const DAY_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => days,
  timestampFromMilliseconds: (ms) => floorDiv(BigInt(ms), DAY_MS),
  timestampFromMicroseconds: (us) => floorDiv(BigInt(us), DAY_MS * 1000n),
  timestampFromNanoseconds: (ns) => floorDiv(BigInt(ns), DAY_MS * 1_000_000n),
};

type Kind = "text" | "integer" | "float" | "decimal" | "day" | "other";

/** What a flat column holds, from its physical, converted and logical types. */
function kindOf(e: SchemaElement): Kind {
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  if (e.num_children || e.repetition_type === "REPEATED") return "other";
  if (converted === "DECIMAL" || logical === "DECIMAL") return "decimal";
  if (converted === "DATE" || logical === "DATE" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS" || logical === "TIMESTAMP" || e.type === "INT96") return "day";
  switch (e.type) {
    case "BYTE_ARRAY":
      return converted === undefined || converted === "UTF8" || converted === "ENUM" || logical === "STRING" || logical === "ENUM" ? "text" : "other";
    case "INT32":
    case "INT64":
      return converted === undefined || /^U?INT_/.test(converted) || logical === "INTEGER" ? "integer" : "other";
    case "FLOAT":
    case "DOUBLE":
      return "float";
    default:
      return "other";
  }
}

/** The column's type as a reader would name it: logical or converted type, else the physical one. */
function typeName(e: SchemaElement): string {
  if (e.num_children) return e.logical_type?.type ?? e.converted_type ?? "GROUP";
  return e.logical_type?.type ?? e.converted_type ?? e.type ?? "unknown";
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO date text as days since 1970-01-01, or null when it is not a real calendar date. */
export function isoDay(text: string): number | null {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The file's top-level columns: name and schema element (nested groups kept, to be refused by name when mapped). */
function topColumns(metadata: FileMetaData): SchemaElement[] {
  const out: SchemaElement[] = [];
  const schema = metadata.schema;
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at].num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    out.push(schema[i]);
    i = skip(i);
  }
  return out;
}

/** The first column chunk whose codec hyparquet cannot decompress, as a refusal. */
function checkCodecs(metadata: FileMetaData): void {
  for (const group of metadata.row_groups)
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec && !PARQUET_CODECS.has(codec)) {
        const column = chunk.meta_data?.path_in_schema.join(".") ?? "";
        throw new ParquetFileError("codec", `Column "${column}" is compressed with ${codec}; only uncompressed and Snappy-compressed Parquet can be read`, column, codec);
      }
    }
}

async function metadataOf(file: Blob): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(blobBuffer(file), { parsers: DAY_PARSERS });
  } catch (error) {
    throw new ParquetFileError("notParquet", `Not a readable Parquet file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export type ParquetHead = {
  readonly header: readonly string[];
  /** The first rows, typed as the pane types cells ("" for null and for columns of other types). */
  readonly sample: readonly (readonly (string | number)[])[];
  readonly rows: number;
};

/** A value as the pane would see it in a cell, for the column guesses. */
function cellOf(kind: Kind, v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (kind === "day") return typeof v === "number" ? isoOfDay(v) : "";
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim();
  return "";
}

/** Column names and sample rows for the guesses; refuses a codec hyparquet cannot read. */
export async function readParquetHead(file: Blob): Promise<ParquetHead> {
  const metadata = await metadataOf(file);
  checkCodecs(metadata);
  const columns = topColumns(metadata);
  const kinds = columns.map(kindOf);
  const readable = columns.filter((_, c) => kinds[c] !== "other").map((e) => e.name);
  const rows = Number(metadata.num_rows);
  const objects =
    readable.length === 0 || rows === 0
      ? []
      : ((await parquetReadObjects({ file: blobBuffer(file), metadata, columns: readable, rowEnd: Math.min(rows, SAMPLE_ROWS), parsers: DAY_PARSERS })) as Record<string, unknown>[]);
  const sample = objects.map((o) => columns.map((e, c) => (kinds[c] === "other" ? "" : cellOf(kinds[c], o[e.name]))));
  return { header: columns.map((e) => e.name), sample, rows };
}

/** The mapped columns by their names in the file (amount null when none is mapped). */
export type ParquetColumnNames = { readonly id: string; readonly date: string; readonly amount: string | null };

/** Adds one row group's Arrow table to DuckDB (`first`: create the table). */
export type ArrowInsert = (table: Table, first: boolean) => Promise<void>;

const ALLOWED: Readonly<Record<"id" | "date" | "amount", ReadonlySet<Kind>>> = {
  id: new Set<Kind>(["text", "integer"]),
  date: new Set<Kind>(["day", "text"]),
  amount: new Set<Kind>(["float", "integer", "decimal"]),
};

/** Validity bitmap (Arrow: bit set = value present) and whether any value is missing. */
function validity(length: number, present: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++)
    if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  return { bitmap, nulls };
}

const encoder = new TextEncoder();

/**
 * A Utf8 vector built from its buffers (offsets, UTF-8 bytes, validity). Not vectorFromArray: Arrow's
 * builders make their null test with `new Function`, which the pane's CSP (no 'unsafe-eval') refuses.
 */
function utf8Vector(values: readonly (string | null)[]): ReturnType<typeof makeVector> {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  let bytes = new Uint8Array(Math.max(64, length * 8));
  let at = 0;
  const valid = validity(length, (i) => {
    const v = values[i];
    if (v !== null) {
      // Room for the worst case of UTF-8 (3 bytes per UTF-16 unit).
      if (at + v.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + v.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      at += encoder.encodeInto(v, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
    return v !== null;
  });
  return makeVector(makeData({ type: new Utf8(), length, valueOffsets: offsets, data: bytes.subarray(0, at), nullBitmap: valid.bitmap, nullCount: valid.nulls }));
}

/** One column of a row group from hyparquet's chunks, in row order. */
function gather(chunks: readonly ColumnData[], start: number, length: number): unknown[] {
  const out: unknown[] = new Array(length).fill(null);
  for (const chunk of chunks) {
    const data: DecodedArray = chunk.columnData;
    for (let i = 0; i < data.length; i++) {
      const at = chunk.rowStart + i - start;
      if (at >= 0 && at < length) out[at] = data[i];
    }
  }
  return out;
}

/**
 * Reads the mapped columns row group by row group and hands each group to `insert` as an Arrow
 * table with the file's column names (id Utf8, date DateDay, amount Float64), so the view of
 * fileSource.ts reads it as it reads a CSV. Cancel (`signal`) is checked between groups.
 */
export async function loadParquetOrders(file: Blob, names: ParquetColumnNames, insert: ArrowInsert, signal?: AbortSignal): Promise<{ rows: number; groups: number }> {
  const metadata = await metadataOf(file);
  checkCodecs(metadata);
  const byName = new Map(topColumns(metadata).map((e) => [e.name, e]));
  const roles: ["id" | "date" | "amount", string][] = [
    ["id", names.id],
    ["date", names.date],
  ];
  if (names.amount !== null) roles.push(["amount", names.amount]);
  const kinds = new Map<string, Kind>();
  for (const [role, name] of roles) {
    const element = byName.get(name);
    if (!element) throw new ParquetFileError("columnType", `The file has no column "${name}"`, name, "missing");
    const kind = kindOf(element);
    if (!ALLOWED[role].has(kind)) throw new ParquetFileError("columnType", `Column "${name}" holds ${typeName(element)}, which cannot be read as the ${role}`, name, typeName(element));
    kinds.set(name, kind);
  }
  const columns = [...new Set(roles.map(([, n]) => n))];
  const buffer = blobBuffer(file);
  if (metadata.row_groups.length === 0) {
    // No rows: an empty table of the same columns, so the view and the analyses still run (and say so).
    const empty: Record<string, ReturnType<typeof makeVector>> = {
      [names.id]: utf8Vector([]),
      [names.date]: makeVector(makeData({ type: new DateDay(), length: 0, data: new Int32Array(0) })),
    };
    if (names.amount !== null) empty[names.amount] = makeVector(makeData({ type: new Float64(), length: 0, data: new Float64Array(0) }));
    await insert(new Table(empty), true);
  }
  let groupStart = 0;
  let groups = 0;
  for (const group of metadata.row_groups) {
    if (signal?.aborted) throw new CancelledError();
    const length = Number(group.num_rows);
    const chunks = new Map<string, ColumnData[]>(columns.map((c) => [c, []]));
    await parquetRead({
      file: buffer,
      metadata,
      columns,
      rowStart: groupStart,
      rowEnd: groupStart + length,
      parsers: DAY_PARSERS,
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
    });
    const ids = gather(chunks.get(names.id) ?? [], groupStart, length);
    const idText = ids.map((v) => (v === null || v === undefined ? null : String(v)));
    const dateValues = gather(chunks.get(names.date) ?? [], groupStart, length);
    const days = new Int32Array(length);
    const dateIsText = kinds.get(names.date) === "text";
    const dateValid = validity(length, (i) => {
      const v = dateValues[i];
      if (v === null || v === undefined) return false;
      if (dateIsText) {
        const text = String(v);
        if (text.trim() === "") return false;
        const day = isoDay(text);
        if (day === null) throw new ParquetFileError("badDate", `Row ${groupStart + i + 1} of column "${names.date}" holds "${text}", not a date like 2024-12-31`, names.date, text, groupStart + i + 1);
        days[i] = day;
      } else days[i] = Number(v);
      return true;
    });
    const vectors: Record<string, ReturnType<typeof makeVector>> = {
      [names.id]: utf8Vector(idText),
      [names.date]: makeVector(makeData({ type: new DateDay(), length, data: days, nullBitmap: dateValid.bitmap, nullCount: dateValid.nulls })),
    };
    if (names.amount !== null) {
      const raw = gather(chunks.get(names.amount) ?? [], groupStart, length);
      const amounts = new Float64Array(length);
      const amountValid = validity(length, (i) => {
        const v = raw[i];
        if (v === null || v === undefined) return false;
        amounts[i] = Number(v);
        return true;
      });
      vectors[names.amount] = makeVector(makeData({ type: new Float64(), length, data: amounts, nullBitmap: amountValid.bitmap, nullCount: amountValid.nulls }));
    }
    await insert(new Table(vectors), groups === 0);
    groupStart += length;
    groups++;
    await yieldToHost();
  }
  if (signal?.aborted) throw new CancelledError();
  return { rows: groupStart, groups };
}

/**
 * A seeded synthetic order log written as a German shop export: ";" between fields, dates as
 * 31.12.2023, amounts with a decimal comma (two decimals). Test data only.
 */
import * as fs from "fs";

export type Orders = { readonly ids: string[]; readonly serials: Float64Array; readonly amounts: Float64Array };

/** Days from 1899-12-30 (Excel serial) of 2022-01-01. */
export const FIRST_SERIAL = 44562;

/** A linear congruential generator in [0, 1): makeOrders' default source of randomness. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` orders of up to `customers` customers over two years from 2022-01-01; `next` may be any seeded generator. */
export function makeOrders(count: number, customers: number, seed = 12345, next: () => number = lcg(seed)): Orders {
  const ids: string[] = [];
  const serials = new Float64Array(count);
  const amounts = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    ids.push(`K${1 + Math.floor(next() * customers)}`);
    serials[i] = FIRST_SERIAL + Math.floor(next() * 730);
    amounts[i] = Math.round(next() * 20000) / 100;
  }
  return { ids, serials, amounts };
}

/** The dates written so far: a log has a few hundred distinct days, so each is formatted once. */
const DMY = new Map<number, string>();

function dmy(serial: number): string {
  let text = DMY.get(serial);
  if (text === undefined) {
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    text = `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
    DMY.set(serial, text);
  }
  return text;
}

export const GERMAN_CSV_HEADER = "Kundennummer;Bestelldatum;Betrag";

/** Order i as one line of the export (without the line break). */
export function germanCsvLine(orders: Orders, i: number): string {
  return `${orders.ids[i]};${dmy(orders.serials[i])};${orders.amounts[i].toFixed(2).replace(".", ",")}`;
}

export function germanCsv(orders: Orders): string {
  const lines = [GERMAN_CSV_HEADER];
  for (let i = 0; i < orders.ids.length; i++) lines.push(germanCsvLine(orders, i));
  return lines.join("\n") + "\n";
}

/** Lines written to the file at a time (a 10M-line export is ~250 MB: never one string). */
const CHUNK = 100_000;

function writeLines(fd: number, o: Orders): void {
  let text = "";
  for (let i = 0; i < o.ids.length; i++) text += `${germanCsvLine(o, i)}\n`;
  fs.writeSync(fd, text);
}

/** Writes the orders to `file` as a German export (header, then one line per order), in chunks. */
export function writeGermanCsv(file: string, o: Orders): void {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, `${GERMAN_CSV_HEADER}\n`);
    for (let start = 0; start < o.ids.length; start += CHUNK) {
      const end = Math.min(o.ids.length, start + CHUNK);
      writeLines(fd, { ids: o.ids.slice(start, end), serials: o.serials.subarray(start, end), amounts: o.amounts.subarray(start, end) });
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `count` orders of up to `customers` customers to `file` without holding them: makeOrders
 * draws each chunk from the one generator `next`, so the file has the same bytes as
 * writeGermanCsv(file, makeOrders(count, customers, seed, next)) with a fresh `next` of that seed.
 * Returns the file's size in bytes.
 */
export function streamGermanCsv(file: string, count: number, customers: number, next: () => number): number {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, `${GERMAN_CSV_HEADER}\n`);
    for (let start = 0; start < count; start += CHUNK) writeLines(fd, makeOrders(Math.min(CHUNK, count - start), customers, 0, next));
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

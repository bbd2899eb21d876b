/**
 * A seeded synthetic order log written as a German shop export: ";" between fields, dates as
 * 31.12.2023, amounts with a decimal comma (two decimals). Test data only.
 */
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

function dmy(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
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

/**
 * A seeded synthetic order log written as a German shop export: ";" between fields, dates as
 * 31.12.2023, amounts with a decimal comma (two decimals). Test data only.
 */
export type Orders = { readonly ids: string[]; readonly serials: Float64Array; readonly amounts: Float64Array };

/** Days from 1899-12-30 (Excel serial) of 2022-01-01. */
export const FIRST_SERIAL = 44562;

export function makeOrders(count: number, customers: number, seed = 12345): Orders {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
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

export function germanCsv(orders: Orders): string {
  const lines = ["Kundennummer;Bestelldatum;Betrag"];
  for (let i = 0; i < orders.ids.length; i++) lines.push(`${orders.ids[i]};${dmy(orders.serials[i])};${orders.amounts[i].toFixed(2).replace(".", ",")}`);
  return lines.join("\n") + "\n";
}

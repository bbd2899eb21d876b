import { CustomerIndex, hashId } from "../../../src/analytics/orders/customerIndex";

describe("CustomerIndex", () => {
  it("numbers ids in order of first appearance", () => {
    const index = new CustomerIndex();
    expect(["C1", "C2", "C1", "C3", "C2"].map((id) => index.indexOf(id))).toEqual([0, 1, 0, 2, 1]);
    expect(index.ids).toEqual(["C1", "C2", "C3"]);
    expect(index.find("C3")).toBe(2);
    expect(index.find("C4")).toBe(-1);
  });

  it("keeps every id distinct through many doublings of the table", () => {
    const index = new CustomerIndex(1);
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(index.indexOf(`C${i}`)).toBe(i);
    for (let i = 0; i < n; i += 997) expect(index.indexOf(`C${i}`)).toBe(i);
    expect(index.size).toBe(n);
  });

  it("tells apart ids whose hashes collide by comparing the text", () => {
    // Force every id into one probe chain by checking equal hashes are still told apart:
    // find two different ids with the same low 10 bits of hash (same start slot in a 1024-slot table).
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const id = `x${i}`;
      const slot = hashId(id) & 1023;
      const other = seen.get(slot);
      if (other !== undefined) pair = [other, id];
      else seen.set(slot, id);
    }
    const index = new CustomerIndex();
    expect([index.indexOf(pair[0]), index.indexOf(pair[1]), index.indexOf(pair[0])]).toEqual([0, 1, 0]);
  });

  it("tells apart short ids that differ only in length or in the last packed character", () => {
    // Short ASCII ids are compared through packed words that include the length.
    const ids = ["a", "a\u0000", "", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefgh\u00e9", "ab\u00e9", "12345678"];
    const index = new CustomerIndex();
    expect(ids.map((id) => index.indexOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ids.map((id) => index.indexOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(index.find("abcdefg")).toBe(-1);
  });

  it("keeps long and non-ASCII ids distinct through growth", () => {
    const index = new CustomerIndex(1);
    const id = (i: number) => (i % 2 === 0 ? `customer-${i}@example.com` : `Zoë ${i}`);
    for (let i = 0; i < 20_000; i++) expect(index.indexOf(id(i))).toBe(i);
    for (let i = 0; i < 20_000; i += 331) expect(index.find(id(i))).toBe(i);
  });

  it("treats text case and inner spaces as part of the id", () => {
    const index = new CustomerIndex();
    expect([index.indexOf("ab"), index.indexOf("AB"), index.indexOf("a b")]).toEqual([0, 1, 2]);
  });
});

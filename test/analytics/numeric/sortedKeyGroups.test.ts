import { groupByKey, groupBySortedKey } from "../../../src/analytics/numeric/sortedKeyGroups";
import { mulberry32 } from "../../support/simulateBgnbd";

describe("groupBySortedKey", () => {
  it("numbers the groups in increasing key order (the file comment's example)", () => {
    const { index, count } = groupBySortedKey(Uint32Array.from([7, 3, 7, 9]));
    expect(Array.from(index)).toEqual([1, 0, 1, 2]);
    expect(count).toBe(3);
  });

  it("has no groups for no rows, and one for equal keys", () => {
    expect(groupBySortedKey(new Uint32Array(0)).count).toBe(0);
    const same = groupBySortedKey(Uint32Array.from([5, 5, 5]));
    expect(same.count).toBe(1);
    expect(Array.from(same.index)).toEqual([0, 0, 0]);
  });

  it("sorts on both 16-bit digits, up to the largest key below 2³²", () => {
    // 65,536 and 1 share the low digit 0/1 pattern in different halves; 2³² − 1 is the largest key.
    const keys = Uint32Array.from([4294967295, 65536, 1, 65537, 0, 65536]);
    const { index, count } = groupBySortedKey(keys);
    expect(count).toBe(5);
    expect(Array.from(index)).toEqual([4, 2, 1, 3, 0, 2]);
  });

  it("gives each row the rank of its key among the distinct keys, for 200,000 random keys", () => {
    const random = mulberry32(20261203);
    const keys = new Uint32Array(200_000);
    for (let i = 0; i < keys.length; i++) keys[i] = Math.floor(random() * 50_000) * 86_413; // many ties, both digits used
    const { index, count } = groupBySortedKey(keys);
    const distinct = [...new Set(keys)].sort((a, b) => a - b);
    const rank = new Map(distinct.map((k, i) => [k, i]));
    expect(count).toBe(distinct.length);
    for (let i = 0; i < keys.length; i++) if (index[i] !== rank.get(keys[i])) throw new Error(`row ${i}: group ${index[i]}, expected ${rank.get(keys[i])}`);
  });
});

describe("groupByKey", () => {
  const keys = [7, 3, 7, 9, 3];
  const ofKeys = (i: number) => keys[i];

  it("numbers groups in key order through a rank table and through the radix sort alike (the file comment's example)", () => {
    // Key space 10 ≤ 8 × 5 rows: the rank table; 1,000 > 40: the radix sort. Both give keys 3, 7, 9 → 0, 1, 2.
    for (const keySpace of [10, 1_000]) {
      const { index, count } = groupByKey(keys.length, keySpace, ofKeys);
      expect(Array.from(index)).toEqual([1, 0, 1, 2, 0]);
      expect(count).toBe(3);
    }
  });

  it("hashes a key space past 2³², groups in order of first appearance, and gives every row its own group past 2⁵³", () => {
    const hashed = groupByKey(keys.length, 2 ** 40, ofKeys);
    expect(Array.from(hashed.index)).toEqual([0, 1, 0, 2, 1]);
    expect(hashed.count).toBe(3);
    const own = groupByKey(keys.length, Number.MAX_SAFE_INTEGER, ofKeys);
    expect(Array.from(own.index)).toEqual([0, 1, 2, 3, 4]);
    expect(own.count).toBe(5);
  });

  it("has no groups for no rows", () => {
    expect(groupByKey(0, 10, ofKeys).count).toBe(0);
    expect(groupByKey(0, 1_000, ofKeys).count).toBe(0);
  });
});

import { churnRate, customersLost, retentionRate } from "../../../src/analytics/metrics/retentionRate";

describe("retentionRate", () => {
  it("gives (end − new) / start for the worked example", () => {
    // Worked example of the foundation issue: start 1000, new 200, end 800 → 600 / 1000.
    expect(retentionRate({ customersStart: 1000, customersEnd: 800, newCustomers: 200 })).toBe(0.6);
  });

  it("is 1 when every start customer stays and nobody new arrives", () => {
    expect(retentionRate({ customersStart: 50, customersEnd: 50, newCustomers: 0 })).toBe(1);
  });

  it("is #DIV/0! when there were no customers at the start", () => {
    expect(retentionRate({ customersStart: 0, customersEnd: 10, newCustomers: 10 })).toEqual({
      code: "#DIV/0!",
      message: "customers_start is 0",
    });
  });

  it("rejects a negative count, naming the argument", () => {
    const result = retentionRate({ customersStart: 10, customersEnd: -1, newCustomers: 0 });
    expect(result).toMatchObject({ code: "#VALUE!" });
    expect((result as { message: string }).message).toMatch(/^customers_end is -1/);
  });

  it("rejects more new customers than end customers", () => {
    expect(retentionRate({ customersStart: 10, customersEnd: 5, newCustomers: 6 })).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("new_customers (6) is more than customers_end (5)"),
    });
  });

  it("rejects keeping more customers than there were at the start", () => {
    // end − new = 120 kept, but only 100 at the start.
    expect(retentionRate({ customersStart: 100, customersEnd: 150, newCustomers: 30 })).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("(120) is more than customers_start (100)"),
    });
  });
});

describe("churnRate", () => {
  it("is 1 − retention: 400 lost of 1000 → 0.4", () => {
    expect(churnRate({ customersStart: 1000, customersEnd: 800, newCustomers: 200 })).toBe(0.4);
  });

  it("shares retention's checks", () => {
    expect(churnRate({ customersStart: 0, customersEnd: 0, newCustomers: 0 })).toMatchObject({ code: "#DIV/0!" });
    expect(churnRate({ customersStart: 5, customersEnd: 1, newCustomers: 2 })).toMatchObject({ code: "#VALUE!" });
  });
});

describe("customersLost", () => {
  it("is start − (end − new): 1000 − (800 − 200) = 400", () => {
    expect(customersLost({ customersStart: 1000, customersEnd: 800, newCustomers: 200 })).toBe(400);
  });

  it("is 0, not an error, for an empty period", () => {
    expect(customersLost({ customersStart: 0, customersEnd: 0, newCustomers: 0 })).toBe(0);
  });
});

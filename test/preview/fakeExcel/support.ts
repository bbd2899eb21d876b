/** Shared set-up of the Excel stand-in tests: a small Customers workbook and the code of a failed batch. */
import { FakeOfficeError, WorkbookModel } from "../../../src/preview/fakeExcel";

/** Customers (header and three rows: A 10 6, B 3 5, C 8 1) and an empty "Other sheet". */
export function customersWorkbook(): WorkbookModel {
  const model = new WorkbookModel(["Customers", "Other sheet"]);
  const sheet = model.sheet("Customers")!;
  const rows = [
    ["Customer", "Recommend", "Orders"],
    ["A", 10, 6],
    ["B", 3, 5],
    ["C", 8, 1],
  ];
  rows.forEach((line, r) => line.forEach((v, c) => sheet.set(r, c, v)));
  return model;
}

/** The office.js error code a batch fails with; fails the test when the batch succeeds. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FakeOfficeError);
    return (error as FakeOfficeError).code;
  }
  throw new Error("expected the batch to fail");
}

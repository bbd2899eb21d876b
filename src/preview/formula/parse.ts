/**
 * PREVIEW ONLY — parser for the formula box: `=LOYALTY.NAME(arg, …)` where each argument is a
 * number (10% is 0.1, as in Excel), "text", TRUE/FALSE, an error literal (#N/A), a range (G2:G996, Customers!G2:G996,
 * 'My sheet'!A1:B2), an array constant ({1,2;3,4}), a nested LOYALTY call, or omitted
 * (`LOYALTY.SEGMENT(a, b, , c)`). Anything else is a parse error with its position.
 * A small recursive-descent parser: no eval, no Function constructor. O(length).
 *
 * Separators follow the workbook's culture, as Excel's formula bar does (FormulaSyntax): with a
 * decimal point (en-US) arguments are separated by "," and numbers are written 0.8; with a
 * decimal comma (de-DE, nb-NO) arguments are separated by ";" and numbers are written 0,8, so
 * `=LOYALTY.CLV(100; 0,8; 0,1)`. Array constants separate rows by ";" in both; their columns
 * by "," with a decimal point, by "." or a backslash with a decimal comma ({1.2;3.4}).
 */
import { Rect, parseAddress } from "../fakeExcel/address";

/** The formula separators of a culture. */
export type FormulaSyntax = {
  /** The decimal separator of numbers in the formula. */
  readonly decimal: "." | ",";
  /** Between a function's arguments. */
  readonly list: "," | ";";
  /** Between the columns of an array constant (the first is the one to suggest). */
  readonly arrayColumns: readonly string[];
};

export const POINT_SYNTAX: FormulaSyntax = { decimal: ".", list: ",", arrayColumns: [","] };
export const COMMA_SYNTAX: FormulaSyntax = { decimal: ",", list: ";", arrayColumns: [".", "\\"] };

/**
 * The syntax for a culture's decimal separator: a decimal comma makes ";" the argument
 * separator (as Windows' list separator is in de-DE and nb-NO); anything else keeps en-US's.
 */
export function syntaxFor(decimalSeparator: string): FormulaSyntax {
  return decimalSeparator === "," ? COMMA_SYNTAX : POINT_SYNTAX;
}

export type Literal = number | string | boolean | { readonly error: string };

export type Expr =
  | { readonly kind: "literal"; readonly value: Literal }
  | { readonly kind: "array"; readonly rows: readonly (readonly Literal[])[] }
  | { readonly kind: "range"; readonly sheet: string | null; readonly rect: Rect; readonly text: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly (Expr | null)[] };

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"];

class Parser {
  private i = 0;
  private readonly number: RegExp;
  constructor(
    private readonly text: string,
    private readonly syntax: FormulaSyntax,
  ) {
    // With a decimal comma, digits must follow it: "100, 0.8" is an en-US argument list, not 100 followed by junk.
    this.number = syntax.decimal === "," ? /^[+-]?(\d+(,\d+)?|,\d+)([eE][+-]?\d+)?(%*)/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(%*)/;
  }

  fail(message: string): never {
    throw new FormulaSyntaxError(`${message} (at character ${this.i + 1})`, this.i);
  }

  spaces(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  peek(): string {
    return this.text[this.i] ?? "";
  }

  eat(ch: string): boolean {
    this.spaces();
    if (this.text[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  expect(ch: string): void {
    if (!this.eat(ch)) this.fail(`expected "${ch}"`);
  }

  /** Fails with `message`, saying which separators this culture uses when the other culture's is in the way. */
  wrongSeparator(message: string): never {
    this.spaces();
    const ch = this.peek();
    const { list } = this.syntax;
    if (list === ";" && (ch === "," || (ch === "." && /[0-9]/.test(this.text[this.i + 1] ?? "")))) {
      this.fail(`${message}; with a decimal comma, arguments are separated by ";" and numbers written as 0,8`);
    }
    if (list === "," && ch === ";") this.fail(`${message}; with a decimal point, arguments are separated by "," and numbers written as 0.8`);
    this.fail(message);
  }

  atEnd(): boolean {
    this.spaces();
    return this.i >= this.text.length;
  }

  expr(): Expr {
    this.spaces();
    const ch = this.peek();
    if (ch === "{") return this.array();
    if (ch === '"' || ch === "#" || ch === "-" || ch === "+" || ch === this.syntax.decimal || /[0-9]/.test(ch)) return { kind: "literal", value: this.literal() };
    if (ch === "'") return this.reference();
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.i));
    if (!word) this.fail(ch === "" ? "the formula ends too early" : `unexpected "${ch}"`);
    const after = this.text.slice(this.i + word[0].length).trimStart();
    if (after.startsWith("(")) return this.call();
    const upper = word[0].toUpperCase();
    if ((upper === "TRUE" || upper === "FALSE") && !after.startsWith("!") && !after.startsWith(":")) {
      this.i += word[0].length;
      return { kind: "literal", value: upper === "TRUE" };
    }
    return this.reference();
  }

  call(): Expr {
    this.spaces();
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(this.i));
    if (!m) {
      const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.i))?.[0] ?? "";
      this.fail(`only LOYALTY functions can be evaluated here, not ${name}()`);
    }
    if (m[1].toUpperCase() !== "LOYALTY") this.fail(`only LOYALTY functions can be evaluated here, not ${m[0]}()`);
    this.i += m[0].length;
    this.expect("(");
    const args: (Expr | null)[] = [];
    if (this.eat(")")) return { kind: "call", name: m[2].toUpperCase(), args };
    const list = this.syntax.list;
    for (;;) {
      this.spaces();
      if (this.peek() === list || this.peek() === ")") args.push(null);
      else args.push(this.expr());
      if (this.eat(list)) continue;
      if (!this.eat(")")) this.wrongSeparator(`expected "${list}" or ")"`);
      break;
    }
    return { kind: "call", name: m[2].toUpperCase(), args };
  }

  literal(): Literal {
    this.spaces();
    const ch = this.peek();
    if (ch === '"') {
      this.i++;
      let out = "";
      for (;;) {
        if (this.i >= this.text.length) this.fail("a text literal is not closed");
        const c = this.text[this.i++];
        if (c === '"') {
          if (this.text[this.i] === '"') {
            out += '"';
            this.i++;
          } else break;
        } else out += c;
      }
      return out;
    }
    if (ch === "#") {
      const rest = this.text.slice(this.i).toUpperCase();
      const found = ERROR_LITERALS.find((e) => rest.startsWith(e));
      if (!found) this.fail("unknown error value");
      this.i += found.length;
      return { error: found };
    }
    // A number, optionally followed by percent signs as in Excel: 10% is 0.1, 5%% is 0.0005.
    const m = this.number.exec(this.text.slice(this.i));
    if (m) {
      this.i += m[0].length;
      const percents = m[m.length - 1].length;
      return Number(m[0].slice(0, m[0].length - percents).replace(",", ".")) / 100 ** percents;
    }
    const word = /^(TRUE|FALSE)\b/i.exec(this.text.slice(this.i));
    if (word) {
      this.i += word[0].length;
      return word[0].toUpperCase() === "TRUE";
    }
    return this.fail("expected a number, text, TRUE/FALSE or an error value");
  }

  array(): Expr {
    this.expect("{");
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.literal());
      if (this.syntax.arrayColumns.some((sep) => this.eat(sep))) continue;
      if (this.eat(";")) {
        rows.push([]);
        continue;
      }
      if (!this.eat("}")) this.fail(`expected "${this.syntax.arrayColumns[0]}" between columns, ";" between rows or "}"`);
      break;
    }
    if (rows.some((r) => r.length !== rows[0].length)) this.fail("every row of an array constant needs the same number of values");
    return { kind: "array", rows };
  }

  reference(): Expr {
    this.spaces();
    const start = this.i;
    if (this.peek() === "'") {
      this.i++;
      while (this.i < this.text.length) {
        if (this.text[this.i] === "'" && this.text[this.i + 1] === "'") this.i += 2;
        else if (this.text[this.i] === "'") break;
        else this.i++;
      }
      if (this.text[this.i] !== "'") this.fail("a quoted sheet name is not closed");
      this.i++;
      if (this.text[this.i] !== "!") this.fail('expected "!" after the sheet name');
      this.i++;
    }
    const m = /^[A-Za-z0-9_.!$:]+/.exec(this.text.slice(this.i));
    if (!m) this.fail("expected a range such as G2:G996");
    this.i += m[0].length;
    const text = this.text.slice(start, this.i);
    const parsed = parseAddress(text);
    if (!parsed) this.fail(`"${text}" is not a range`);
    if (parsed.rows > 100_000_000 / Math.max(1, parsed.cols) || parsed.rows === 1_048_576) {
      this.fail(`"${text}" is a whole column; give the rows, e.g. G2:G996`);
    }
    return { kind: "range", sheet: parsed.sheet, rect: { row: parsed.row, col: parsed.col, rows: parsed.rows, cols: parsed.cols }, text };
  }
}

/** Parses the formula box's text (with or without the leading "="), with the separators of `syntax` (default en-US's). */
export function parseFormula(text: string, syntax: FormulaSyntax = POINT_SYNTAX): Expr {
  if (text.length > 8192) throw new FormulaSyntaxError("the formula is longer than Excel's limit of 8,192 characters; put the data in cells and pass the range", 8192);
  const body = text.trim().replace(/^=/, "");
  const parser = new Parser(body, syntax);
  if (parser.atEnd()) throw new FormulaSyntaxError("the formula is empty", 0);
  const expr = parser.expr();
  if (!parser.atEnd()) parser.wrongSeparator("unexpected text after the formula");
  return expr;
}

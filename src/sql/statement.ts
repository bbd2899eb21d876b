/**
 * Assembles one statement: header comment, WITH and its common table expressions, the final
 * SELECT, one clause a line. Example: statement("-- h", ["a AS (\n  SELECT 1\n)"], "SELECT * FROM a")
 * → "-- h\nWITH\na AS (…)\nSELECT * FROM a;\n". O(text).
 */
export function statement(headerText: string, ctes: string[], select: string): string {
  return `${headerText}\nWITH\n${ctes.join(",\n")}\n${select};\n`;
}

/** A named CTE from the lines of its body (indented by two spaces). */
export function cte(name: string, body: string[]): string {
  return `${name} AS (\n${body.map((l) => `  ${l}`).join("\n")}\n)`;
}

/**
 * Fitted parameter blocks that carry their model's tag: PARETONBDFIT, MBGNBDFIT and BGBBFIT spill
 * a header whose cells read "<model> <name>" ("Pareto/NBD r", "Pareto/NBD alpha", …), so that a
 * block of one model given to another model's function is refused with a message instead of
 * being read as four numbers that happen to fit. BGNBDFIT's header has no tag (the workbooks made
 * before the other models came keep working): an untagged "r, alpha, a, b" header means BG/NBD.
 *
 *   modelOfBlock(grid) → the tag of the header's first cell, "BG/NBD" for an untagged
 *     r, alpha, a, b header, or null for bare numbers;
 *   readTaggedModelParams(grid, model, names, arg, source, bareAllowed) → the k estimates, after
 *     checking the block's model; bare numbers only when `bareAllowed` (a function of one model).
 * Example: [["Pareto/NBD r", "Pareto/NBD alpha", "Pareto/NBD s", "Pareto/NBD beta", "log-likelihood"],
 * [0.553, 10.578, 0.606, 11.669, −9594.98]] → model "Pareto/NBD", [0.553, 10.578, 0.606, 11.669];
 * the same block given for "MBG/NBD" → #VALUE! "…: this is a Pareto/NBD block (PARETONBDFIT); expected
 * the MBG/NBD block MBGNBDFIT spilled". O(size of the range).
 */
import { readModelParams } from "./modelParams";
import { failValue, isCellError } from "../errors";

export const MODEL_TAGS = ["Pareto/NBD", "MBG/NBD", "BG/NBD", "BG/BB"] as const;
export type ModelTag = (typeof MODEL_TAGS)[number];

/** The FIT function of each model, for messages. */
export const FIT_OF: Record<ModelTag, string> = { "Pareto/NBD": "PARETONBDFIT", "MBG/NBD": "MBGNBDFIT", "BG/NBD": "BGNBDFIT", "BG/BB": "BGBBFIT" };

/** The names of each model's parameters, in the order its FIT function spills them. */
export const PARAM_NAMES: Record<ModelTag, readonly string[]> = {
  "Pareto/NBD": ["r", "alpha", "s", "beta"],
  "MBG/NBD": ["r", "alpha", "a", "b"],
  "BG/NBD": ["r", "alpha", "a", "b"],
  "BG/BB": ["alpha", "beta", "gamma", "delta"],
};

/** The header a tagged FIT spills: "<model> <name>" for each parameter, then "log-likelihood". */
export const taggedHeader = (model: ModelTag): string[] => [...PARAM_NAMES[model].map((name) => `${model} ${name}`), "log-likelihood"];

const firstRow = (grid: readonly (readonly unknown[])[]) => grid.find((row) => row.length > 0);

function tagOf(cell: string): ModelTag | null {
  const text = cell.trim();
  for (const tag of MODEL_TAGS) if (text.toLowerCase().startsWith(`${tag.toLowerCase()} `)) return tag;
  return null;
}

/** The model a block belongs to (see the file comment). */
export function modelOfBlock(grid: readonly (readonly unknown[])[]): ModelTag | null {
  const row = firstRow(grid);
  const first = row?.[0];
  if (typeof first !== "string" || first.trim() === "") return null;
  const tag = tagOf(first);
  if (tag) return tag;
  const header = row!.slice(0, 4).map((cell) => String(cell).trim().toLowerCase());
  return header.join(",") === "r,alpha,a,b" ? "BG/NBD" : null;
}

/** The estimates of `model` from `grid`. Example: see the file comment. */
export function readTaggedModelParams(
  grid: readonly (readonly unknown[])[],
  model: ModelTag,
  arg: string,
  bareAllowed: boolean,
): number[] {
  const names = PARAM_NAMES[model];
  const source = FIT_OF[model];
  const row = firstRow(grid);
  const first = row?.[0];
  const isHeader = typeof first === "string" && first.trim() !== "" && !first.trim().startsWith("#");
  if (!isHeader) {
    // An error in the block (a fit that failed) is passed on by readModelParams with its own message.
    const failed = isCellError(first) || (typeof first === "string" && first.trim().startsWith("#"));
    if (!bareAllowed && !failed) failValue(`${arg}: expected the block ${source} spilled, with its header (bare numbers do not say which model they belong to)`);
    return readModelParams(grid, names, arg, source);
  }
  const found = modelOfBlock(grid);
  if (found !== model) {
    if (found) failValue(`${arg}: this is a ${found} block (${FIT_OF[found]}); expected the ${model} block ${source} spilled`);
    // An untagged header of other names: readModelParams says what it found and what it expected.
    return readModelParams(grid, names, arg, source);
  }
  // Strip the tags and read the block as an untagged one.
  const stripped = grid.map((cells) =>
    cells === row ? cells.map((cell, j) => (j < names.length && typeof cell === "string" ? cell.trim().replace(new RegExp(`^${model.replace("/", "\\/")}\\s+`, "i"), "") : cell)) : cells,
  );
  return readModelParams(stripped, names, arg, source);
}

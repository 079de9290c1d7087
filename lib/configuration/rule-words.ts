/**
 * A form's validation rule in words, generated from its expression (issue 27): the expression's syntax tree
 * read out with the cells' labels in the reader's language and the phrases of `admin.configuration.words`
 * ("«Girls» is at most «Total»"). Pure module: the configuration pages, the downloadable document and tests.
 */
import { parseExpression, type Ast } from "../reporting/expression";
import type { LocalizedText } from "../reporting/definition";

type Lang = keyof LocalizedText;
export type Phrase = (key: string, params?: Record<string, string>) => string;

export interface WordsSection {
  key: string;
  title: LocalizedText;
  cells: { key: string; label: LocalizedText }[];
  rows: { key: string; label: LocalizedText }[];
}

const quote = (s: string) => `«${s}»`;

/** The label of a value reference (`section.field`, a unique bare field key, `section.row.column`, `section.*.column`). */
function refLabel(name: string, sections: readonly WordsSection[], lang: Lang, t: Phrase): string {
  const parts = name.split(".");
  const l = (x: LocalizedText) => x[lang] || x.kk;
  if (parts.length === 1) {
    const hits = sections.filter((s) => s.rows.length === 0).flatMap((s) => s.cells.filter((c) => c.key === name));
    return hits.length === 1 ? quote(l(hits[0]!.label)) : name;
  }
  const section = sections.find((s) => s.key === parts[0]);
  if (!section) return name;
  if (parts.length === 2) {
    const cell = section.cells.find((c) => c.key === parts[1]);
    return cell ? quote(l(cell.label)) : name;
  }
  const column = section.cells.find((c) => c.key === parts[2]);
  if (!column) return name;
  if (parts[1] === "*") return t("allRows", { column: quote(l(column.label)), section: quote(l(section.title)) });
  const row = section.rows.find((r) => r.key === parts[1]);
  return row ? t("cell", { row: quote(l(row.label)), column: quote(l(column.label)) }) : name;
}

const COMPARE = { "=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const ARITHMETIC = { "+": "plus", "-": "minus", "*": "times", "/": "divided" } as const;

function words(ast: Ast, sections: readonly WordsSection[], lang: Lang, t: Phrase): string {
  const inner = (node: Ast) => {
    const text = words(node, sections, lang, t);
    return node.type === "binary" ||
      node.type === "compare" ||
      node.type === "logical" ||
      node.type === "unary" ||
      (node.type === "call" && node.name === "if")
      ? `(${text})`
      : text;
  };
  switch (ast.type) {
    case "number":
      return String(ast.value);
    case "ref":
      return refLabel(ast.name, sections, lang, t);
    case "unary":
      return t(ast.op === "not" ? "not" : "neg", { x: inner(ast.operand) });
    case "binary":
      return t(ARITHMETIC[ast.op], { a: inner(ast.left), b: inner(ast.right) });
    case "compare":
      return t(COMPARE[ast.op], { a: inner(ast.left), b: inner(ast.right) });
    case "logical":
      return t(ast.op, { a: inner(ast.left), b: inner(ast.right) });
    case "call": {
      // a function's arguments are delimited by its phrase; an argument that is itself an operation is bracketed
      const args = ast.args.map((a) => (ast.name === "if" ? words(a, sections, lang, t) : inner(a)));
      if (ast.name === "if") return t("if", { c: args[0]!, a: args[1]!, b: args[2]! });
      if (ast.name === "round")
        return args.length > 1 ? t("roundTo", { x: args[0]!, n: args[1]! }) : t("round", { x: args[0]! });
      if (ast.name === "abs") return t("abs", { x: args[0]! });
      return t(ast.name, { x: args.join(", ") });
    }
  }
}

/** The rule in words, or null when the expression does not parse (the designer refuses such rules anyway). */
export function ruleInWords(
  expression: string,
  sections: readonly WordsSection[],
  lang: Lang,
  t: Phrase,
): string | null {
  let ast: Ast;
  try {
    ast = parseExpression(expression);
  } catch {
    return null;
  }
  const text = words(ast, sections, lang, t);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

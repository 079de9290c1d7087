/**
 * Cross-field validation rules for report forms: a small, safe expression
 * language. Expressions are tokenized and parsed into an AST and evaluated by
 * walking that AST; nothing is ever compiled to JavaScript.
 *
 * Grammar (EBNF, lowest precedence first):
 *
 *   expression  = or ;
 *   or          = and { ( "or" | "||" ) and } ;
 *   and         = not { ( "and" | "&&" ) not } ;
 *   not         = ( "not" | "!" ) not | comparison ;
 *   comparison  = additive [ compare-op additive ] ;        (not chainable)
 *   compare-op  = "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">=" ;
 *   additive    = multiplicative { ( "+" | "-" ) multiplicative } ;
 *   multiplicative = unary { ( "*" | "/" ) unary } ;
 *   unary       = ( "-" | "+" ) unary | primary ;
 *   primary     = number | call | reference | "(" expression ")" ;
 *   call        = function "(" [ expression { "," expression } ] ")" ;
 *   function    = "sum" | "min" | "max" | "abs" | "round" | "if" ;
 *   reference   = name { "." segment } ;
 *   segment     = name | digits | "*" ;
 *   name        = [a-z_][a-z0-9_]* ;                        (lower case)
 *   number      = digits [ "." digits ] ;
 *
 * Keywords `and`, `or`, `not` are reserved and cannot start a reference.
 *
 * References. A reference is a field name, optionally dotted. Table cells are
 * written `section.row.column`, e.g. `t1.r3.total` or `grades.5.girls`. A `*`
 * segment is a wildcard: `grades.*.total` means the `total` column of every
 * row of section `grades`. Wildcards are only allowed as direct arguments of
 * sum/min/max. The resolver passed to `evaluate` receives the reference text
 * as written (including `*`) and returns a number, a list of numbers, or
 * null/undefined for a missing value; `createResolver` builds one from plain
 * data. A plain name may also be bound to a list (`sum(rows)`).
 *
 * Types are checked when parsing: arithmetic and comparisons take numbers,
 * `and`/`or`/`not` and the condition of `if` take conditions, both branches of
 * `if` must have the same type, and `round`'s digit count must be an integer
 * literal between -10 and 10.
 *
 * Evaluation semantics:
 * - A missing value makes arithmetic and comparisons yield `null` ("not
 *   applicable"), never `false`. A rule evaluating to `null` should be treated
 *   as not applicable rather than as a failure.
 * - `and`/`or`/`not` use three-valued logic: `false and null` is `false`,
 *   `true or null` is `true`, otherwise `null` propagates.
 * - Division by zero yields `null`.
 * - `=`/`!=` and the `<=`/`>=`/`<`/`>` boundaries compare with a tolerance of
 *   1e-9 (scaled by the magnitude of the operands above 1), so that
 *   `0.1 + 0.2 = 0.3` holds.
 * - `sum(...)` flattens lists and treats missing values as 0; `min`/`max`
 *   ignore missing values and yield `null` when none is left; `abs` and
 *   `round` propagate `null`; `if(c, a, b)` yields `null` when `c` is `null`.
 * - `round(x, n)` rounds half away from zero to `n` decimals (default 0).
 */

export type ExpressionErrorCode =
  | "empty"
  | "too_long"
  | "too_complex"
  | "unexpected_character"
  | "unexpected_token"
  | "unterminated"
  | "unknown_function"
  | "wrong_arity"
  | "type_mismatch"
  | "invalid_argument"
  | "invalid_reference"
  | "unknown_name";

/** A parse, validation or evaluation error; `position` is a 0-based offset into the source. */
export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  readonly position: number;

  constructor(code: ExpressionErrorCode, position: number, message: string) {
    super(message);
    this.name = "ExpressionError";
    this.code = code;
    this.position = position;
  }

  toJSON(): { code: ExpressionErrorCode; position: number; message: string } {
    return { code: this.code, position: this.position, message: this.message };
  }
}

export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_DEPTH = 50;
const EPSILON = 1e-9;

export const FUNCTION_NAMES = ["sum", "min", "max", "abs", "round", "if"] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

const ARITY: Record<FunctionName, { min: number; max: number; text: string }> = {
  sum: { min: 1, max: Infinity, text: "at least 1 argument" },
  min: { min: 1, max: Infinity, text: "at least 1 argument" },
  max: { min: 1, max: Infinity, text: "at least 1 argument" },
  abs: { min: 1, max: 1, text: "exactly 1 argument" },
  round: { min: 1, max: 2, text: "1 or 2 arguments" },
  if: { min: 3, max: 3, text: "exactly 3 arguments" },
};

const AGGREGATES: ReadonlySet<FunctionName> = new Set(["sum", "min", "max"]);
const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not"]);

// ---------------------------------------------------------------------------
// AST

interface NodeBase {
  /** Offset of the first character of the node in the source. */
  pos: number;
  /** Offset just past the last character of the node. */
  end: number;
}

export interface NumberNode extends NodeBase {
  type: "number";
  value: number;
}
export interface RefNode extends NodeBase {
  type: "ref";
  /** Reference text as written, e.g. `contingent.girls` or `grades.*.total`. */
  name: string;
  wildcard: boolean;
}
export interface UnaryNode extends NodeBase {
  type: "unary";
  op: "-" | "not";
  operand: Ast;
}
export interface BinaryNode extends NodeBase {
  type: "binary";
  op: "+" | "-" | "*" | "/";
  left: Ast;
  right: Ast;
}
export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
export interface CompareNode extends NodeBase {
  type: "compare";
  op: CompareOp;
  left: Ast;
  right: Ast;
}
export interface LogicalNode extends NodeBase {
  type: "logical";
  op: "and" | "or";
  left: Ast;
  right: Ast;
}
export interface CallNode extends NodeBase {
  type: "call";
  name: FunctionName;
  args: Ast[];
}

export type Ast = NumberNode | RefNode | UnaryNode | BinaryNode | CompareNode | LogicalNode | CallNode;
export type ExpressionType = "number" | "boolean";

// ---------------------------------------------------------------------------
// Lexer

type Token =
  | { kind: "number"; value: number; text: string; pos: number; end: number }
  | { kind: "ref"; text: string; wildcard: boolean; pos: number; end: number }
  | { kind: "keyword"; text: "and" | "or" | "not"; pos: number; end: number }
  | { kind: "op"; text: string; pos: number; end: number }
  | { kind: "eof"; text: ""; pos: number; end: number };

const TWO_CHAR_OPS = new Set(["==", "!=", "<>", "<=", ">=", "&&", "||"]);
const ONE_CHAR_OPS = new Set(["+", "-", "*", "/", "(", ")", ",", "=", "<", ">", "!"]);

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isNameStart = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || c === "_");
const isNameChar = (c: string | undefined) => isNameStart(c) || isDigit(c);

function describeChar(c: string): string {
  return JSON.stringify(c);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(src[i])) i++;
      if (src[i] === "." && isDigit(src[i + 1])) {
        i++;
        while (isDigit(src[i])) i++;
      }
      const text = src.slice(start, i);
      tokens.push({ kind: "number", value: Number(text), text, pos: start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      while (isNameChar(src[i])) i++;
      const first = src.slice(start, i);
      let wildcard = false;
      while (src[i] === ".") {
        if (KEYWORDS.has(first)) {
          throw new ExpressionError(
            "invalid_reference",
            start,
            `"${first}" is a reserved word and cannot start a field name`,
          );
        }
        const segStart = i + 1;
        const s = src[segStart];
        if (s === "*") {
          wildcard = true;
          i = segStart + 1;
        } else if (isNameStart(s)) {
          i = segStart;
          while (isNameChar(src[i])) i++;
        } else if (isDigit(s)) {
          i = segStart;
          while (isDigit(src[i])) i++;
          if (isNameStart(src[i])) {
            throw new ExpressionError(
              "invalid_reference",
              segStart,
              "A reference segment cannot start with a digit unless it is a row number",
            );
          }
        } else {
          throw new ExpressionError("invalid_reference", segStart, 'Expected a name, a row number or * after "."');
        }
      }
      const text = src.slice(start, i);
      if (KEYWORDS.has(text)) tokens.push({ kind: "keyword", text: text as "and" | "or" | "not", pos: start, end: i });
      else tokens.push({ kind: "ref", text, wildcard, pos: start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: "op", text: two, pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      tokens.push({ kind: "op", text: c, pos: start, end: i + 1 });
      i++;
      continue;
    }
    let hint = "";
    if (c >= "A" && c <= "Z") hint = "; names and keywords are lower case";
    else if (c === "&" || c === "|") hint = `; use ${c}${c} or ${c === "&" ? "and" : "or"}`;
    else if (c === ".") hint = "; a decimal number needs digits on both sides of the point";
    throw new ExpressionError(
      "unexpected_character",
      start,
      `Unexpected character ${describeChar(c)} at position ${start}${hint}`,
    );
  }
  tokens.push({ kind: "eof", text: "", pos: src.length, end: src.length });
  return tokens;
}

// ---------------------------------------------------------------------------
// Parser

const COMPARE_OPS: Record<string, CompareOp> = {
  "=": "=",
  "==": "=",
  "!=": "!=",
  "<>": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): Ast {
    const ast = this.parseOr();
    const t = this.peek();
    if (t.kind !== "eof") {
      if (t.kind === "op" && t.text === ")") {
        throw new ExpressionError("unexpected_token", t.pos, `Unmatched ")" at position ${t.pos}`);
      }
      throw this.unexpected(t);
    }
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === "op" && ops.includes(t.text);
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === "keyword" && t.text === word;
  }

  private unexpected(t: Token, expected?: string): ExpressionError {
    if (t.kind === "eof") {
      return new ExpressionError(
        "unterminated",
        t.pos,
        `Expression ends unexpectedly${expected ? `; expected ${expected}` : ""}`,
      );
    }
    const what = t.kind === "number" ? `number ${t.text}` : t.kind === "ref" ? `name "${t.text}"` : `"${t.text}"`;
    return new ExpressionError(
      "unexpected_token",
      t.pos,
      `Unexpected ${what} at position ${t.pos}${expected ? `; expected ${expected}` : ""}`,
    );
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ExpressionError("too_complex", pos, `Expression is nested too deeply (more than ${MAX_DEPTH} levels)`);
    }
  }

  private leave(): void {
    this.depth--;
  }

  private parseOr(): Ast {
    this.enter(this.peek().pos);
    let left = this.parseAnd();
    while (this.isKeyword("or") || this.isOp("||")) {
      this.next();
      const right = this.parseAnd();
      left = { type: "logical", op: "or", left, right, pos: left.pos, end: right.end };
    }
    this.leave();
    return left;
  }

  private parseAnd(): Ast {
    let left = this.parseNot();
    while (this.isKeyword("and") || this.isOp("&&")) {
      this.next();
      const right = this.parseNot();
      left = { type: "logical", op: "and", left, right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parseNot(): Ast {
    if (this.isKeyword("not") || this.isOp("!")) {
      const t = this.next();
      this.enter(t.pos);
      const operand = this.parseNot();
      this.leave();
      return { type: "unary", op: "not", operand, pos: t.pos, end: operand.end };
    }
    return this.parseComparison();
  }

  private parseComparison(): Ast {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind !== "op" || !(t.text in COMPARE_OPS)) return left;
    this.next();
    const right = this.parseAdditive();
    const after = this.peek();
    if (after.kind === "op" && after.text in COMPARE_OPS) {
      throw new ExpressionError(
        "unexpected_token",
        after.pos,
        `Comparisons cannot be chained (position ${after.pos}); combine them with "and"`,
      );
    }
    return { type: "compare", op: COMPARE_OPS[t.text]!, left, right, pos: left.pos, end: right.end };
  }

  private parseAdditive(): Ast {
    let left = this.parseMultiplicative();
    while (this.isOp("+", "-")) {
      const op = this.next().text as "+" | "-";
      const right = this.parseMultiplicative();
      left = { type: "binary", op, left, right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Ast {
    let left = this.parseUnary();
    while (this.isOp("*", "/")) {
      const op = this.next().text as "*" | "/";
      const right = this.parseUnary();
      left = { type: "binary", op, left, right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parseUnary(): Ast {
    if (this.isOp("-", "+")) {
      const t = this.next();
      this.enter(t.pos);
      const operand = this.parseUnary();
      this.leave();
      if (t.text === "+") return { ...operand, pos: t.pos };
      return { type: "unary", op: "-", operand, pos: t.pos, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Ast {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { type: "number", value: t.value, pos: t.pos, end: t.end };
      case "ref":
        if (this.isOp("(")) return this.parseCall(t);
        return { type: "ref", name: t.text, wildcard: t.wildcard, pos: t.pos, end: t.end };
      case "op":
        if (t.text === "(") {
          const inner = this.parseOr();
          const close = this.peek();
          if (close.kind === "eof") {
            throw new ExpressionError("unterminated", close.pos, `Missing ")" for "(" at position ${t.pos}`);
          }
          if (!(close.kind === "op" && close.text === ")")) throw this.unexpected(close, '")"');
          this.next();
          return { ...inner, pos: t.pos, end: close.end };
        }
        throw this.unexpected(t, 'a number, a name or "("');
      default:
        throw this.unexpected(t, 'a number, a name or "("');
    }
  }

  private parseCall(nameToken: Token & { kind: "ref" }): Ast {
    const name = nameToken.text;
    if (!(FUNCTION_NAMES as readonly string[]).includes(name)) {
      throw new ExpressionError(
        "unknown_function",
        nameToken.pos,
        `Unknown function "${name}" at position ${nameToken.pos}; available: ${FUNCTION_NAMES.join(", ")}`,
      );
    }
    const open = this.next(); // "("
    const args: Ast[] = [];
    if (!this.isOp(")")) {
      for (;;) {
        args.push(this.parseOr());
        if (this.isOp(",")) {
          this.next();
          continue;
        }
        break;
      }
    }
    const close = this.peek();
    if (close.kind === "eof") {
      throw new ExpressionError("unterminated", close.pos, `Missing ")" for "${name}(" at position ${open.pos}`);
    }
    if (!(close.kind === "op" && close.text === ")")) throw this.unexpected(close, '"," or ")"');
    this.next();
    const fn = name as FunctionName;
    const arity = ARITY[fn];
    if (args.length < arity.min || args.length > arity.max) {
      throw new ExpressionError(
        "wrong_arity",
        nameToken.pos,
        `Function "${fn}" takes ${arity.text}, got ${args.length} (position ${nameToken.pos})`,
      );
    }
    return { type: "call", name: fn, args, pos: nameToken.pos, end: close.end };
  }
}

// ---------------------------------------------------------------------------
// Static type check

function mismatch(node: Ast, message: string): ExpressionError {
  return new ExpressionError("type_mismatch", node.pos, `${message} (position ${node.pos})`);
}

function expectType(node: Ast, want: ExpressionType, context: string): void {
  const got = typeOf(node, false);
  if (got !== want) {
    throw mismatch(
      node,
      want === "number" ? `${context} needs a number, not a condition` : `${context} needs a condition, not a number`,
    );
  }
}

function integerLiteral(node: Ast): number | null {
  if (node.type === "number") return Number.isInteger(node.value) ? node.value : null;
  if (node.type === "unary" && node.op === "-" && node.operand.type === "number") {
    return Number.isInteger(node.operand.value) ? -node.operand.value : null;
  }
  return null;
}

function typeOf(node: Ast, listAllowed: boolean): ExpressionType {
  switch (node.type) {
    case "number":
      return "number";
    case "ref":
      if (node.wildcard && !listAllowed) {
        throw new ExpressionError(
          "invalid_reference",
          node.pos,
          `Wildcard reference "${node.name}" is only allowed directly inside sum, min or max (position ${node.pos})`,
        );
      }
      return "number";
    case "unary":
      expectType(node.operand, node.op === "-" ? "number" : "boolean", node.op === "-" ? "Unary minus" : '"not"');
      return node.op === "-" ? "number" : "boolean";
    case "binary":
      expectType(node.left, "number", `"${node.op}"`);
      expectType(node.right, "number", `"${node.op}"`);
      return "number";
    case "compare":
      expectType(node.left, "number", `Comparison "${node.op}"`);
      expectType(node.right, "number", `Comparison "${node.op}"`);
      return "boolean";
    case "logical":
      expectType(node.left, "boolean", `"${node.op}"`);
      expectType(node.right, "boolean", `"${node.op}"`);
      return "boolean";
    case "call": {
      const { name, args } = node;
      if (AGGREGATES.has(name)) {
        for (const arg of args) {
          if (arg.type === "ref") typeOf(arg, true);
          else expectType(arg, "number", `"${name}"`);
        }
        return "number";
      }
      if (name === "abs") {
        expectType(args[0]!, "number", '"abs"');
        return "number";
      }
      if (name === "round") {
        expectType(args[0]!, "number", '"round"');
        if (args[1]) {
          const digits = integerLiteral(args[1]);
          if (digits === null || digits < -10 || digits > 10) {
            throw new ExpressionError(
              "invalid_argument",
              args[1].pos,
              `The second argument of "round" must be a whole number from -10 to 10 written literally (position ${args[1].pos})`,
            );
          }
        }
        return "number";
      }
      // if(condition, then, else)
      expectType(args[0]!, "boolean", 'The first argument of "if"');
      const a = typeOf(args[1]!, false);
      const b = typeOf(args[2]!, false);
      if (a !== b) throw mismatch(args[2]!, 'Both branches of "if" must have the same type');
      return a;
    }
  }
}

// ---------------------------------------------------------------------------
// Public parsing API

function parseTyped(src: string): { ast: Ast; type: ExpressionType } {
  if (typeof src !== "string") throw new TypeError("Expression source must be a string");
  if (src.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      "too_long",
      MAX_EXPRESSION_LENGTH,
      `Expression is longer than ${MAX_EXPRESSION_LENGTH} characters (${src.length})`,
    );
  }
  if (src.trim() === "") throw new ExpressionError("empty", 0, "Expression is empty");
  const ast = new Parser(tokenize(src)).parse();
  return { ast, type: typeOf(ast, false) };
}

/** Parses and type-checks an expression. Throws `ExpressionError`. */
export function parseExpression(src: string): Ast {
  return parseTyped(src).ast;
}

/** Result type of a parsed expression ('boolean' for conditions). */
export function expressionType(ast: Ast): ExpressionType {
  return typeOf(ast, false);
}

function walk(node: Ast, visit: (node: Ast) => void): void {
  visit(node);
  switch (node.type) {
    case "unary":
      walk(node.operand, visit);
      break;
    case "binary":
    case "compare":
    case "logical":
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case "call":
      for (const arg of node.args) walk(arg, visit);
      break;
    default:
      break;
  }
}

function refNodes(ast: Ast): RefNode[] {
  const refs: RefNode[] = [];
  walk(ast, (n) => {
    if (n.type === "ref") refs.push(n);
  });
  return refs.sort((a, b) => a.pos - b.pos);
}

/** Distinct reference names (wildcard patterns included as written), in source order. */
export function referencedNames(ast: Ast): string[] {
  return [...new Set(refNodes(ast).map((r) => r.name))];
}

/**
 * True when two dotted names match segment by segment, `*` matching any one
 * segment on either side (`grades.*.total` matches `grades.r1.total`).
 */
export function namesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.split(".");
  const y = b.split(".");
  return x.length === y.length && x.every((s, i) => s === y[i] || s === "*" || y[i] === "*");
}

export type KnownNames = ReadonlySet<string> | ((name: string) => boolean);

export interface ValidateOptions {
  /** Require the expression to be a condition (the default for validation rules is any type). */
  expect?: ExpressionType | "any";
}

export type ValidationResult =
  { ok: true; ast: Ast; type: ExpressionType; names: string[] } | { ok: false; error: ExpressionError };

/**
 * Design-time check of an expression: syntax, types, and that every
 * reference names a known field. With a Set, names (and wildcard patterns)
 * are matched with `namesMatch`; a function receives each reference as
 * written, wildcard patterns included. Never throws for bad input.
 */
export function validateExpression(
  src: string,
  knownNames: KnownNames,
  options: ValidateOptions = {},
): ValidationResult {
  try {
    const { ast, type } = parseTyped(src);
    const isKnown =
      typeof knownNames === "function"
        ? knownNames
        : (name: string) => knownNames.has(name) || [...knownNames].some((k) => namesMatch(k, name));
    for (const ref of refNodes(ast)) {
      if (!isKnown(ref.name)) {
        return {
          ok: false,
          error: new ExpressionError("unknown_name", ref.pos, `Unknown field "${ref.name}" at position ${ref.pos}`),
        };
      }
    }
    const expect = options.expect ?? "any";
    if (expect !== "any" && type !== expect) {
      return {
        ok: false,
        error: new ExpressionError(
          "type_mismatch",
          0,
          expect === "boolean"
            ? "A validation rule must be a condition (a comparison or a logical expression)"
            : "Expected a numeric expression, not a condition",
        ),
      };
    }
    return { ok: true, ast, type, names: referencedNames(ast) };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, error: e };
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Evaluation

export type ResolvedValue = number | readonly number[] | null | undefined;
export type Resolver = (name: string) => ResolvedValue;
export type Value = number | boolean | null;

/** Equality with a tolerance of 1e-9, scaled by magnitude above 1. */
export function approxEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function compare(op: CompareOp, a: number, b: number): boolean {
  const eq = approxEqual(a, b);
  switch (op) {
    case "=":
      return eq;
    case "!=":
      return !eq;
    case "<":
      return a < b && !eq;
    case "<=":
      return a < b || eq;
    case ">":
      return a > b && !eq;
    case ">=":
      return a > b || eq;
  }
}

/** Rounds half away from zero; binary noise beyond 15 significant digits is ignored. */
export function roundHalfAway(x: number, digits = 0): number {
  const abs = Math.abs(x);
  let r: number;
  if (digits >= 0) {
    const f = 10 ** digits;
    r = Math.round(Number((abs * f).toPrecision(15))) / f;
  } else {
    const f = 10 ** -digits;
    r = Math.round(Number((abs / f).toPrecision(15))) * f;
  }
  return r === 0 ? 0 : Math.sign(x) * r;
}

function arithmetic(op: BinaryNode["op"], a: number, b: number): number | null {
  switch (op) {
    case "+":
      return finiteOrNull(a + b);
    case "-":
      return finiteOrNull(a - b);
    case "*":
      return finiteOrNull(a * b);
    case "/":
      return b === 0 ? null : finiteOrNull(a / b);
  }
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function isNumberList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

class Evaluator {
  private readonly resolve: Resolver;

  constructor(resolve: Resolver) {
    this.resolve = resolve;
  }

  private lookup(node: RefNode): ResolvedValue {
    const v = this.resolve(node.name);
    if (v === null || v === undefined || typeof v === "number" || isNumberList(v)) return v;
    throw new ExpressionError(
      "type_mismatch",
      node.pos,
      `Field "${node.name}" resolved to a ${typeof v}, expected a number (position ${node.pos})`,
    );
  }

  /** Values of an aggregate argument; missing entries are returned as null. */
  private collect(arg: Ast): (number | null)[] {
    if (arg.type === "ref") {
      const v = this.lookup(arg);
      if (v === null || v === undefined) return [null];
      if (typeof v === "number") return [finiteOrNull(v)];
      return v.flat(Infinity as 1).map((x: unknown) => (typeof x === "number" ? finiteOrNull(x) : null));
    }
    return [this.number(arg)];
  }

  number(node: Ast): number | null {
    const v = this.value(node);
    if (typeof v === "boolean") throw mismatch(node, "Expected a number, got a condition");
    return v;
  }

  condition(node: Ast): boolean | null {
    const v = this.value(node);
    if (typeof v === "number") throw mismatch(node, "Expected a condition, got a number");
    return v;
  }

  value(node: Ast): Value {
    switch (node.type) {
      case "number":
        return node.value;
      case "ref": {
        const v = this.lookup(node);
        if (v === null || v === undefined) return null;
        if (typeof v !== "number") {
          throw new ExpressionError(
            "type_mismatch",
            node.pos,
            `Field "${node.name}" is a list; use it inside sum, min or max (position ${node.pos})`,
          );
        }
        return finiteOrNull(v);
      }
      case "unary": {
        if (node.op === "-") {
          const v = this.number(node.operand);
          return v === null ? null : v === 0 ? 0 : -v;
        }
        const c = this.condition(node.operand);
        return c === null ? null : !c;
      }
      case "binary": {
        const a = this.number(node.left);
        const b = this.number(node.right);
        if (a === null || b === null) return null;
        return arithmetic(node.op, a, b);
      }
      case "compare": {
        const a = this.number(node.left);
        const b = this.number(node.right);
        if (a === null || b === null) return null;
        return compare(node.op, a, b);
      }
      case "logical": {
        const left = this.condition(node.left);
        if (node.op === "and") {
          if (left === false) return false;
          const right = this.condition(node.right);
          if (right === false) return false;
          return left === null || right === null ? null : true;
        }
        if (left === true) return true;
        const right = this.condition(node.right);
        if (right === true) return true;
        return left === null || right === null ? null : false;
      }
      case "call":
        return this.call(node);
    }
  }

  private call(node: CallNode): Value {
    const { args } = node;
    switch (node.name) {
      case "sum": {
        let total = 0;
        for (const arg of args) for (const v of this.collect(arg)) total += v ?? 0;
        return finiteOrNull(total);
      }
      case "min":
      case "max": {
        const values = args.flatMap((a) => this.collect(a)).filter((v): v is number => v !== null);
        if (values.length === 0) return null;
        return node.name === "min" ? Math.min(...values) : Math.max(...values);
      }
      case "abs": {
        const v = this.number(args[0]!);
        return v === null ? null : Math.abs(v);
      }
      case "round": {
        const v = this.number(args[0]!);
        const digits = args[1] ? integerLiteral(args[1]) : 0;
        if (digits === null)
          throw new ExpressionError("invalid_argument", args[1]!.pos, 'Invalid digit count for "round"');
        return v === null ? null : roundHalfAway(v, digits);
      }
      case "if": {
        const c = this.condition(args[0]!);
        if (c === null) return null;
        return this.value(c ? args[1]! : args[2]!);
      }
    }
  }
}

/**
 * Evaluates a parsed expression. `resolve` maps each reference (as written,
 * wildcards included) to a number, a list of numbers, or null/undefined when
 * the value is missing. Returns `null` when the result is not applicable.
 * Throws `ExpressionError` ('type_mismatch') if a list is used where a single
 * number is needed or a resolver returns a non-numeric value.
 */
export function evaluate(ast: Ast, resolve: Resolver): Value {
  return new Evaluator(resolve).value(ast);
}

// ---------------------------------------------------------------------------
// Resolver over plain data

function leaf(value: unknown): number | number[] | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    return (value.flat(Infinity as 1) as unknown[]).filter(
      (x): x is number => typeof x === "number" && Number.isFinite(x),
    );
  }
  return null;
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === "object") return Object.values(value);
  return [];
}

function child(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Builds a resolver over plain data. A reference is looked up first as a flat
 * key (`{ "t1.r3.total": 5 }`), then as a path into nested objects/arrays
 * (`{ t1: { r3: { total: 5 } } }`). A wildcard reference collects every
 * matching number from both forms into a list. Non-numeric leaves are missing.
 */
export function createResolver(data: Readonly<Record<string, unknown>>): Resolver {
  return (name) => {
    if (Object.prototype.hasOwnProperty.call(data, name)) return leaf(data[name]);
    const segments = name.split(".");
    if (!segments.includes("*")) {
      let node: unknown = data;
      for (const s of segments) node = child(node, s);
      return leaf(node);
    }
    const out: number[] = [];
    const visit = (node: unknown, i: number) => {
      if (i === segments.length) {
        const v = leaf(node);
        if (typeof v === "number") out.push(v);
        else if (v) out.push(...v);
        return;
      }
      const s = segments[i]!;
      if (s === "*") for (const c of children(node)) visit(c, i + 1);
      else visit(child(node, s), i + 1);
    };
    visit(data, 0);
    for (const key of Object.keys(data)) {
      if (key.includes(".") && namesMatch(name, key) && !key.includes("*")) {
        const v = leaf(data[key]);
        if (typeof v === "number") out.push(v);
        else if (v) out.push(...v);
      }
    }
    return out;
  };
}

// ---------------------------------------------------------------------------
// Formatting

/** Canonical, fully parenthesized form of an AST (useful for diagnostics and tests). */
export function formatExpression(ast: Ast): string {
  switch (ast.type) {
    case "number":
      return String(ast.value);
    case "ref":
      return ast.name;
    case "unary":
      return ast.op === "-" ? `(-${formatExpression(ast.operand)})` : `(not ${formatExpression(ast.operand)})`;
    case "binary":
    case "compare":
    case "logical":
      return `(${formatExpression(ast.left)} ${ast.op} ${formatExpression(ast.right)})`;
    case "call":
      return `${ast.name}(${ast.args.map(formatExpression).join(", ")})`;
  }
}

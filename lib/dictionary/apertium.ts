/**
 * A small streaming reader for Apertium bilingual dictionaries (.dix, XML). It is fed the file line by
 * line, checks that the XML is well formed (tags nest and close, attributes are quoted, entities are
 * known, comments end) and yields the `<e>` entries of the `<section>`s with their line numbers. Anything
 * malformed throws a DixSyntaxError naming the line, so an importer can refuse the whole file.
 *
 * Entry format: `<e r="LR|RL"><p><l>мектеп<s n="n"/></l><r>школа<s n="n"/></r></p></e>`; `<b/>` is a
 * space inside a multi-word lemma, `<g>` groups the invariable part of a phrase ("look<g><b/>at</g>"),
 * `<i>` is an identity entry (same text on both sides), `<re>` a regular expression, `<par>` a paradigm.
 */

export interface DixSide {
  /** Lemma text with `<b/>` as a space, trimmed. */
  text: string;
  /** Grammatical tags in order (`<s n="…"/>`). */
  tags: string[];
}

export interface DixEntry {
  /** Line where the `<e>` starts (1-based). */
  line: number;
  /** `r` attribute: both directions, left→right only or right→left only. */
  direction: "both" | "LR" | "RL";
  kind: "pair" | "identity" | "regex";
  left: DixSide;
  right: DixSide;
}

export class DixSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "DixSyntaxError";
  }
}

const TAG = /^<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/s;
const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

type State = "text" | "tag" | "comment" | "pi" | "decl";

interface Open {
  name: string;
  line: number;
}

/** Streams the entries of one .dix file; throws DixSyntaxError on malformed input. */
export async function* readDix(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<DixEntry> {
  const parser = new DixParser();
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    yield* parser.feed(line, lineNo);
  }
  parser.finish(lineNo);
}

/** All entries of a .dix text (tests, small files). */
export async function parseDixText(text: string): Promise<DixEntry[]> {
  const out: DixEntry[] = [];
  for await (const e of readDix(text.split(/\r?\n/))) out.push(e);
  return out;
}

class DixParser {
  private state: State = "text";
  private buffer = "";
  private text = "";
  private startLine = 1;
  private stack: Open[] = [];
  private sawRoot = false;
  private sections = 0;
  private entry: (DixEntry & { hasBody: boolean }) | null = null;
  private side: DixSide | null = null;
  private out: DixEntry[] = [];

  *feed(line: string, lineNo: number): Generator<DixEntry> {
    const s = `${line}\n`;
    let i = 0;
    while (i < s.length) {
      switch (this.state) {
        case "text": {
          const next = s.indexOf("<", i);
          if (next === -1) {
            this.text += s.slice(i);
            i = s.length;
            break;
          }
          this.text += s.slice(i, next);
          this.flushText(lineNo);
          i = next;
          if (s.startsWith("<!--", i)) {
            this.state = "comment";
            this.startLine = lineNo;
            i += 4;
          } else if (s.startsWith("<?", i)) {
            this.state = "pi";
            this.startLine = lineNo;
            i += 2;
          } else if (s.startsWith("<!", i)) {
            this.state = "decl";
            this.startLine = lineNo;
            i += 2;
          } else {
            this.state = "tag";
            this.startLine = lineNo;
            this.buffer = "<";
            i += 1;
          }
          break;
        }
        case "comment": {
          const end = s.indexOf("-->", i);
          if (end === -1) i = s.length;
          else {
            this.state = "text";
            i = end + 3;
          }
          break;
        }
        case "pi": {
          const end = s.indexOf("?>", i);
          if (end === -1) i = s.length;
          else {
            this.state = "text";
            i = end + 2;
          }
          break;
        }
        case "decl": {
          const end = s.indexOf(">", i);
          if (end === -1) i = s.length;
          else {
            this.state = "text";
            i = end + 1;
          }
          break;
        }
        case "tag": {
          // A tag ends at the first ">" outside quotes; "<" inside a tag is an error.
          let quote: string | null = null;
          let j = i;
          for (; j < s.length; j++) {
            const c = s[j]!;
            if (quote) {
              if (c === quote) quote = null;
            } else if (c === '"' || c === "'") quote = c;
            else if (c === "<")
              throw new DixSyntaxError(lineNo, `unexpected "<" inside a tag opened on line ${this.startLine}`);
            else if (c === ">") break;
          }
          if (j === s.length) {
            this.buffer += s.slice(i);
            i = s.length;
          } else {
            this.buffer += s.slice(i, j + 1);
            i = j + 1;
            this.state = "text";
            this.tag(this.buffer, this.startLine);
            this.buffer = "";
          }
          break;
        }
      }
    }
    if (this.out.length) {
      const ready = this.out;
      this.out = [];
      yield* ready;
    }
  }

  finish(lastLine: number): void {
    if (this.state === "comment") throw new DixSyntaxError(this.startLine, "comment is never closed (missing -->)");
    if (this.state === "tag") throw new DixSyntaxError(this.startLine, "tag is never closed (missing >)");
    if (this.state !== "text") throw new DixSyntaxError(this.startLine, "declaration is never closed");
    const open = this.stack.at(-1);
    if (open) throw new DixSyntaxError(open.line, `<${open.name}> is never closed`);
    if (!this.sawRoot) throw new DixSyntaxError(lastLine, "not an Apertium dictionary: no <dictionary> element");
    if (this.text.trim()) throw new DixSyntaxError(lastLine, "text after the end of the document");
    if (this.sections === 0) throw new DixSyntaxError(lastLine, "no <section> with entries");
  }

  private flushText(lineNo: number): void {
    const text = this.text;
    this.text = "";
    if (!text) return;
    const decoded = decodeEntities(text, lineNo);
    if (this.stack.length === 0) {
      if (decoded.trim()) throw new DixSyntaxError(lineNo, "text outside the <dictionary> element");
      return;
    }
    if (this.side) this.side.text += decoded;
  }

  private tag(raw: string, line: number): void {
    const m = TAG.exec(raw);
    if (!m) throw new DixSyntaxError(line, `malformed tag ${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}`);
    const [, closing, name, attrText, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (selfClosing || attrText.trim()) throw new DixSyntaxError(line, `malformed closing tag </${name}>`);
      const open = this.stack.pop();
      if (!open) throw new DixSyntaxError(line, `</${name}> closes nothing`);
      if (open.name !== name)
        throw new DixSyntaxError(
          line,
          `</${name}> found where </${open.name}> (opened on line ${open.line}) was expected`,
        );
      this.close(name, line);
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(ATTR)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? "", line);
    if (this.stack.length === 0) {
      if (this.sawRoot) throw new DixSyntaxError(line, "a second root element");
      if (name !== "dictionary")
        throw new DixSyntaxError(line, `not an Apertium dictionary: the root element is <${name}>`);
      this.sawRoot = true;
    }
    this.open(name, attrs, line);
    if (selfClosing) this.close(name, line);
    else this.stack.push({ name, line });
  }

  private inSection(): boolean {
    return this.stack.some((o) => o.name === "section");
  }

  private open(name: string, attrs: Record<string, string>, line: number): void {
    if (name === "section") {
      this.sections++;
      return;
    }
    if (name === "e" && this.inSection() && !this.entry) {
      const r = attrs.r;
      if (r !== undefined && r !== "LR" && r !== "RL")
        throw new DixSyntaxError(line, `r="${r}" on <e>: expected LR or RL`);
      this.entry = {
        line,
        direction: r ?? "both",
        kind: "pair",
        left: { text: "", tags: [] },
        right: { text: "", tags: [] },
        hasBody: false,
      };
      return;
    }
    const entry = this.entry;
    if (!entry) return;
    switch (name) {
      case "p":
        entry.hasBody = true;
        break;
      case "l":
      case "r":
        if (this.stack.at(-1)?.name !== "p") throw new DixSyntaxError(line, `<${name}> outside <p>`);
        this.side = name === "l" ? entry.left : entry.right;
        break;
      case "i":
        entry.hasBody = true;
        entry.kind = entry.kind === "regex" ? "regex" : "identity";
        this.side = entry.left;
        break;
      case "re":
        entry.hasBody = true;
        entry.kind = "regex";
        this.side = null;
        break;
      case "s":
        if (!attrs.n) throw new DixSyntaxError(line, '<s> without n="…"');
        this.side?.tags.push(attrs.n);
        break;
      case "b":
        if (this.side) this.side.text += " ";
        break;
      default:
        // <g>, <par>, <j/>, <a/>: no effect on the lemma text or tags.
        break;
    }
  }

  private close(name: string, line: number): void {
    const entry = this.entry;
    if (!entry) return;
    if (name === "l" || name === "r" || name === "re") {
      this.side = null;
      return;
    }
    if (name === "i") {
      entry.right = { text: entry.left.text, tags: [...entry.left.tags] };
      this.side = null;
      return;
    }
    if (name === "e" && this.stack.filter((o) => o.name === "e").length === 0) {
      if (!entry.hasBody) throw new DixSyntaxError(entry.line, "<e> without <p>, <i> or <re>");
      const clean = (side: DixSide): DixSide => ({ text: side.text.replace(/\s+/g, " ").trim(), tags: side.tags });
      this.out.push({
        line: entry.line,
        direction: entry.direction,
        kind: entry.kind,
        left: clean(entry.left),
        right: clean(entry.right),
      });
      this.entry = null;
      this.side = null;
      void line;
    }
  }
}

function decodeEntities(text: string, line: number): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string | undefined) => {
    if (!body) throw new DixSyntaxError(line, 'a bare "&" (write &amp;)');
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED[body];
    if (named === undefined) throw new DixSyntaxError(line, `unknown entity ${whole}`);
    return named;
  });
}

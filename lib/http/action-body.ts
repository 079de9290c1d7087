/**
 * The body of a server action, checked at the edge before the framework decodes it. A browser running the
 * portal's own pages always sends a well-formed body; anything else (a hand-made request, a truncated upload)
 * would make the framework's decoder throw, which it answers with a 500. Here such a body is refused with a
 * 400 in the shared error shape instead.
 *
 * What a well-formed body is (React's reply encoding, as `encodeReply` writes it):
 * - `text/plain`: the JSON of the arguments array;
 * - `multipart/form-data`: field `0` holds that JSON; an argument that is itself form data is written as
 *   fields `<id>_<name>` and referred to as `"$K<id>"`; any other outlined value (`"$<id>"`, `"$@<id>"`,
 *   `"$Q<id>"`…) is the field `<id>` (hexadecimal), which must be there.
 * A form posted without JavaScript (no `next-action` header) only has to be a readable multipart body.
 */

/** Strings starting with `$` that stand for a value on their own, with no field behind them. */
const INLINE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D.|K[0-9a-f]+$|T)/;
/** A reference to another field: optional one-letter tag, then the field's id in hexadecimal. */
const REFERENCE = /^\$[@A-Za-z]?([0-9a-f]+)$/;

export type ActionBodyVerdict = "ok" | "malformed";

/** Checks a server action's body; `fetchAction` is true when the request carries the `next-action` header. */
export async function checkActionBody(
  body: Buffer,
  contentType: string | undefined,
  fetchAction: boolean,
): Promise<ActionBodyVerdict> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType! } }).formData();
    } catch {
      return "malformed";
    }
    if (!fetchAction) return "ok";
    const root = form.get("0");
    if (typeof root !== "string") return "malformed";
    const fields = new Set<string>();
    for (const key of form.keys()) fields.add(key);
    return replyWellFormed(root, fields) ? "ok" : "malformed";
  }
  // the framework refuses url-encoded fetch actions itself (404) and ignores other posts without the header
  if (!fetchAction || type === "application/x-www-form-urlencoded") return "ok";
  return replyWellFormed(body.toString("utf8"), new Set()) ? "ok" : "malformed";
}

/** The arguments' JSON parses to an array and every reference in it points at a field that is there. */
export function replyWellFormed(json: string, fields: ReadonlySet<string>): boolean {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return false;
  }
  if (!Array.isArray(root)) return false;
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (!value.startsWith("$") || INLINE.test(value)) continue;
      const reference = REFERENCE.exec(value);
      if (!reference || !fields.has(String(parseInt(reference[1]!, 16)))) return false;
    } else if (value && typeof value === "object") {
      pending.push(...(Array.isArray(value) ? value : Object.values(value)));
    }
  }
  return true;
}

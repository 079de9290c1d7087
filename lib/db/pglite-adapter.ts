/**
 * `pglite-prisma-adapter` 0.6.1 (the release whose peer range is Prisma 6) hands a list parameter to PGlite as
 * a JavaScript array; PGlite serialises a parameter of a type it does not know — an enum array such as
 * `"Role"[]` — with `String(value)`, so `["TEACHER"]` arrives as `TEACHER` ("malformed array literal").
 * Here list parameters of strings and numbers are sent as PostgreSQL array literals, which the server parses
 * for whatever array type the parameter has. Everything else goes through unchanged.
 */
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
interface Io {
  performIO(query: { sql: string; args: unknown[] }): Promise<unknown>;
}

function arrayLiteral(values: unknown[]): string {
  const item = (v: unknown) => (v === null ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `{${values.map(item).join(",")}}`;
}

const isTextList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((v) => v === null || typeof v === "string" || typeof v === "number");

function listsAsLiterals<T extends Adapter | Transaction>(target: T): T {
  const io = target as unknown as Io;
  const performIO = io.performIO.bind(io);
  io.performIO = (query) =>
    performIO(
      query.args.some(isTextList)
        ? { ...query, args: query.args.map((a) => (isTextList(a) ? arrayLiteral(a) : a)) }
        : query,
    );
  return target;
}

/** The PGlite driver adapter factory of this project (see above). */
export class PGliteAdapter extends PrismaPGlite {
  constructor(client: PGlite) {
    super(client);
  }

  override async connect() {
    const adapter = listsAsLiterals(await super.connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => listsAsLiterals(await startTransaction(isolationLevel));
    return adapter;
  }
}

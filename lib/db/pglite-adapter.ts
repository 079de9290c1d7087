/**
 * `pglite-prisma-adapter` 0.6.1 is the release whose peer range is Prisma 6, but it predates two things that
 * Prisma 6.19's client expects of an adapter (and that `@prisma/adapter-pg` 6.19 does):
 *
 * - parameters typed by `argTypes`: bytes arrive as base64 text, and a list parameter is a JavaScript array
 *   that PGlite serialises with `String(value)` when it does not know the array type (an enum array such as
 *   `"Role"[]`: `["TEACHER"]` arrived as `TEACHER`, "malformed array literal");
 * - errors classified by kind: a PostgreSQL error must say UniqueConstraintViolation, ForeignKeyConstraintViolation…
 *   for the client to raise P2002, P2003…
 *
 * Both are supplied here, around the published adapter; everything else goes through unchanged.
 */
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
interface Io {
  performIO(query: Query): Promise<unknown>;
}
/** What the published adapter throws for a PostgreSQL error (a DriverAdapterError of kind "postgres"). */
interface PostgresCause {
  kind: string;
  code?: string;
  message?: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

function arrayLiteral(values: unknown[]): string {
  const item = (v: unknown) => (v === null ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `{${values.map(item).join(",")}}`;
}

const isTextList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((v) => v === null || typeof v === "string" || typeof v === "number");

function mapArg(arg: unknown, type: Query["argTypes"][number] | undefined): unknown {
  if (arg === null || arg === undefined) return arg;
  if (type?.scalarType === "bytes" && typeof arg === "string") return Buffer.from(arg, "base64");
  if (isTextList(arg)) return arrayLiteral(arg);
  return arg;
}

/** The kinds of `@prisma/adapter-pg` 6.19 for the PostgreSQL errors the client turns into its own codes. */
function classify(cause: PostgresCause): Record<string, unknown> | null {
  const keyFields = () =>
    cause.detail
      ?.match(/Key \(([^)]+)\)/)
      ?.at(1)
      ?.split(", ");
  const fields = (list: string[] | undefined) => (list ? { fields: list } : undefined);
  const base = { originalCode: cause.code, originalMessage: cause.message };
  switch (cause.code) {
    case "23505":
      return { ...base, kind: "UniqueConstraintViolation", constraint: fields(keyFields()) };
    case "23502":
      return {
        ...base,
        kind: "NullConstraintViolation",
        constraint: fields(cause.column ? [cause.column] : keyFields()),
      };
    case "23503":
      return {
        ...base,
        kind: "ForeignKeyConstraintViolation",
        constraint: cause.column
          ? { fields: [cause.column] }
          : cause.constraint
            ? { index: cause.constraint }
            : undefined,
      };
    case "22001":
      return { ...base, kind: "LengthMismatch", column: cause.column };
    case "22003":
      return { ...base, kind: "ValueOutOfRange", cause: cause.message };
    case "40001":
      return { ...base, kind: "TransactionWriteConflict" };
    default:
      return null;
  }
}

function compatible<T extends Adapter | Transaction>(target: T): T {
  const io = target as unknown as Io;
  const performIO = io.performIO.bind(io);
  io.performIO = async (query) => {
    const args = query.args.map((a, i) => mapArg(a, query.argTypes?.[i]));
    try {
      return await performIO({ ...query, args });
    } catch (error) {
      const cause = (error as { cause?: PostgresCause }).cause;
      const mapped = cause?.kind === "postgres" ? classify(cause) : null;
      if (!mapped) throw error;
      const DriverAdapterError = (error as object).constructor as new (cause: unknown) => Error;
      throw new DriverAdapterError(mapped);
    }
  };
  return target;
}

/** The PGlite driver adapter factory of this project (see above). */
export class PGliteAdapter extends PrismaPGlite {
  constructor(client: PGlite) {
    super(client);
  }

  override async connect() {
    const adapter = compatible(await super.connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => compatible(await startTransaction(isolationLevel));
    return adapter;
  }
}

/** The part of sql.js's API that the SQLite import source uses (the package ships no types). */
declare module "sql.js" {
  export type SqlValue = number | string | Uint8Array | null;
  export interface Statement {
    step(): boolean;
    get(): SqlValue[];
    getColumnNames(): string[];
    free(): boolean;
  }
  export interface Database {
    exec(sql: string): { columns: string[]; values: SqlValue[][] }[];
    run(sql: string): Database;
    prepare(sql: string): Statement;
    iterateStatements(sql: string): Iterable<Statement>;
    export(): Uint8Array;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic>;
}

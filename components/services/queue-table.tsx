import type { ReactNode } from "react";
import { Table, type TableColumn } from "@/components/ui/table";

/** A staff queue of applications, or a note when it is empty. */
export function QueueTable<T>({
  testId,
  columns,
  rows,
  empty,
  children,
}: {
  testId: string;
  columns: readonly (TableColumn | string)[];
  rows: readonly T[];
  empty: string;
  children: (row: T, index: number) => ReactNode;
}) {
  if (rows.length === 0) return <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{empty}</p>;
  return (
    <Table
      look="compact"
      testId={testId}
      columns={columns}
      rows={rows}
      className="w-full text-sm"
      headClassName="border-b border-slate-200 text-left"
    >
      {children}
    </Table>
  );
}

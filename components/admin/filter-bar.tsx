import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

/**
 * A GET form over the list's URL: text search plus selects. Works without JavaScript; submitting resets to
 * page 1 and keeps the sort.
 */
export async function FilterBar({
  q,
  searchLabel,
  selects = [],
  keep = {},
  extra,
}: {
  q: string;
  searchLabel: string;
  selects?: { name: string; label: string; value: string; options: { value: string; label: string }[] }[];
  keep?: Record<string, string>;
  extra?: ReactNode;
}) {
  const t = await getTranslations("common");
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex min-w-64 flex-1 flex-col text-sm">
        <span className="mb-1 font-medium">{searchLabel}</span>
        <Input type="search" name="q" defaultValue={q} />
      </label>
      {selects.map((s) => (
        <label key={s.name} className="flex flex-col text-sm">
          <span className="mb-1 font-medium">{s.label}</span>
          <Select name={s.name} defaultValue={s.value}>
            <option value="">—</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </label>
      ))}
      {extra}
      <Button type="submit">{t("actions.filter")}</Button>
    </form>
  );
}

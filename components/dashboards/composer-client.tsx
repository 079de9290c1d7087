"use client";

import { useId, useState } from "react";
import type { FormAction } from "@/lib/actions";
import { ActionForm, useFormResult } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/input";
import type { Widget, WidgetKind } from "@/lib/dashboards/schemas";

export interface ComposerLabels {
  titleKk: string;
  titleRu: string;
  titleEn: string;
  widgets: string;
  noWidgets: string;
  /** "Widget {n}: {kind}" with the placeholders left in. */
  widgetN: string;
  addWidget: string;
  kindLabel: string;
  kind: Record<WidgetKind, string>;
  view: string;
  noViews: string;
  chart: string;
  chartKind: Record<"bar" | "line" | "donut", string>;
  indicator: string;
  year: string;
  latestYear: string;
  width: string;
  widthValue: Record<"1" | "2" | "3", string>;
  textKk: string;
  textRu: string;
  textEn: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  removeConfirm: string;
  add: string;
  save: string;
}

type Draft = Widget;

/**
 * The dashboard composer: titles in three languages and the widget list — add, remove (after a confirmation),
 * move up and down, choose the width — sent as one JSON field; the server checks it all again (the views must
 * be the composer's own and readable in their scope) and writes nothing when anything is refused.
 */
export function DashboardComposer({
  action,
  labels,
  views,
  indicators,
  years,
  initial,
}: {
  action: FormAction;
  labels: ComposerLabels;
  views: { id: string; name: string }[];
  indicators: { value: string; label: string }[];
  years: number[];
  initial: { id?: string; version: number; titleKk: string; titleRu: string; titleEn: string; widgets: Draft[] };
}) {
  const [widgets, setWidgets] = useState<Draft[]>(initial.widgets);
  const [adding, setAdding] = useState<WidgetKind>(views.length ? "table" : "figure");
  const base = useId();
  const update = (i: number, patch: Partial<Draft>) =>
    setWidgets((ws) => ws.map((w, j) => (j === i ? ({ ...w, ...patch } as Draft) : w)));
  const move = (i: number, by: number) =>
    setWidgets((ws) => {
      const next = [...ws];
      const [w] = next.splice(i, 1);
      next.splice(i + by, 0, w!);
      return next;
    });
  const fresh = (kind: WidgetKind): Draft => {
    switch (kind) {
      case "table":
        return { kind, width: 2, viewId: views[0]?.id ?? "" };
      case "chart":
        return { kind, width: 1, viewId: views[0]?.id ?? "", chart: "bar" };
      case "figure":
        return { kind, width: 1, indicator: (indicators[0]?.value ?? "students") as "students", year: null };
      case "text":
        return { kind, width: 3, kk: "", ru: "", en: "" };
    }
  };
  const field = (i: number, name: string) => `${base}-w${i}-${name}`;
  const labelled = (i: number, name: string, label: string, control: React.ReactNode) => (
    <div className="flex min-w-0 flex-col gap-1 text-sm">
      <label htmlFor={field(i, name)} className="font-medium">
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <ActionForm action={action} submitLabel={labels.save} testId="dashboard-composer">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <input type="hidden" name="version" value={initial.version} />
      <input type="hidden" name="widgets" value={JSON.stringify(widgets)} />
      <div className="grid gap-3 md:grid-cols-3">
        <TextField name="titleKk" label={labels.titleKk} required defaultValue={initial.titleKk} />
        <TextField name="titleRu" label={labels.titleRu} defaultValue={initial.titleRu} />
        <TextField name="titleEn" label={labels.titleEn} defaultValue={initial.titleEn} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{labels.widgets}</legend>
        <WidgetErrors widgets={widgets} labels={labels} />
        {widgets.length === 0 && <p className="text-sm text-slate-600">{labels.noWidgets}</p>}
        <ol className="space-y-3">
          {widgets.map((w, i) => (
            <li
              key={i}
              className="min-w-0 space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
              data-testid={`composer-widget-${i}`}
            >
              <p className="font-medium">
                {labels.widgetN.replace("{n}", String(i + 1)).replace("{kind}", labels.kind[w.kind])}
              </p>
              <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
                {(w.kind === "table" || w.kind === "chart") &&
                  labelled(
                    i,
                    "view",
                    labels.view,
                    <Select
                      id={field(i, "view")}
                      density="sm"
                      className="w-full"
                      value={w.viewId}
                      onChange={(e) => update(i, { viewId: e.target.value })}
                    >
                      {!views.some((v) => v.id === w.viewId) && <option value={w.viewId}>—</option>}
                      {views.map((v) => (
                        <option key={v.id} value={v.id}>
                          {v.name}
                        </option>
                      ))}
                    </Select>,
                  )}
                {w.kind === "chart" &&
                  labelled(
                    i,
                    "chart",
                    labels.chart,
                    <Select
                      id={field(i, "chart")}
                      density="sm"
                      className="w-full"
                      value={w.chart}
                      onChange={(e) => update(i, { chart: e.target.value as "bar" })}
                    >
                      {(["bar", "line", "donut"] as const).map((c) => (
                        <option key={c} value={c}>
                          {labels.chartKind[c]}
                        </option>
                      ))}
                    </Select>,
                  )}
                {w.kind === "figure" && (
                  <>
                    {labelled(
                      i,
                      "indicator",
                      labels.indicator,
                      <Select
                        id={field(i, "indicator")}
                        density="sm"
                        className="w-full"
                        value={w.indicator}
                        onChange={(e) => update(i, { indicator: e.target.value as "students" })}
                      >
                        {indicators.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </Select>,
                    )}
                    {labelled(
                      i,
                      "year",
                      labels.year,
                      <Select
                        id={field(i, "year")}
                        density="sm"
                        className="w-full"
                        value={w.year ?? ""}
                        onChange={(e) => update(i, { year: e.target.value ? Number(e.target.value) : null })}
                      >
                        <option value="">{labels.latestYear}</option>
                        {years.map((y) => (
                          <option key={y} value={y}>
                            {y}
                          </option>
                        ))}
                      </Select>,
                    )}
                  </>
                )}
                {labelled(
                  i,
                  "width",
                  labels.width,
                  <Select
                    id={field(i, "width")}
                    density="sm"
                    className="w-full"
                    value={w.width}
                    onChange={(e) => update(i, { width: Number(e.target.value) })}
                  >
                    {(["1", "2", "3"] as const).map((x) => (
                      <option key={x} value={x}>
                        {labels.widthValue[x]}
                      </option>
                    ))}
                  </Select>,
                )}
              </div>
              {w.kind === "text" && (
                <div className="grid gap-2 lg:grid-cols-3">
                  {(["kk", "ru", "en"] as const).map((l) =>
                    labelled(
                      i,
                      `text-${l}`,
                      labels[l === "kk" ? "textKk" : l === "ru" ? "textRu" : "textEn"],
                      <Textarea
                        id={field(i, `text-${l}`)}
                        rows={4}
                        className="w-full"
                        value={w[l]}
                        lang={l}
                        onChange={(e) => update(i, { [l]: e.target.value })}
                      />,
                    ),
                  )}
                </div>
              )}
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  {labels.moveUp}
                </Button>
                <Button size="sm" variant="secondary" disabled={i === widgets.length - 1} onClick={() => move(i, 1)}>
                  {labels.moveDown}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    if (window.confirm(labels.removeConfirm)) setWidgets((ws) => ws.filter((_, j) => j !== i));
                  }}
                >
                  {labels.remove}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-end gap-2 rounded border border-dashed border-slate-300 p-3">
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${base}-add`} className="font-medium">
              {labels.kindLabel}
            </label>
            <Select
              id={`${base}-add`}
              density="sm"
              className="w-full"
              value={adding}
              onChange={(e) => setAdding(e.target.value as WidgetKind)}
            >
              {(["table", "chart", "figure", "text"] as const).map((k) => (
                <option key={k} value={k} disabled={(k === "table" || k === "chart") && !views.length}>
                  {labels.kind[k]}
                </option>
              ))}
            </Select>
          </div>
          <Button size="sm" variant="secondary" onClick={() => setWidgets((ws) => [...ws, fresh(adding)])}>
            {labels.addWidget}
          </Button>
          {!views.length && <p className="text-sm text-slate-600">{labels.noViews}</p>}
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** The refusals of the widget list: of the list as a whole, or of one widget, named by its number and kind. */
function WidgetErrors({ widgets, labels }: { widgets: Draft[]; labels: ComposerLabels }) {
  const state = useFormResult();
  const errors = Object.entries(state?.fieldErrors ?? {}).flatMap(([field, message]) => {
    if (field === "widgets") return [message];
    const n = /^widgets\.(\d+)/.exec(field)?.[1];
    if (n === undefined) return [];
    const kind = widgets[Number(n)]?.kind;
    const name = labels.widgetN.replace("{n}", String(Number(n) + 1)).replace("{kind}", kind ? labels.kind[kind] : "");
    return [`${name} — ${message}`];
  });
  if (!errors.length) return null;
  return (
    <ul className="space-y-1 text-sm text-red-700" data-testid="widget-errors">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

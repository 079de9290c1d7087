/**
 * Dashboards (issue 27): the zod schemas of a dashboard and its widgets, shared by the composer's form, the
 * actions and the reads (a stored widget list is parsed again before it is shown). Refusals carry message keys
 * under `errors.` (`dashboards.*`), so the composer names what to fix in the reader's language.
 *
 * Pure module.
 */
import { z } from "zod";
import { INDICATORS } from "../databank/catalogue";

/** A widget's width in the dashboard's grid of three columns (on a phone every widget takes the full width). */
export const WIDTHS = [1, 2, 3] as const;
export const CHART_KINDS = ["bar", "line", "donut"] as const;
export const WIDGET_KINDS = ["table", "chart", "figure", "text"] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];
export const MAX_WIDGETS = 12;
/** The longest text of a text block, per language. */
export const MAX_TEXT = 4000;
export const MAX_TITLE = 160;
/** Roles a dashboard may be shared with (they also hold `dashboards.read`). */
export const SHARE_ROLES = ["MINISTRY_ADMIN", "REGION_ADMIN", "DISTRICT_ADMIN", "ORG_ADMIN"] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

const width = z.coerce
  .number()
  .int()
  .refine((w) => (WIDTHS as readonly number[]).includes(w), "dashboards.badWidth");
const viewId = z.string().regex(/^[a-z0-9]{1,40}$/i, "dashboards.viewUnknown");
const text = z.string().max(MAX_TEXT, "dashboards.textTooLong").default("");

export const widgetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("table"), width, viewId }),
    z.object({
      kind: z.literal("chart"),
      width,
      viewId,
      chart: z.enum(CHART_KINDS, "dashboards.badChart"),
    }),
    z.object({
      kind: z.literal("figure"),
      width,
      indicator: z.enum(INDICATORS, "dashboards.indicatorUnknown"),
      /** null: the latest complete year at the time of reading. */
      year: z.coerce.number().int().min(1990).max(2100).nullable().default(null),
    }),
    z
      .object({ kind: z.literal("text"), width, kk: text, ru: text, en: text })
      .refine((w) => [w.kk, w.ru, w.en].some((s) => s.trim() !== ""), "dashboards.textEmpty"),
  ],
  "dashboards.badWidget",
);
export type Widget = z.output<typeof widgetSchema>;

export const widgetsSchema = z
  .array(widgetSchema)
  .min(1, "dashboards.noWidgets")
  .max(MAX_WIDGETS, "dashboards.tooManyWidgets");

/** The widget list as the composer sends it: one JSON text. */
const widgetsField = z
  .string()
  .max(100_000, "dashboards.badWidget")
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "dashboards.badWidget" });
      return z.NEVER;
    }
  })
  .pipe(widgetsSchema);

const title = z.string().trim().max(MAX_TITLE, "validation.tooLong");

export const dashboardInput = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]{1,40}$/i)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    version: z.coerce.number().int().min(0).default(0),
    titleKk: title.min(1, "validation.required"),
    titleRu: title.default(""),
    titleEn: title.default(""),
    widgets: widgetsField,
  })
  .transform((d) => ({ ...d, titleRu: d.titleRu || d.titleKk, titleEn: d.titleEn || d.titleRu || d.titleKk }));
export type DashboardInput = z.output<typeof dashboardInput>;

const id = z.string().regex(/^[a-z0-9]{1,40}$/i);

/** Sharing: one checkbox per role (`DISTRICT_ADMIN=on`). */
export const shareInput = z.object({
  id,
  version: z.coerce.number().int().min(0),
  ...(Object.fromEntries(SHARE_ROLES.map((r) => [r, z.literal("on").optional()])) as Record<
    ShareRole,
    z.ZodOptional<z.ZodLiteral<"on">>
  >),
});

export const publishInput = z.object({
  id,
  version: z.coerce.number().int().min(0),
  publish: z.enum(["1", "0"]).transform((v) => v === "1"),
});

export const deleteInput = z.object({ id });

/** The widgets of a stored dashboard; a broken list (it cannot be saved so) shows as no widgets. */
export function storedWidgets(value: unknown): Widget[] {
  const parsed = z.array(widgetSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

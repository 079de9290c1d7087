import "server-only";
import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { z } from "zod";
import { authorize } from "../auth/viewer";
import type { Permission } from "../auth/permissions";
import type { Scope, Viewer } from "../auth/scope";
import { errorMessageKey } from "../errors";
import { translateIssues } from "./issues";
import { errorFromUnknown } from "./prisma-errors";

/** What every server action returns; forms show `fieldErrors` next to fields and `message` above them. */
export interface ActionResult<T = unknown> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted values on failure, so the form keeps what the person typed. */
  values?: Record<string, string>;
  data?: T;
}

export interface ActionContext<I> {
  viewer: Viewer;
  scope: Scope;
  input: I;
}

/**
 * The one server-action factory: session → permission (with scope) → zod parse → handler. Expected
 * failures (AppError, validation) come back localised; nothing else leaks to the client.
 */
export function action<S extends z.ZodType, T>(options: {
  permission: Permission;
  schema: S;
  handler: (ctx: ActionContext<z.output<S>>) => Promise<T>;
  /** Key under `messages.<namespace>` shown on success. */
  success?: string;
}) {
  return async (_previous: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    const t = await getTranslations();
    try {
      const { viewer, scope } = await authorize(options.permission);
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) {
        return { ok: false, message: t("errors.validation.summary"), fieldErrors: translateIssues(parsed.error.issues, t), values };
      }
      const data = await options.handler({ viewer, scope, input: parsed.data });
      // The page re-renders with the saved state (new `version`, lists), so the next save is not stale.
      refresh();
      return { ok: true, data, message: options.success ? t(options.success) : undefined };
    } catch (error) {
      if (isRedirectError(error)) throw error;
      const appError = errorFromUnknown(error);
      const fieldErrors = Object.fromEntries(
        Object.entries(appError.fieldErrors).map(([field, key]) => [field, t(`errors.${key}`, appError.params)]),
      );
      return { ok: false, message: t(`errors.${errorMessageKey(appError.code)}`, appError.params), fieldErrors, values };
    }
  };
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/** The type of what `action()` returns, as forms receive it. */
export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

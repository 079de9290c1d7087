import "server-only";
import { refresh } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { authorize, getViewer } from "../auth/viewer";
import type { Permission } from "../auth/permissions";
import type { Scope, Viewer } from "../auth/scope";
import { AppError, errorFromUnknown, errorMessageKey } from "../errors";
import { translateIssues } from "./issues";
import { runtimeKeys } from "@/i18n/keys";
import { redirect } from "@/i18n/navigation";

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

/** A success message: a key under `messages`, or one chosen from the handler's result (with parameters). */
type Success<T> = string | ((data: T) => { key: string; params?: Record<string, string | number> } | undefined);

interface Options<S extends z.ZodType, T, C> {
  schema: S;
  handler: (ctx: C) => Promise<T>;
  success?: Success<T>;
  /** Re-render the page after success (default). Off for actions a client component drives step by step. */
  refresh?: boolean;
}

/**
 * The one server-action factory: session → permission (with scope) → zod parse → handler. Expected
 * failures (AppError, validation) come back localised; nothing else leaks to the client.
 */
export function action<S extends z.ZodType, T>(
  options: Options<S, T, ActionContext<z.output<S>>> & { permission: Permission },
) {
  return run(options, () => authorize(options.permission));
}

/** A service as an action calls it, with the viewer and the parsed input. */
type Service<I, T> = (viewer: Viewer, input: I) => Promise<T>;
/** The same for a service that also takes the viewer's scope for the permission. */
type ScopedService<I, T> = (viewer: Viewer, scope: Scope, input: I) => Promise<T>;

/**
 * The actions of one permission, one line each: `const manage = actionsOf("diary.manage")`, then
 * `export const createYearAction = manage(yearCreate, createYear, "diary.setup.yearCreated")`, or
 * `manage.scoped(…)` for a service that takes the scope. The same pipeline as `action()`; what the service
 * returns is the action's `data` (wrap it in `discard` to keep it on the server).
 */
export function actionsOf(permission: Permission) {
  return Object.assign(
    <S extends z.ZodType, T>(schema: S, service: Service<z.output<S>, T>, success?: Success<T>) =>
      action({ permission, schema, success, handler: ({ viewer, input }) => service(viewer, input) }),
    {
      scoped: <S extends z.ZodType, T>(schema: S, service: ScopedService<z.output<S>, T>, success?: Success<T>) =>
        action({ permission, schema, success, handler: ({ viewer, scope, input }) => service(viewer, scope, input) }),
    },
  );
}

/** A service whose result stays on the server: the action answers with no `data`. */
export function discard<A extends unknown[]>(service: (...args: A) => Promise<unknown>) {
  return async (...args: A): Promise<void> => {
    await service(...args);
  };
}

/** Sends the person on to a page in their language (after a create, to the new record). */
export async function redirectTo(href: string): Promise<never> {
  return redirect({ href, locale: await getLocale() });
}

/**
 * The same for what any signed-in person may do to their own things (flashcards, notifications): the
 * session is checked, no permission, and the handler puts `viewer.userId` into every query.
 */
export function signedInAction<S extends z.ZodType, T>(options: Options<S, T, { viewer: Viewer; input: z.output<S> }>) {
  return run(options, async () => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated");
    return { viewer };
  });
}

/**
 * The same pipeline without a session, for the few forms a signed-out person uses (password recovery, a
 * link from a mail): zod → handler → localised result. Exported from a "use server" file only through an
 * `export async function` wrapper, which the authorisation inventory lists as public with its reason.
 */
export function publicAction<S extends z.ZodType, T>(options: Options<S, T, { input: z.output<S> }>) {
  return run(options, async () => ({}));
}

function run<S extends z.ZodType, T, B>(options: Options<S, T, B & { input: z.output<S> }>, session: () => Promise<B>) {
  return async (_previous: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const t = await getTranslations();
    // a hand-made request may call an action with anything as its arguments: only a form is an input
    if (!(formData instanceof FormData)) return { ok: false, message: t("errors.badRequest"), fieldErrors: {} };
    const values = formValues(formData);
    // keys carried by errors and success results are known only at run time
    const tr = runtimeKeys(t);
    try {
      // The session is checked before the input, so a signed-out caller learns nothing about the form.
      const ctx = await session();
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) {
        return {
          ok: false,
          message: t("errors.validation.summary"),
          fieldErrors: translateIssues(parsed.error.issues, tr),
          values,
        };
      }
      const data = await options.handler({ ...ctx, input: parsed.data });
      // The page re-renders with the saved state (new `version`, lists), so the next save is not stale.
      if (options.refresh !== false) refresh();
      const success =
        typeof options.success === "function"
          ? options.success(data)
          : options.success
            ? { key: options.success }
            : undefined;
      return { ok: true, data, message: success ? tr(success.key, success.params) : undefined };
    } catch (error) {
      unstable_rethrow(error);
      const appError = errorFromUnknown(error);
      const fieldErrors = Object.fromEntries(
        Object.entries(appError.fieldErrors).map(([field, key]) => [field, tr(`errors.${key}`, appError.params)]),
      );
      return {
        ok: false,
        message: appError.options.message
          ? tr(appError.options.message, appError.params)
          : tr(`errors.${errorMessageKey(appError.code)}`, appError.params),
        fieldErrors,
        values,
      };
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

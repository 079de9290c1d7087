"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { addFlashcardAction, addThemeAction } from "@/lib/dictionary/flashcard-actions";
import { useSignedIn } from "./use-signed-in";
import type { FormAction } from "@/lib/actions";
import { Button } from "@/components/ui/button";

type FlashcardAction = FormAction;

/** "Add to flashcards" for one entry; signed-out visitors get a sign-in link that returns here. */
export function AddFlashcardButton({ entryId, returnTo }: { entryId: string; returnTo: string }) {
  return (
    <FlashcardForm action={addFlashcardAction} field="entryId" value={entryId} labelKey="add" returnTo={returnTo} />
  );
}

/** Adds every word of a thematic list to the signed-in user's flashcards. */
export function AddThemeButton({ theme, returnTo }: { theme: string; returnTo: string }) {
  return <FlashcardForm action={addThemeAction} field="theme" value={theme} labelKey="addTheme" returnTo={returnTo} />;
}

function FlashcardForm({
  action,
  field,
  value,
  labelKey,
  returnTo,
}: {
  action: FlashcardAction;
  field: string;
  value: string;
  labelKey: "add" | "addTheme";
  returnTo: string;
}) {
  const t = useTranslations("learn.flashcards");
  const signedIn = useSignedIn();
  const [state, formAction, pending] = useActionState(action, null);
  if (signedIn === undefined) return null;
  if (!signedIn) {
    return (
      <Link href={{ pathname: "/sign-in", query: { callbackUrl: returnTo } }} className="text-sm">
        {t("signInToAdd")}
      </Link>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name={field} value={value} />
      <Button type="submit" disabled={pending} size="sm">
        {t(labelKey)}
      </Button>
      {state?.message && (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}
        >
          {state.message}
          {state.ok && (
            <>
              {" "}
              <Link href="/dictionary/learn/flashcards">{t("open")}</Link>
            </>
          )}
        </span>
      )}
    </form>
  );
}

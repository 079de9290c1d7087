"use server";

import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { signIn, signOut } from "./config";
import { LOCK_MINUTES } from "./credentials";

export interface SignInState {
  error?: string;
  login?: string;
  /** "code": the password was right and the second factor is asked for. */
  step?: "code";
}

/** Only same-site paths are accepted as the page to return to after signing in. */
function safeCallback(value: FormDataEntryValue | null, locale: string): string {
  const v = typeof value === "string" ? value : "";
  // a control character (a newline) would break the redirect's Location header
  const plain = !/[\u0000-\u001f\u007f]/.test(v);
  return plain && v.startsWith("/") && !v.startsWith("//") && !v.includes("\\") ? v : `/${locale}/account`;
}

// Not made by action()/signedInAction(): signing in has no session yet, and next-auth answers with a redirect.
export async function signInAction(_previous: SignInState | null, formData: FormData): Promise<SignInState> {
  const locale = await getLocale();
  const t = await getTranslations("auth");
  const ts = await getTranslations("security.signIn");
  // a hand-made request may call the action with anything as its arguments
  if (!(formData instanceof FormData)) return { error: t("invalid") };
  const login = String(formData.get("login") ?? "");
  const code = formData.get("code");
  const redirectTo = safeCallback(formData.get("callbackUrl"), locale);
  // the second step with no code typed stays on the second step (never the password path)
  if (typeof code === "string" && !code.trim()) return { login, step: "code", error: ts("wrongCode") };
  try {
    if (typeof code === "string") {
      await signIn("credentials", { code, remember: formData.get("remember") === "on" ? "on" : "", redirectTo });
    } else {
      await signIn("credentials", { login, password: String(formData.get("password") ?? ""), redirectTo });
    }
    return {};
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const reason = (error as AuthError & { code?: string }).code;
      if (reason === "second-factor") return { login, step: "code" };
      if (reason === "wrong-code") return { login, step: "code", error: ts("wrongCode") };
      if (reason === "challenge-expired") return { login, error: ts("challengeExpired") };
      return { login, error: reason === "locked" ? t("locked", { minutes: LOCK_MINUTES }) : t("invalid") };
    }
    throw error;
  }
}

// Not made by signedInAction(): it takes no input and ends with next-auth's redirect, even when already signed out.
// next-auth's signOut event ends the session row, so a copy of the token stops working at once.
export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}?signedOut=1` });
}

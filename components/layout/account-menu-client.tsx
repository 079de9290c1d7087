"use client";

import { useEffect, useState } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { signOutAction } from "@/lib/auth/actions";

interface SessionInfo {
  user?: { name?: string | null };
}

/**
 * The header's account area. It reads the session in the browser so that public pages stay static and
 * cacheable for everyone; pages that need the user check the session on the server themselves. It reads it
 * again on every navigation, so the redirect after signing in shows the account at once.
 */
export function AccountMenu({ labels }: { labels: { signIn: string; signOut: string; loading: string } }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const pathname = usePathname();
  useEffect(() => {
    let alive = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: SessionInfo | null) => alive && setSession(s && s.user ? s : null))
      .catch(() => alive && setSession(null));
    return () => {
      alive = false;
    };
  }, [pathname]);
  // while the session is read: a placeholder of the sign-in button's size, so that the header does not move
  if (session === undefined)
    return (
      <span className="inline-block h-7 w-16 animate-pulse rounded bg-slate-200">
        <span className="sr-only">{labels.loading}</span>
      </span>
    );
  if (!session) {
    return (
      <Link
        href="/sign-in"
        className="rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white no-underline hover:bg-brand-900 hover:no-underline"
      >
        {labels.signIn}
      </Link>
    );
  }
  return (
    <form action={signOutAction} onSubmit={() => setSession(null)} className="flex items-center gap-2 text-sm">
      <span data-testid="account-name" className="max-w-[9rem] truncate font-medium text-slate-700 sm:max-w-none">
        {session.user?.name}
      </span>
      <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
        {labels.signOut}
      </button>
    </form>
  );
}

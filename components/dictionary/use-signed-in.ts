"use client";

import { useEffect, useState } from "react";

/**
 * Whether someone is signed in, read in the browser (undefined while loading), so that public pages stay
 * the same for everyone and cacheable; actions check the session on the server anyway.
 */
export function useSignedIn(): boolean | undefined {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { user?: unknown } | null) => alive && setSignedIn(Boolean(s?.user)))
      .catch(() => alive && setSignedIn(false));
    return () => {
      alive = false;
    };
  }, []);
  return signedIn;
}

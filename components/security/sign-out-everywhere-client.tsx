"use client";

import { signOutEverywhereAction } from "@/lib/auth/security-actions";
import { Button } from "@/components/ui/button";

/** "Sign out everywhere", after a confirmation. */
export function SignOutEverywhere({ label, confirm }: { label: string; confirm: string }) {
  return (
    <form
      action={signOutEverywhereAction}
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    >
      <Button type="submit" variant="danger">
        {label}
      </Button>
    </form>
  );
}

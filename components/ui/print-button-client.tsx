"use client";

import { Button } from "./button";

/** Opens the browser's print dialog; hidden on paper (the page's print stylesheet hides navigation). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}

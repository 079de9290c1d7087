/**
 * What a page shows while it renders (its `loading.tsx`): a title and a block, in a box as tall as the screen,
 * so that the footer is already below the fold and does not jump away when the (longer) page arrives.
 */
export function PageSkeleton() {
  return (
    <div aria-busy className="min-h-screen space-y-3">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded bg-slate-200" />
    </div>
  );
}

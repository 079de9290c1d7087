"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * A value only the browser knows (this site's origin, today's date in the reader's language), read after
 * hydration: the server and the first render in the browser use `server`, so the cached HTML stays valid.
 * `read` must return a primitive, so that repeated reads compare equal.
 */
export function useBrowserValue<T extends string | number | boolean>(read: () => T, server: T): T {
  return useSyncExternalStore(never, read, () => server);
}

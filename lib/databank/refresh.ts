import "server-only";
/**
 * After accepted values change (a report accepted, a period closed): expire the public caches of the data
 * bank. Called after the transaction that refreshed the summary has committed. Outside a request (tests,
 * scripts) there is no cache to expire.
 */
import { revalidateTag, updateTag } from "next/cache";
import { DATABANK_TAG } from "./public";

export function expireDatabankCache(): void {
  try {
    // In a server action: the acting user sees the new figures at once.
    updateTag(DATABANK_TAG);
  } catch {
    try {
      revalidateTag(DATABANK_TAG, { expire: 0 });
    } catch {
      // not in a request: nothing cached here
    }
  }
}

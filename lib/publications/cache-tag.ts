import "server-only";
import { revalidateTag, updateTag } from "next/cache";

/** Tag of every cached public read of publications; publishing, unpublishing and new comments expire it. */
export const PUBLICATIONS_TAG = "publications";

/** After a change has committed: the acting user sees it at once, other readers on their next request. */
export function expirePublicationsCache(): void {
  try {
    updateTag(PUBLICATIONS_TAG);
  } catch {
    try {
      revalidateTag(PUBLICATIONS_TAG, { expire: 0 });
    } catch {
      // not in a request (tests, scripts): nothing cached here
    }
  }
}

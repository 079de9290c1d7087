import "server-only";
/**
 * Cached public reads of the published ratings, tagged RATINGS_TAG; publishing a rating expires the tag.
 * Nothing personal goes through the cache.
 */
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { RATINGS_TAG, entityCard, methodView, publishedMethods, ratingView } from "./public";

const options = { tags: [RATINGS_TAG], revalidate: 3600 };

export const cachedPublishedMethods = unstable_cache(() => publishedMethods(), ["ratings:methods:1"], options);
export const cachedRatingView = unstable_cache(
  (code: string, year: number | null) => ratingView(code, year),
  ["ratings:view:1"],
  options,
);
export const cachedEntityCard = unstable_cache(
  (code: string, entity: string, year: number | null) => entityCard(code, entity, year),
  ["ratings:card:1"],
  options,
);
export const cachedMethodView = unstable_cache(
  (code: string, version: number | null) => methodView(code, version),
  ["ratings:method:1"],
  options,
);

/** After a publication has committed: the acting user sees it at once, other readers on their next request. */
export function expireRatingsCache(): void {
  try {
    updateTag(RATINGS_TAG);
  } catch {
    try {
      revalidateTag(RATINGS_TAG, { expire: 0 });
    } catch {
      // not in a request: nothing cached here
    }
  }
}

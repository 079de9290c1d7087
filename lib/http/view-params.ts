import { notFound } from "next/navigation";
import { decodeView } from "./cached-views";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A cached public page's view parameters (see `cached-views.ts`): from its twin's path when it is rendered as
 * the cached twin — without touching the search parameters, which would make the twin render per request —
 * otherwise from the search parameters. A view segment this portal did not write is a 404.
 */
export async function viewParams(props: {
  params: Promise<object>;
  searchParams?: Promise<SearchParams>;
}): Promise<SearchParams> {
  const params = (await props.params) as { view?: string };
  if (params.view !== undefined) return decodeView(params.view) ?? notFound();
  return (await props.searchParams) ?? {};
}

/**
 * Whether the page is being rendered as its cached twin. A twin of a page cached for readers without a session
 * (`signedOut` in `CACHED_VIEWS`) renders as nobody is signed in, without reading the session.
 */
export async function isCachedTwin(props: { params: Promise<object> }): Promise<boolean> {
  return ((await props.params) as { view?: string }).view !== undefined;
}

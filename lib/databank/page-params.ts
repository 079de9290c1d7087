import { AppError } from "../errors";

/** `?year=2025` of a public statistics page: a year, none, or a 404 for anything else. */
export function yearParam(value: string | string[] | undefined): number | null {
  if (value === undefined || value === "") return null;
  if (typeof value !== "string" || !/^\d{4}$/.test(value)) throw new AppError("notFound");
  return Number(value);
}

/** Runs a page's read; an AppError "notFound" becomes the segment's 404. */
export async function orNotFound<T>(read: () => Promise<T>, notFound: () => never): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.code === "notFound") notFound();
    throw error;
  }
}

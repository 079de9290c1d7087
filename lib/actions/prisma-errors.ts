import { AppError } from "../errors";

/** Maps a thrown value to an AppError: known database conflicts become `duplicate`, the rest `internal`. */
export function errorFromUnknown(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("duplicate");
  if (code === "P2025") return new AppError("notFound");
  console.error(error);
  return new AppError("internal");
}

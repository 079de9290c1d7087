import "server-only";
/**
 * Saved pivots (named views): a name and the pivot's URL query. A view's link opens the same pivot for any
 * staff member with `databank.pivot` — the figures are always those of the person opening it (their scope).
 */
import { z } from "zod";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { DatabankParamError, parsePivotParams, pivotSearch } from "./params";

export const viewInput = z.object({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  query: z.string().trim().min(1).max(2000),
});

/** Saves a pivot as a named view; the query is parsed (a broken pivot cannot be saved) and normalised. */
export async function saveView(viewer: Viewer, input: z.output<typeof viewInput>): Promise<{ id: string }> {
  let query: string;
  try {
    const parsed = parsePivotParams(new URLSearchParams(input.query));
    query = pivotSearch({
      indicators: parsed.query.indicators,
      rows: parsed.rows,
      columns: parsed.columns,
      measure: parsed.query.measure,
      filters: parsed.query.filters,
      chart: parsed.chart,
    });
  } catch (error) {
    if (error instanceof DatabankParamError) throw new AppError("badRequest");
    throw error;
  }
  return prisma.$transaction(async (tx) => {
    const view = await tx.databankView.create({
      data: { ownerId: viewer.userId, name: input.name, query },
      select: { id: true, name: true, query: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "DatabankView",
      entityId: view.id,
      after: view,
    });
    return { id: view.id };
  });
}

export async function myViews(viewer: Viewer) {
  return prisma.databankView.findMany({
    where: { ownerId: viewer.userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, name: true, query: true, createdAt: true },
  });
}

export async function getView(id: string) {
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return null;
  return prisma.databankView.findUnique({ where: { id }, select: { id: true, name: true, query: true } });
}

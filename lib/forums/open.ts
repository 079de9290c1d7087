/**
 * Open forums with officials (R15): how long a question waits, and each authority's public answer rate and
 * median answer time over the questions asked in its open forum.
 */
import "server-only";
import { prisma } from "../db";
import type { Viewer } from "../auth/scope";
import { categoryReadWhere } from "./access";

export interface AnswerStats {
  questions: number;
  answered: number;
  /** 0..1, null without questions */
  answerRate: number | null;
  /** Median time to the first official answer, in hours; null when nothing is answered. */
  medianHours: number | null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whole days a question has waited for an official answer (null once answered). */
export function awaitingDays(
  createdAt: Date | string,
  answeredAt: Date | string | null,
  now = new Date(),
): number | null {
  if (answeredAt) return null;
  return Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 86_400_000));
}

export async function answerStats(viewer: Viewer | null, categoryId: string): Promise<AnswerStats> {
  const threads = await prisma.forumThread.findMany({
    where: { categoryId, hidden: false, category: { AND: [{ kind: "OPEN" }, categoryReadWhere(viewer)] } },
    select: { createdAt: true, answeredAt: true },
  });
  const answered = threads.filter((t) => t.answeredAt);
  const hours = answered.map((t) => (t.answeredAt!.getTime() - t.createdAt.getTime()) / 3_600_000);
  const m = median(hours);
  return {
    questions: threads.length,
    answered: answered.length,
    answerRate: threads.length ? answered.length / threads.length : null,
    medianHours: m === null ? null : Math.round(m * 10) / 10,
  };
}

import "server-only";
/**
 * Flashcards of one signed-in user (personal data: never cached in a shared cache). Every query has the
 * user's id in its `where`.
 */
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Theme } from "./constants";
import { cardSelect, toCard, type WordCard } from "./entries";
import { schedule, type Grade } from "./srs";

export interface DueCard extends WordCard {
  entryId: string;
  repetitions: number;
  intervalDays: number;
}

export interface DeckStats {
  total: number;
  due: number;
  /** Cards whose interval reached three weeks. */
  learned: number;
  nextDueAt: string | null;
}

/** Adds one word to the user's deck; adding it again changes nothing. */
export async function addFlashcard(userId: string, entryId: string): Promise<{ added: boolean }> {
  const entry = await prisma.dictionaryEntry.findUnique({ where: { id: entryId }, select: { id: true } });
  if (!entry) throw new AppError("notFound");
  const result = await prisma.flashcardProgress.createMany({ data: [{ userId, entryId }], skipDuplicates: true });
  return { added: result.count > 0 };
}

/** Adds every word of a thematic list; returns how many were new. */
export async function addTheme(userId: string, theme: Theme): Promise<{ added: number }> {
  const entries = await prisma.dictionaryEntry.findMany({
    where: { themes: { has: theme } },
    select: { id: true },
    take: 500,
  });
  const result = await prisma.flashcardProgress.createMany({
    data: entries.map((e) => ({ userId, entryId: e.id })),
    skipDuplicates: true,
  });
  return { added: result.count };
}

export async function removeFlashcard(userId: string, entryId: string): Promise<void> {
  await prisma.flashcardProgress.deleteMany({ where: { userId, entryId } });
}

export async function dueCards(userId: string, now: Date = new Date(), take = 20): Promise<DueCard[]> {
  const rows = await prisma.flashcardProgress.findMany({
    where: { userId, dueAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    take,
    select: { entryId: true, repetitions: true, intervalDays: true, entry: { select: cardSelect } },
  });
  return rows.map((r) => ({
    ...toCard(r.entry),
    entryId: r.entryId,
    repetitions: r.repetitions,
    intervalDays: r.intervalDays,
  }));
}

export async function deckStats(userId: string, now: Date = new Date()): Promise<DeckStats> {
  const [total, due, learned, next] = await Promise.all([
    prisma.flashcardProgress.count({ where: { userId } }),
    prisma.flashcardProgress.count({ where: { userId, dueAt: { lte: now } } }),
    prisma.flashcardProgress.count({ where: { userId, intervalDays: { gte: 21 } } }),
    prisma.flashcardProgress.findFirst({
      where: { userId, dueAt: { gt: now } },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    }),
  ]);
  return { total, due, learned, nextDueAt: next?.dueAt.toISOString() ?? null };
}

/** Records an answer and schedules the card's next review. */
export async function reviewFlashcard(userId: string, entryId: string, grade: Grade, now: Date = new Date()) {
  const card = await prisma.flashcardProgress.findUnique({ where: { userId_entryId: { userId, entryId } } });
  if (!card) throw new AppError("notFound");
  const next = schedule(card, grade, now);
  await prisma.flashcardProgress.update({
    where: { userId_entryId: { userId, entryId } },
    data: {
      repetitions: next.repetitions,
      intervalDays: next.intervalDays,
      ease: next.ease,
      lapses: next.lapses,
      dueAt: next.dueAt,
      lastReviewedAt: now,
    },
  });
  return next;
}

/** Whether an entry is in the user's deck. */
export async function inDeck(userId: string, entryId: string): Promise<boolean> {
  return (await prisma.flashcardProgress.count({ where: { userId, entryId } })) > 0;
}

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addFlashcard, addTheme, deckStats, dueCards, inDeck, removeFlashcard, reviewFlashcard } from "./flashcards";

const DAY = 86_400_000;

describe("flashcards", () => {
  it("keeps a deck per user and makes intervals grow on success", async () => {
    const entry = await prisma.dictionaryEntry.findUniqueOrThrow({ where: { slug: "mektep" } });
    expect(await addFlashcard("u_student", entry.id)).toEqual({ added: true });
    expect(await addFlashcard("u_student", entry.id)).toEqual({ added: false });
    expect(await inDeck("u_student", entry.id)).toBe(true);
    expect(await inDeck("u_teacher", entry.id)).toBe(false);

    let now = new Date(Date.now() + 1000);
    const due = await dueCards("u_student", now);
    expect(due.map((c) => c.lemma)).toEqual(["мектеп"]);
    expect(due[0]).toMatchObject({ ru: ["школа"], en: ["school"], repetitions: 0 });
    expect(await dueCards("u_teacher", now)).toEqual([]);

    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = await reviewFlashcard("u_student", entry.id, "good", now);
      intervals.push(Math.round((next.dueAt.getTime() - now.getTime()) / DAY));
      expect(await dueCards("u_student", now)).toEqual([]);
      now = new Date(next.dueAt.getTime() + 1000);
      expect((await dueCards("u_student", now)).length).toBe(1);
    }
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    expect(intervals[3]!).toBeGreaterThan(intervals[0]!);

    const forgotten = await reviewFlashcard("u_student", entry.id, "again", now);
    expect(forgotten.repetitions).toBe(0);
    expect((await deckStats("u_student", now)).due).toBe(0);
    expect((await deckStats("u_student", new Date(now.getTime() + 11 * 60_000))).due).toBe(1);
  });

  it("adds a whole theme once and removes cards", async () => {
    const first = await addTheme("u_parent", "numbers");
    expect(first.added).toBeGreaterThanOrEqual(20);
    expect((await addTheme("u_parent", "numbers")).added).toBe(0);
    const stats = await deckStats("u_parent");
    expect(stats.total).toBe(first.added);
    const one = await prisma.dictionaryEntry.findUniqueOrThrow({ where: { slug: "bır" } });
    await removeFlashcard("u_parent", one.id);
    expect((await deckStats("u_parent")).total).toBe(first.added - 1);
  });

  it("refuses unknown words and cards that are not in the deck", async () => {
    await expect(addFlashcard("u_student", "no-such-entry")).rejects.toBeInstanceOf(AppError);
    const entry = await prisma.dictionaryEntry.findUniqueOrThrow({ where: { slug: "kıtap" } });
    await expect(reviewFlashcard("u_teacher", entry.id, "good")).rejects.toMatchObject({ code: "notFound" });
  });
});

/**
 * Letter register demo data for school No. 1 (demo scale only; the tests register their own): four incoming
 * letters (one answered by an outgoing reply, one overdue, one due later, one cancelled) and two outgoing
 * ones, numbered from 0001 in the current Almaty year with the counters set to match.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, dateValue } from "../../lib/diary/dates";
import { almatyDate } from "../../lib/time";
import { letterNumber, registerYear, type Direction } from "../../lib/letters/rules";
import type { Scale } from "./index";

export async function seedLetters(
  prisma: PrismaClient,
  scale: Scale,
  log: (line: string) => void = () => {},
  now = new Date(),
): Promise<void> {
  if (scale !== "demo") return;
  const admin = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school", role: "ORG_ADMIN" } });
  const organizationId = admin.organizationId!;
  const year = registerYear(now);
  const today = almatyDate(now);
  // registered some days ago, but never before 1 January of the register's year
  const registered = (daysAgo: number) => {
    const day = addDays(today, -daysAgo);
    return new Date(`${day < `${year}-01-01` ? `${year}-01-01` : day}T04:00:00Z`);
  };
  const sequences: Record<Direction, number> = { INCOMING: 0, OUTGOING: 0 };
  const letter = async (
    direction: Direction,
    data: {
      daysAgo: number;
      correspondent: string;
      subject: string;
      letterNumber?: string;
      dueInDays?: number;
      status?: "REGISTERED" | "IN_PROGRESS" | "ANSWERED" | "CLOSED" | "CANCELLED";
      executorId?: string;
      replyToId?: string;
      cancelReason?: string;
    },
  ) => {
    const sequence = ++sequences[direction];
    const at = registered(data.daysAgo);
    const created = await prisma.letter.create({
      data: {
        id: `letter_demo_${direction.toLowerCase()}_${sequence}`,
        organizationId,
        direction,
        year,
        sequence,
        number: letterNumber(direction, year, sequence),
        registeredAt: at,
        letterDate: data.letterNumber ? dateValue(addDays(almatyDate(at), -1)) : null,
        letterNumber: data.letterNumber ?? null,
        correspondent: data.correspondent,
        subject: data.subject,
        executorId: data.executorId ?? null,
        dueDate: data.dueInDays !== undefined ? dateValue(addDays(today, data.dueInDays)) : null,
        status: data.status ?? "REGISTERED",
        replyToId: data.replyToId ?? null,
        cancelReason: data.cancelReason ?? null,
        registeredById: "u_school",
      },
    });
    return created.id;
  };
  const holidays = await letter("INCOMING", {
    daysAgo: 12,
    correspondent: "Көкшетау қалалық білім бөлімі",
    subject: "Күзгі демалысты ұйымдастыру туралы",
    letterNumber: "01-12/845",
    dueInDays: -5,
    status: "ANSWERED",
    executorId: "u_school",
  });
  await letter("INCOMING", {
    daysAgo: 8,
    correspondent: "Ақмола облысының білім басқармасы",
    subject: "Оқушылардың ыстық тамақпен қамтылуы туралы мониторинг",
    letterNumber: "02-07/1190",
    dueInDays: -3,
    status: "IN_PROGRESS",
    executorId: "u_teacher",
  });
  await letter("INCOMING", {
    daysAgo: 2,
    correspondent: "Көкшетау қаласының әкімдігі",
    subject: "О подготовке школ к отопительному сезону",
    letterNumber: "15-3/377",
    dueInDays: 10,
    executorId: "u_school",
  });
  await letter("INCOMING", {
    daysAgo: 2,
    correspondent: "Көкшетау қаласының әкімдігі",
    subject: "О подготовке школ к отопительному сезону (повторно)",
    status: "CANCELLED",
    cancelReason: "Қате қайта тіркелді",
  });
  await letter("OUTGOING", {
    daysAgo: 7,
    correspondent: "Көкшетау қалалық білім бөлімі",
    subject: "Күзгі демалыс жоспары",
    replyToId: holidays,
    status: "CLOSED",
  });
  await letter("OUTGOING", {
    daysAgo: 1,
    correspondent: "Ақмола облысының білім басқармасы",
    subject: "Мектептің қысқы маусымға дайындығы туралы есеп",
  });
  for (const direction of ["INCOMING", "OUTGOING"] as const) {
    await prisma.letterCounter.create({ data: { organizationId, direction, year, last: sequences[direction] } });
  }
  log(`letters: ${sequences.INCOMING} incoming, ${sequences.OUTGOING} outgoing for school No. 1`);
}

/**
 * Class chats (R12): a room per class (its students and its teachers) and per teachers' methodological group
 * (the teachers of one subject in a school). Only members read or post; membership is derived from the
 * e-diary (enrolments, homeroom, teaching assignments), so it follows the school's set-up.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { organizationsWith, type Viewer } from "../auth/scope";
import { chatBus, type ChatEvent } from "./bus";
import { almatyTime } from "../time";
import { assertMayPost, standingOf } from "./standing";
import { CHAT_MESSAGES_PER_MINUTE, MAX_CHAT_LENGTH } from "./trust";
import { NAMED } from "../names";

export const CHAT_PAGE = 30;

/** Classes whose room the viewer belongs to: taught or homeroom (teachers), enrolled (students). */
function classMemberWhere(viewer: Viewer): Prisma.ClassGroupWhereInput {
  const taught = teacherOrgs(viewer);
  const studentOrgs = organizationsWith(viewer, "diary.self");
  const or: Prisma.ClassGroupWhereInput[] = [{ id: { in: [] } }];
  if (taught.length)
    or.push({
      organizationId: { in: taught },
      OR: [{ homeroomTeacherId: viewer.userId }, { assignments: { some: { teacherId: viewer.userId } } }],
    });
  if (studentOrgs.length)
    or.push({
      organizationId: { in: studentOrgs },
      enrolments: { some: { student: { users: { some: { id: viewer.userId } } } } },
    });
  return { OR: or };
}

function teacherOrgs(viewer: Viewer): string[] {
  return organizationsWith(viewer, "diary.teach");
}

export interface RoomView {
  id: string;
  kind: "CLASS" | "METHOD_GROUP";
  name: string;
  subjectId: string | null;
  lastMessageAt: string | null;
}

/** The viewer's rooms; rooms of their classes and subjects are opened on first visit. */
export async function listRooms(viewer: Viewer | null): Promise<RoomView[]> {
  if (!viewer) throw new AppError("unauthenticated");
  const classes = await prisma.classGroup.findMany({
    where: classMemberWhere(viewer),
    select: { id: true, organizationId: true, grade: true, letter: true },
  });
  const orgs = teacherOrgs(viewer);
  const subjects = orgs.length
    ? await prisma.teachingAssignment.findMany({
        where: { teacherId: viewer.userId, organizationId: { in: orgs } },
        distinct: ["organizationId", "subjectId"],
        select: { organizationId: true, subjectId: true, subject: { select: { nameKk: true } } },
      })
    : [];
  if (classes.length || subjects.length) {
    await prisma.chatRoom.createMany({
      data: [
        ...classes.map((c) => ({
          id: `room_${c.id}`,
          kind: "CLASS" as const,
          organizationId: c.organizationId,
          classGroupId: c.id,
          name: `${c.grade} ${c.letter}`,
        })),
        ...subjects.map((s) => ({
          id: `room_${s.organizationId}_${s.subjectId}`,
          kind: "METHOD_GROUP" as const,
          organizationId: s.organizationId,
          subjectId: s.subjectId,
          name: s.subject.nameKk,
        })),
      ],
      skipDuplicates: true,
    });
  }
  const rooms = await prisma.chatRoom.findMany({
    where: {
      OR: [
        { classGroupId: { in: classes.map((c) => c.id) } },
        ...subjects.map((s) => ({
          kind: "METHOD_GROUP" as const,
          organizationId: s.organizationId,
          subjectId: s.subjectId,
        })),
      ],
    },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: { messages: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
  });
  return rooms.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    subjectId: r.subjectId,
    lastMessageAt: r.messages[0]?.createdAt.toISOString() ?? null,
  }));
}

/** The subjects of method-group rooms, with their names. */
export function roomSubjects(rooms: readonly RoomView[]) {
  return prisma.classifierItem.findMany({
    where: { id: { in: rooms.map((r) => r.subjectId).filter((x): x is string => Boolean(x)) } },
    select: NAMED,
  });
}

/** The room if the viewer is a member of it; refuses otherwise (the same answer for unknown rooms). */
export async function memberRoom(viewer: Viewer | null, roomId: string) {
  if (!viewer) throw new AppError("unauthenticated");
  const room = await prisma.chatRoom.findUnique({ where: { id: roomId } });
  let member = false;
  if (room?.kind === "CLASS" && room.classGroupId) {
    member =
      (await prisma.classGroup.count({ where: { AND: [{ id: room.classGroupId }, classMemberWhere(viewer)] } })) > 0;
  } else if (room?.kind === "METHOD_GROUP" && room.subjectId) {
    const orgs = teacherOrgs(viewer);
    member =
      orgs.includes(room.organizationId) &&
      (await prisma.teachingAssignment.count({
        where: { organizationId: room.organizationId, subjectId: room.subjectId, teacherId: viewer.userId },
      })) > 0;
  }
  if (!room || !member) throw new AppError("forbidden", { body: "forums.chat.notMember" });
  return room;
}

function toEvent(
  m: { id: string; roomId: string; authorId: string; body: string; createdAt: Date },
  names: Map<string, string>,
): ChatEvent {
  return {
    id: m.id,
    roomId: m.roomId,
    authorId: m.authorId,
    author: names.get(m.authorId) ?? "",
    body: m.body,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A page of messages, oldest first: the latest ones, those before a message (scrolling up) or after one (polling). */
export async function roomMessages(
  viewer: Viewer | null,
  roomId: string,
  options: { before?: string; after?: string; take?: number } = {},
): Promise<ChatEvent[]> {
  const room = await memberRoom(viewer, roomId);
  const take = Math.min(100, Math.max(1, options.take ?? CHAT_PAGE));
  const anchorId = options.before ?? options.after;
  const anchor = anchorId
    ? await prisma.chatMessage.findFirst({
        where: { id: anchorId, roomId: room.id },
        select: { createdAt: true, id: true },
      })
    : null;
  if (anchorId && !anchor) throw new AppError("validation", { before: "forums.chat.unknownMessage" });
  const rows = options.after
    ? await prisma.chatMessage.findMany({
        where: {
          roomId: room.id,
          OR: [{ createdAt: { gt: anchor!.createdAt } }, { createdAt: anchor!.createdAt, id: { gt: anchor!.id } }],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
      })
    : (
        await prisma.chatMessage.findMany({
          where: {
            roomId: room.id,
            ...(anchor
              ? {
                  OR: [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }],
                }
              : {}),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take,
        })
      ).reverse();
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => toEvent(r, names));
}

/** A member posts to the room; the message goes out at once to every open stream of the room. */
export async function postChatMessage(
  viewer: Viewer | null,
  input: { roomId: string; body: string },
  options: { now?: Date } = {},
): Promise<ChatEvent> {
  const room = await memberRoom(viewer, input.roomId);
  const v = viewer!;
  const body = input.body.trim();
  if (!body) throw new AppError("validation", { body: "validation.required" });
  if (body.length > MAX_CHAT_LENGTH)
    throw new AppError("validation", { body: "validation.tooLong" }, { max: MAX_CHAT_LENGTH });
  const now = options.now ?? new Date();
  assertMayPost(await standingOf(prisma as unknown as Prisma.TransactionClient, v), now, "act");
  const recent = await prisma.chatMessage.findMany({
    where: { authorId: v.userId, createdAt: { gt: new Date(now.getTime() - 60_000) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recent.length >= CHAT_MESSAGES_PER_MINUTE) {
    const until = new Date(recent[recent.length - CHAT_MESSAGES_PER_MINUTE]!.createdAt.getTime() + 60_000);
    throw new AppError(
      "rateLimited",
      {},
      { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)), until: almatyTime(until) },
    );
  }
  const message = await prisma.chatMessage.create({
    data: { roomId: room.id, authorId: v.userId, body, createdAt: now },
  });
  const event = toEvent(message, new Map([[v.userId, v.displayName]]));
  chatBus.publish(event);
  return event;
}

/**
 * In-app notifications of the signed-in person (reporting reminders and workflow changes): a paginated
 * list, the unread count, marking as read. A person only ever reads and changes their own rows.
 */
import "server-only";
import { prisma } from "../db";
import type { Notification } from "../generated/prisma/client";
import { pageWindow, type Page } from "../data-table/params";

export async function listNotifications(
  userId: string,
  params: { page: number; pageSize: number; unreadOnly?: boolean },
): Promise<Page<Notification>> {
  const where = { userId, ...(params.unreadOnly ? { readAt: null } : {}) };
  const [rows, total] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(params) }),
    prisma.notification.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

export function unreadCount(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** Marks one notification (or all, without an id) of the user as read; returns how many changed. */
export async function markRead(userId: string, id?: string): Promise<number> {
  const result = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}

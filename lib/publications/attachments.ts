/**
 * Attachments and covers of publications. The bytes go through the content-addressed store (lib/files)
 * while streaming; the database rows are written afterwards in one transaction, and if that fails the
 * stored bytes are removed again unless another row already used them — no orphan either way.
 */
import "server-only";
import type { Readable } from "node:stream";
import { prisma } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import { scopeOf, type Viewer } from "../auth/scope";
import { blobStore, storeUpload } from "../files/store";
import { FILE_KINDS, IMAGE_KINDS, type FileKind } from "../files/sniff";
import { EDITABLE, isPublic } from "./constants";

export const MAX_ATTACHMENTS = 20;

type Source = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Readable;

/** Adds an attachment (or, with `cover`, sets the cover image) to the viewer's editable publication. */
export async function addAttachment(
  viewer: Viewer | null,
  input: { id: string; fileName: string; cover?: boolean },
  source: Source,
): Promise<{ attachmentId: string; sha256: string }> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  // Check before reading the body: nothing is stored for someone who may not attach here.
  const row = await prisma.publication.findFirst({
    where: { id: input.id, authorId: v.userId },
    select: { id: true, status: true, _count: { select: { attachments: true } } },
  });
  if (!row) throw new AppError("notFound");
  if (!(EDITABLE as readonly string[]).includes(row.status))
    throw new AppError("conflict", { file: "publications.notEditable" });
  if (row._count.attachments >= MAX_ATTACHMENTS)
    throw new AppError("validation", { file: "publications.tooManyAttachments" }, { max: MAX_ATTACHMENTS });
  const accept: readonly FileKind[] = input.cover ? IMAGE_KINDS : (Object.keys(FILE_KINDS) as FileKind[]);
  const stored = await storeUpload(source, { fileName: input.fileName, accept });
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.storedFile.upsert({
        where: { sha256: stored.sha256 },
        create: { sha256: stored.sha256, size: stored.size, mimeType: stored.mimeType, kind: stored.kind },
        update: {},
      });
      const attachment = await tx.publicationAttachment.create({
        data: { publicationId: row.id, sha256: stored.sha256, fileName: stored.fileName, uploadedById: v.userId },
      });
      if (input.cover) await tx.publication.update({ where: { id: row.id }, data: { coverId: attachment.id } });
      await recordAudit(tx, {
        actorId: v.userId,
        action: "create",
        entity: "PublicationAttachment",
        entityId: attachment.id,
        after: {
          publicationId: row.id,
          fileName: stored.fileName,
          sha256: stored.sha256,
          size: stored.size,
          cover: Boolean(input.cover),
        },
      });
      return { attachmentId: attachment.id, sha256: stored.sha256 };
    });
  } catch (error) {
    if (stored.created) await blobStore().remove(stored.sha256);
    throw error;
  }
}

/** Removes an attachment of an editable publication; the bytes go when nothing else refers to them. */
export async function removeAttachment(viewer: Viewer | null, attachmentId: string): Promise<void> {
  const { viewer: v } = authorizeViewer(viewer, "publications.write");
  const orphan = await prisma.$transaction(async (tx) => {
    const a = await tx.publicationAttachment.findFirst({
      where: { id: attachmentId, publication: { authorId: v.userId } },
      include: { publication: { select: { status: true, coverId: true } } },
    });
    if (!a) throw new AppError("notFound");
    if (!(EDITABLE as readonly string[]).includes(a.publication.status))
      throw new AppError("conflict", { file: "publications.notEditable" });
    if (a.publication.coverId === a.id)
      await tx.publication.update({ where: { id: a.publicationId }, data: { coverId: null } });
    await tx.publicationAttachment.delete({ where: { id: a.id } });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "delete",
      entity: "PublicationAttachment",
      entityId: a.id,
      before: { fileName: a.fileName, sha256: a.sha256 },
    });
    // Versions keep no files of their own, so the bytes are free once no attachment (and no letter, which
    // shares the store) refers to them.
    if (await tx.publicationAttachment.count({ where: { sha256: a.sha256 } })) return null;
    if (await tx.letter.count({ where: { fileSha256: a.sha256 } })) return null;
    await tx.storedFile.delete({ where: { sha256: a.sha256 } });
    return a.sha256;
  });
  if (orphan) await blobStore().remove(orphan);
}

export interface Download {
  stream: Readable;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Public material may be cached by browsers and proxies; unpublished material never. */
  public: boolean;
}

/**
 * Opens an attachment: anyone for a published publication; otherwise only its author and editors (others
 * get "not found", so unpublished material is not even confirmed to exist). Public downloads are counted.
 */
export async function openAttachment(viewer: Viewer | null, attachmentId: string, now = new Date()): Promise<Download> {
  const a = await prisma.publicationAttachment.findUnique({
    where: { id: attachmentId },
    include: {
      file: true,
      publication: { select: { id: true, status: true, publishedAt: true, authorId: true, coverId: true } },
    },
  });
  if (!a) throw new AppError("notFound");
  const open = isPublic(a.publication.status, a.publication.publishedAt, now);
  if (!open && !(viewer && (viewer.userId === a.publication.authorId || scopeOf(viewer, "publications.review"))))
    throw new AppError("notFound");
  const stream = await blobStore().read(a.sha256);
  if (!stream) throw new AppError("notFound");
  if (open && a.publication.coverId !== a.id) {
    await prisma.$transaction([
      prisma.publicationAttachment.update({ where: { id: a.id }, data: { downloads: { increment: 1 } } }),
      prisma.publication.update({ where: { id: a.publication.id }, data: { downloads: { increment: 1 } } }),
    ]);
  }
  return { stream, fileName: a.fileName, mimeType: a.file.mimeType, size: a.file.size, sha256: a.sha256, public: open };
}

import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { memberRoom, roomMessages } from "@/lib/forums/chat";
import { ChatRoom } from "@/components/forums/chat-room-client";
import type { Metadata } from "next";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums/chat/[roomId]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  return { title: t("chat.title"), robots: { index: false } };
}

/** One chat room for its members: history, live messages, the message box. */
export default async function ChatRoomPage({ params }: PageProps<"/[locale]/forums/chat/[roomId]">) {
  const { locale, roomId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("forums");
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/forums/chat/${roomId}`)}`);
  const room = await memberRoom(viewer, roomId).catch((e) => (e instanceof AppError ? null : Promise.reject(e)));
  if (!room) notFound();
  const initial = await roomMessages(viewer, room.id);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/forums/chat" className="text-sm text-brand-700 underline">
        {t("chat.title")}
      </Link>
      <h1 className="text-2xl font-bold">
        {room.kind === "CLASS" ? t("chat.class", { name: room.name }) : t("chat.group", { name: room.name })}
      </h1>
      <ChatRoom
        roomId={room.id}
        locale={locale}
        viewerId={viewer.userId}
        initial={initial}
        labels={{
          message: t("chat.message"),
          send: t("chat.send"),
          older: t("chat.older"),
          live: t("chat.live"),
          polling: t("chat.polling"),
        }}
      />
    </div>
  );
}

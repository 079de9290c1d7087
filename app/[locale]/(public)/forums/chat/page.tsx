import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { listRooms, roomSubjects } from "@/lib/forums/chat";
import { localName } from "@/lib/names";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums/chat">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/forums/chat", { title: t("chat.title"), description: ts("chat"), noindex: true });
}

/** The viewer's chat rooms: their classes and their methodological groups. */
export default async function ChatsPage({ params }: PageProps<"/[locale]/forums/chat">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("forums");
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">{t("chat.title")}</h1>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/forums/chat`)}`}
          className="text-brand-700 underline"
        >
          {t("chat.signIn")}
        </Link>
      </div>
    );
  }
  const rooms = await listRooms(viewer);
  const subjects = await roomSubjects(rooms);
  const subjectName = (id: string | null) => {
    const s = subjects.find((x) => x.id === id);
    return s ? localName(s, locale) : "";
  };
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/forums" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("chat.title")}</h1>
      <p className="text-slate-700">{t("chat.intro")}</p>
      {rooms.length === 0 && <p className="text-slate-600">{t("chat.none")}</p>}
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
        {rooms.map((r) => (
          <li key={r.id} className="p-4">
            <Link
              href={`/forums/chat/${r.id}`}
              className="font-medium text-brand-700 hover:underline"
              data-testid="chat-room-link"
            >
              {r.kind === "CLASS"
                ? t("chat.class", { name: r.name })
                : t("chat.group", { name: subjectName(r.subjectId) })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

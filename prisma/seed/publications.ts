/**
 * Publications demo data: a few published methodological materials by the demo teachers (Kazakh, Russian
 * and English), with ratings and a comment, and an official news item in Kazakh with its Russian translation.
 * Files are not seeded (the store is empty on a fresh data directory). Small; skipped when already present.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { renderMarkdown } from "../../lib/markdown";

interface Seeded {
  id: string;
  authorId: string;
  type: "LESSON_PLAN" | "METHODICAL_GUIDE" | "PRACTICE_ARTICLE" | "TASK_COLLECTION" | "NEWS" | "ANNOUNCEMENT";
  language: "kk" | "ru" | "en";
  title: string;
  summary: string;
  body: string;
  subjectCode: string | null;
  grades: number[];
  keywords: string[];
  daysAgo: number;
  translationOfId?: string;
}

const ITEMS: Seeded[] = [
  {
    id: "pub_fractions",
    authorId: "u_teacher",
    type: "LESSON_PLAN",
    language: "kk",
    title: "Жай бөлшектерді қосу және азайту",
    summary: "5-сыныпқа арналған сабақ жоспары: ортақ бөлімге келтіру, топтық жұмыс және бағалау критерийлері.",
    body: "## Сабақтың мақсаты\n\nОқушылар бөлімдері әртүрлі жай бөлшектерді қосып, азайта алады.\n\n## Сабақтың барысы\n\n1. Ұйымдастыру кезеңі (2 мин)\n2. Үй тапсырмасын тексеру (5 мин)\n3. Жаңа тақырып: ортақ бөлім (15 мин)\n4. Топтық жұмыс: «Пицца» есебі (15 мин)\n5. Рефлексия (3 мин)\n\n## Бағалау критерийлері\n\n- ортақ бөлімді табады;\n- бөлшектерді қосады және азайтады;\n- нәтижені қысқартады.",
    subjectCode: "MATH",
    grades: [5],
    keywords: ["бөлшек", "ортақ бөлім", "топтық жұмыс"],
    daysAgo: 12,
  },
  {
    id: "pub_photosynthesis",
    authorId: "u_teacher2",
    type: "METHODICAL_GUIDE",
    language: "ru",
    title: "Фотосинтез: лабораторная работа с простым оборудованием",
    summary: "Методическое пособие для 7–8 классов: опыт с элодеей и настольной лампой, таблица наблюдений.",
    body: "## Цель\n\nПоказать выделение кислорода растением на свету.\n\n## Оборудование\n\n- элодея (или другое водное растение);\n- стакан с водой, пробирка, воронка;\n- настольная лампа.\n\n## Ход работы\n\nИзменяйте расстояние от лампы до растения и считайте пузырьки за минуту. Результаты занесите в таблицу.\n\n| Расстояние, см | Пузырьков в минуту |\n| --- | --- |\n| 10 | |\n| 30 | |\n| 50 | |",
    subjectCode: "BIOLOGY",
    grades: [7, 8],
    keywords: ["фотосинтез", "лабораторная работа"],
    daysAgo: 8,
  },
  {
    id: "pub_project_english",
    authorId: "u_teacher3",
    type: "PRACTICE_ARTICLE",
    language: "en",
    title: "Project-based learning in the English classroom: a village newspaper",
    summary: "How grade 9 students wrote and printed a monthly newspaper about their village in English.",
    body: "## The idea\n\nStudents interview neighbours, write short articles and edit each other's texts.\n\n## What worked\n\n- clear roles: reporter, editor, designer;\n- a fixed monthly deadline;\n- a printed copy for the village library.\n\n## Assessment\n\nA rubric for content, language accuracy and teamwork.",
    subjectCode: "ENG",
    grades: [9],
    keywords: ["project-based learning", "writing"],
    daysAgo: 5,
  },
  {
    id: "pub_tasks_physics",
    authorId: "u_teacher",
    type: "TASK_COLLECTION",
    language: "kk",
    title: "Механика бойынша есептер жинағы",
    summary: "9-сыныпқа арналған 30 есеп: жылдамдық, үдеу, Ньютон заңдары. Жауаптарымен.",
    body: "## 1-бөлім. Жылдамдық\n\n1. Автомобиль 2 сағатта 150 км жүрді. Оның орташа жылдамдығы қандай?\n2. Велосипедші 15 м/с жылдамдықпен 10 минут жүрді. Қанша жол жүрді?\n\n## Жауаптары\n\n1. 75 км/сағ\n2. 9 км",
    subjectCode: "PHYSICS",
    grades: [9],
    keywords: ["механика", "есептер"],
    daysAgo: 3,
  },
  {
    id: "pub_news_year",
    authorId: "u_editor",
    type: "NEWS",
    language: "kk",
    title: "Білім берудің бірыңғай ақпараттық жүйесінде жарияланымдар бөлімі ашылды",
    summary: "Мұғалімдер енді сабақ жоспарлары мен әдістемелік материалдарын порталда жариялап, талқылай алады.",
    body: "Порталда **жарияланымдар** бөлімі ашылды. Мұғалімдер сабақ жоспарларын, әдістемелік құралдарын және тапсырмалар жинақтарын жазып, редакторлардың тексеруіне жібере алады. Жарияланған материалдарды кез келген оқырман бағалап, талқылай алады.",
    subjectCode: null,
    grades: [],
    keywords: ["жаңалық", "жарияланымдар"],
    daysAgo: 1,
  },
  {
    id: "pub_news_year_ru",
    authorId: "u_editor",
    type: "NEWS",
    language: "ru",
    title: "В единой информационной системе образования открыт раздел публикаций",
    summary: "Учителя теперь могут публиковать и обсуждать на портале поурочные планы и методические материалы.",
    body: "На портале открыт раздел **публикаций**. Учителя могут писать поурочные планы, методические пособия и сборники заданий и отправлять их на проверку редакторам. Опубликованные материалы любой читатель может оценить и обсудить.",
    subjectCode: null,
    grades: [],
    keywords: ["новости", "публикации"],
    daysAgo: 1,
    translationOfId: "pub_news_year",
  },
];

export async function seedPublications(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  if (await prisma.publication.count({ where: { id: { in: ITEMS.map((i) => i.id) } } })) return;
  const now = Date.now();
  for (const item of ITEMS) {
    if (!(await prisma.user.findUnique({ where: { id: item.authorId } }))) continue;
    const role = await prisma.roleAssignment.findFirst({
      where: { userId: item.authorId, organizationId: { not: null } },
      select: { organization: { select: { id: true, territory: { select: { path: true } } } } },
    });
    const regionId = role?.organization?.territory.path.split("/").filter(Boolean)[1];
    const region = regionId
      ? await prisma.territory.findUnique({ where: { id: regionId }, select: { code: true } })
      : null;
    const publishedAt = new Date(now - item.daysAgo * 86_400_000);
    const { id, daysAgo: _days, translationOfId, ...data } = item;
    void _days;
    await prisma.publication.create({
      data: {
        id,
        ...data,
        translationOfId: translationOfId ?? null,
        html: renderMarkdown(item.body),
        status: "PUBLISHED",
        revision: 1,
        publishedAt,
        reviewerId: item.authorId === "u_editor" ? "u_ministry" : "u_editor",
        organizationId: role?.organization?.id ?? null,
        regionCode: region?.code ?? null,
        createdAt: publishedAt,
        versions: {
          create: {
            number: 1,
            title: item.title,
            summary: item.summary,
            body: item.body,
            metadata: { type: item.type, language: item.language },
            createdAt: publishedAt,
          },
        },
        remarks: {
          create: {
            version: 1,
            authorId: item.authorId === "u_editor" ? "u_ministry" : "u_editor",
            decision: "publish",
            text: "",
            createdAt: publishedAt,
          },
        },
      },
    });
  }
  // A few ratings and a comment, so sorting and the discussion are not empty.
  const ratings: [string, string, number][] = [
    ["pub_fractions", "u_parent", 5],
    ["pub_fractions", "u_teacher2", 4],
    ["pub_photosynthesis", "u_teacher", 5],
    ["pub_project_english", "u_student", 4],
  ];
  for (const [publicationId, userId, value] of ratings) {
    if (
      !(await prisma.user.findUnique({ where: { id: userId } })) ||
      !(await prisma.publication.findUnique({ where: { id: publicationId } }))
    )
      continue;
    await prisma.publicationRating.create({ data: { publicationId, userId, value } });
  }
  for (const item of ITEMS) {
    const agg = await prisma.publicationRating.aggregate({
      where: { publicationId: item.id },
      _sum: { value: true },
      _count: true,
    });
    if (agg._count)
      await prisma.publication.update({
        where: { id: item.id },
        data: {
          ratingSum: agg._sum.value ?? 0,
          ratingCount: agg._count,
          rating: Math.round(((agg._sum.value ?? 0) / agg._count) * 100) / 100,
        },
      });
  }
  if (await prisma.user.findUnique({ where: { id: "u_teacher2" } })) {
    const body = "Рақмет! «Пицца» есебін 6-сыныпта да қолдануға болады.";
    await prisma.publicationComment.create({
      data: { publicationId: "pub_fractions", authorId: "u_teacher2", body, html: renderMarkdown(body) },
    });
    await prisma.publication.update({ where: { id: "pub_fractions" }, data: { commentCount: 1 } });
  }
  await prisma.searchOutbox.createMany({ data: ITEMS.map((i) => ({ source: "publication", sourceId: i.id })) });
  log(`publications: ${ITEMS.length}`);
}

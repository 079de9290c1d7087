/**
 * Forums demo data: categories (teachers by subject, students, parents, a regional forum, open forums of the
 * Kokshetau and Akmola education authorities), a few threads in Kazakh, Russian and English, an open-forum
 * question with an official answer, and the chat of class 5 А. The demo teachers are linked to staff records
 * of their school (verified teachers). Small at every scale.
 */
import { iinPrefix, withCheckDigit } from "../../lib/identity";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { renderMarkdown } from "../../lib/markdown";

const L = (kk: string, ru: string, en: string) => ({ nameKk: kk, nameRu: ru, nameEn: en });
const D = (kk: string, ru: string, en: string) => ({ descriptionKk: kk, descriptionRu: ru, descriptionEn: en });

export async function seedForums(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  const school = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_teacher", role: "TEACHER" } });
  const official = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_official", role: "OFFICIAL" } });
  const districtDept = await prisma.organization.findUniqueOrThrow({
    where: { id: official.organizationId! },
    select: { id: true, reportsToId: true },
  });

  // Staff records of the demo teachers (verified teachers start at a higher trust level).
  const teachers = [
    ["u_teacher", "1986-03-14", "FEMALE", "Ахметова", "Айгерім"],
    ["u_teacher2", "1979-10-02", "MALE", "Серіков", "Дәулет"],
    ["u_teacher3", "1990-05-21", "FEMALE", "Жұмабаева", "Гүлнар"],
  ] as const;
  for (const [userId, birth, sex, lastName, firstName] of teachers) {
    if (!(await prisma.user.findUnique({ where: { id: userId } }))) continue;
    let iin: string | null = null;
    for (let serial = 7001; !iin || (await prisma.person.findUnique({ where: { iin } })); serial++)
      iin = withCheckDigit(iinPrefix(birth, sex) + String(serial));
    await prisma.person.create({
      data: {
        id: `p${iin}`,
        iin,
        lastName,
        firstName,
        birthDate: new Date(`${birth}T00:00:00Z`),
        sex,
        organizationId: school.organizationId,
      },
    });
    await prisma.user.update({ where: { id: userId }, data: { personId: `p${iin}` } });
  }

  await prisma.forumCategory.createMany({
    data: [
      {
        id: "fc_math",
        slug: "teachers-math",
        sortOrder: 1,
        readRoles: ["TEACHER"],
        writeRoles: ["TEACHER"],
        ...L("Математика мұғалімдері", "Учителя математики", "Mathematics teachers"),
        ...D(
          "Әдістеме, тапсырмалар, тәжірибе алмасу.",
          "Методика, задания, обмен опытом.",
          "Methods, tasks and shared experience.",
        ),
      },
      {
        id: "fc_kazlang",
        slug: "teachers-kazakh",
        sortOrder: 2,
        readRoles: ["TEACHER"],
        writeRoles: ["TEACHER"],
        ...L(
          "Қазақ тілі мен әдебиеті мұғалімдері",
          "Учителя казахского языка и литературы",
          "Kazakh language and literature teachers",
        ),
        ...D("Пән мұғалімдерінің форумы.", "Форум учителей предмета.", "Forum of the subject's teachers."),
      },
      {
        id: "fc_students",
        slug: "students",
        sortOrder: 3,
        readRoles: ["STUDENT", "TEACHER"],
        writeRoles: ["STUDENT", "TEACHER"],
        ...L("Оқушылар", "Ученики", "Students"),
        ...D("Оқушыларға арналған форум.", "Форум для учеников.", "A forum for students."),
      },
      {
        id: "fc_parents",
        slug: "parents",
        sortOrder: 4,
        writeRoles: ["PARENT", "TEACHER"],
        ...L("Ата-аналар", "Родители", "Parents"),
        ...D("Ата-аналар мен мұғалімдердің сұхбаты.", "Общение родителей и учителей.", "Parents and teachers talk."),
      },
      {
        id: "fc_akmola",
        slug: "akmola-experience",
        sortOrder: 5,
        ...L(
          "Ақмола облысы: тәжірибе алмасу",
          "Акмолинская область: обмен опытом",
          "Akmola region: sharing experience",
        ),
        ...D("Өңірлік форум.", "Региональный форум.", "A regional forum."),
      },
      {
        id: "fc_open_kokshetau",
        slug: "open-kokshetau",
        kind: "OPEN",
        authorityId: districtDept.id,
        sortOrder: 10,
        ...L(
          "Ашық форум: Көкшетау қалалық білім бөлімі",
          "Открытый форум: отдел образования г. Кокшетау",
          "Open forum: Kokshetau city education department",
        ),
        ...D(
          "Сұрағыңызды қойыңыз — бөлім басшылары жауап береді.",
          "Задайте вопрос — ответят руководители отдела.",
          "Ask a question — the department's heads answer.",
        ),
      },
      ...(districtDept.reportsToId
        ? [
            {
              id: "fc_open_akmola",
              slug: "open-akmola",
              kind: "OPEN" as const,
              authorityId: districtDept.reportsToId,
              sortOrder: 11,
              ...L(
                "Ашық форум: Ақмола облысының білім басқармасы",
                "Открытый форум: управление образования Акмолинской области",
                "Open forum: Akmola region education department",
              ),
              ...D(
                "Облыстық білім басқармасына сұрақтар.",
                "Вопросы управлению образования области.",
                "Questions to the region's education department.",
              ),
            },
          ]
        : []),
    ],
  });

  const day = 86_400_000;
  const base = Date.UTC(2026, 10, 16, 5, 0);
  let threads = 0;
  let posts = 0;
  const thread = async (
    id: string,
    categoryId: string,
    title: string,
    items: { author: string; body: string; official?: boolean; at: number }[],
    answeredAt?: number,
  ) => {
    await prisma.forumThread.create({
      data: {
        id,
        categoryId,
        title,
        authorId: items[0]!.author,
        createdAt: new Date(items[0]!.at),
        lastPostAt: new Date(items.at(-1)!.at),
        postSeq: items.length,
        answeredAt: answeredAt ? new Date(answeredAt) : null,
      },
    });
    await prisma.forumPost.createMany({
      data: items.map((p, i) => ({
        id: `${id}_p${i + 1}`,
        threadId: id,
        number: i + 1,
        authorId: p.author,
        body: p.body,
        html: renderMarkdown(p.body),
        official: p.official ?? false,
        createdAt: new Date(p.at),
      })),
    });
    await prisma.forumThreadState.createMany({
      data: [...new Set(items.map((p) => p.author))].map((userId) => ({
        userId,
        threadId: id,
        subscribed: true,
        lastReadNumber: items.length,
      })),
    });
    threads++;
    posts += items.length;
  };
  await thread("ft_fractions", "fc_math", "5-сыныпта бөлшектерді қалай түсіндіресіз?", [
    {
      author: "u_teacher",
      at: base,
      body: "Әріптестер, **бөлшектер** тақырыбын 5-сыныпқа қалай түсіндіресіздер? Мен пиццаны бөліп көрсетемін.",
    },
    {
      author: "u_teacher2",
      at: base + 3_600_000,
      body: "Я использую полоски бумаги: дети сами складывают и сравнивают доли. Очень наглядно.",
    },
    {
      author: "u_teacher3",
      at: base + 2 * 3_600_000,
      body: "A number line works well too — see [NRICH fractions](https://nrich.maths.org/fractions). @teacher, thanks for the idea!",
    },
  ]);
  await thread("ft_homework", "fc_parents", "Үй тапсырмасы тым көп емес пе? / Не слишком ли много домашних заданий?", [
    {
      author: "u_parent",
      at: base + day,
      body: "Қызым күніне 3 сағат үй тапсырмасын орындайды. Басқа ата-аналарда да солай ма?",
    },
    {
      author: "u_teacher",
      at: base + day + 7_200_000,
      body: "> Қызым күніне 3 сағат үй тапсырмасын орындайды.\n\nСпасибо, что написали. Норма для 5 класса — до 1,5 часа; обсудим на собрании.",
    },
  ]);
  await thread("ft_olympiad", "fc_akmola", "Regional olympiad preparation — sharing materials", [
    {
      author: "u_teacher2",
      at: base + 2 * day,
      body: "Let's collect olympiad preparation materials for grades 7–9 here.",
    },
  ]);
  await thread(
    "ft_open_bus",
    "fc_open_kokshetau",
    "Мектеп автобусы қашан іске қосылады?",
    [
      { author: "u_parent", at: base, body: "Саяжай ықшамауданынан №1 мектепке мектеп автобусы қашан жүреді?" },
      {
        author: "u_official",
        at: base + 2 * day,
        official: true,
        body: "Сұрағыңызға рақмет. Автобус 1 желтоқсаннан бастап таңғы 7:40-та жүреді; кесте мектеп сайтында жарияланады.",
      },
    ],
    base + 2 * day,
  );
  await thread("ft_open_canteen", "fc_open_kokshetau", "Когда отремонтируют столовую школы №1?", [
    { author: "u_parent2", at: base + 3 * day, body: "Столовая закрыта на ремонт с октября. Когда её откроют?" },
  ]);

  // The chat of class 5 А: its homeroom teacher and the demo student.
  const classGroup = await prisma.classGroup.findFirst({
    where: { homeroomTeacherId: "u_teacher" },
    orderBy: [{ grade: "asc" }, { letter: "asc" }],
  });
  if (classGroup) {
    const roomId = `room_${classGroup.id}`;
    await prisma.chatRoom.create({
      data: {
        id: roomId,
        kind: "CLASS",
        organizationId: classGroup.organizationId,
        classGroupId: classGroup.id,
        name: `${classGroup.grade} ${classGroup.letter}`,
      },
    });
    const messages = [
      ["u_teacher", "Сәлеметсіздер ме! Ертең математикадан бақылау жұмысы болады."],
      ["u_student", "Апай, қандай тақырыптар болады?"],
      ["u_teacher", "Бөлшектер және оларды салыстыру. Дайындалыңыздар!"],
    ] as const;
    await prisma.chatMessage.createMany({
      data: messages.map(([authorId, body], i) => ({
        roomId,
        authorId,
        body,
        createdAt: new Date(base + 4 * day + i * 60_000),
      })),
    });
  }
  log(`forums: ${threads} threads, ${posts} posts`);
}

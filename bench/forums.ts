/**
 * `npm run bench:forums [-- --posts 1000 --runs 200 --members 30 --messages 60]`: the forums' two figures.
 *
 * (a) Thread page: a thread with `--posts` posts (several authors, reactions, quotes, a few hidden posts) in a
 *     teachers' category; `--runs` loads of a random page of 20 through getThreadPage (the call the thread page
 *     makes), for a signed-in teacher and for an anonymous reader of a public thread. Target p95 ≤ 80 ms.
 * (b) Chat fan-out: `--members` members connected to one class chat over real HTTP Server-Sent Events (a
 *     node:http server that serves the same stream as /api/chat/[roomId]/events, chatEventStream, through the
 *     real in-process bus); `--messages` messages posted with postChatMessage (membership check, limits, insert,
 *     publish); latency from the call to each member's receipt of the event. Target p95 ≤ 200 ms.
 *
 * Database: in-memory PGlite with the `tiny` seed, or the PostgreSQL of TEST_DATABASE_URL (its schema is
 * dropped and recreated). Prints the figures and writes bench/results/forums-<date>.json.
 */
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { closeBenchDatabase, log, ms, openBenchDatabase, option, summary, writeResult } from "./lib";
import { loadViewer } from "../lib/auth/access";
import { chatEventStream, type ChatEvent } from "../lib/forums/bus";
import { postChatMessage } from "../lib/forums/chat";
import { getThreadPage, POSTS_PER_PAGE } from "../lib/forums/forums";
import { renderMarkdown } from "../lib/markdown";

const POSTS = option("posts", 1000);
const RUNS = option("runs", 200);
const MEMBERS = option("members", 30);
const MESSAGES = option("messages", 60);
const PAGE_TARGET_MS = 80;
const FANOUT_TARGET_MS = 200;

const { db, label } = await openBenchDatabase();
const prisma = db.prisma;
let server: Server | undefined;
try {
  console.log(`Forums benchmark on ${label}`);

  // ── (a) a thread of POSTS posts ──
  const authors = ["u_teacher", "u_teacher2", "u_teacher3"];
  const bodies = [
    "Әріптестер, **бөлшектер** тақырыбын қалай түсіндіресіздер? Мен пиццаны бөліп көрсетемін.",
    "> Мен пиццаны бөліп көрсетемін.\n\nЯ использую полоски бумаги: дети сами складывают и сравнивают доли.",
    "A number line works well too — see [NRICH](https://nrich.maths.org/fractions). @teacher, thanks!",
  ];
  const makeThread = async (id: string, categoryId: string) => {
    const start = Date.UTC(2026, 0, 1);
    await prisma.forumThread.create({
      data: {
        id,
        categoryId,
        title: `Bench thread ${id}`,
        authorId: authors[0]!,
        createdAt: new Date(start),
        lastPostAt: new Date(start + POSTS * 60_000),
        postSeq: POSTS,
      },
    });
    const rows = Array.from({ length: POSTS }, (_, i) => {
      const body = `${bodies[i % bodies.length]} (${i + 1})`;
      return {
        id: `${id}_p${i + 1}`,
        threadId: id,
        number: i + 1,
        authorId: authors[i % authors.length]!,
        body,
        html: renderMarkdown(body),
        status: i > 0 && i % 97 === 0 ? ("HIDDEN" as const) : ("VISIBLE" as const),
        replyToId: i > 1 && i % 5 === 0 ? `${id}_p${i - 1}` : null,
        createdAt: new Date(start + i * 60_000),
      };
    });
    for (let i = 0; i < rows.length; i += 500) await prisma.forumPost.createMany({ data: rows.slice(i, i + 500) });
    const reactions = rows
      .filter((_, i) => i % 3 === 0)
      .flatMap((p, i) =>
        authors
          .filter((a) => a !== p.authorId)
          .slice(0, 1 + (i % 2))
          .map((userId) => ({ postId: p.id, userId, kind: "like" })),
      );
    await prisma.forumReaction.createMany({ data: reactions });
  };
  await makeThread("ft_bench_teachers", "fc_math");
  await makeThread("ft_bench_public", "fc_akmola");
  const teacher = (await loadViewer("u_teacher"))!;
  const pages = Math.ceil(POSTS / POSTS_PER_PAGE);
  let seed = 7;
  const randomPage = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), 1 + (seed % pages));

  const signedIn = await timeRunsChecked(RUNS, async () => {
    const page = await getThreadPage(teacher, "ft_bench_teachers", randomPage());
    if (page.posts.length === 0) throw new Error("empty page");
  });
  const anonymous = await timeRunsChecked(RUNS, async () => {
    const page = await getThreadPage(null, "ft_bench_public", randomPage());
    if (page.posts.length === 0) throw new Error("empty page");
  });
  log(
    `thread page (${POSTS} posts, ${POSTS_PER_PAGE} per page), teacher:   p50 ${signedIn.p50} ms, p95 ${signedIn.p95} ms, max ${signedIn.max} ms (target p95 ≤ ${PAGE_TARGET_MS} ms)`,
  );
  log(
    `thread page (${POSTS} posts, ${POSTS_PER_PAGE} per page), anonymous: p50 ${anonymous.p50} ms, p95 ${anonymous.p95} ms, max ${anonymous.max} ms`,
  );

  // ── (b) chat fan-out to MEMBERS connected members over HTTP SSE ──
  const classGroup = await prisma.classGroup.findFirstOrThrow({
    where: { homeroomTeacherId: "u_teacher" },
    orderBy: [{ grade: "asc" }, { letter: "asc" }],
  });
  const roomId = `room_${classGroup.id}`;
  await prisma.chatRoom.upsert({
    where: { id: roomId },
    create: {
      id: roomId,
      kind: "CLASS",
      organizationId: classGroup.organizationId,
      classGroupId: classGroup.id,
      name: `${classGroup.grade} ${classGroup.letter}`,
    },
    update: {},
  });
  server = createServer((request, response) => {
    const abort = new AbortController();
    request.on("close", () => abort.abort());
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
    Readable.fromWeb(chatEventStream(roomId, abort.signal) as unknown as WebReadableStream<Uint8Array>).pipe(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  const sent = new Map<string, bigint>();
  const latencies: number[] = [];
  const received: number[] = new Array(MEMBERS).fill(0);
  const readers = new AbortController();
  const connect = async (member: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: readers.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const ready = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as ChatEvent;
          const at = sent.get(event.body);
          if (at !== undefined) {
            latencies.push(ms(at));
            received[member]!++;
          }
        }
      }
    })().catch(() => {});
    return ready;
  };
  const streams = Array.from({ length: MEMBERS }, (_, i) => connect(i));
  for (let wait = 0; (await import("../lib/forums/bus")).chatBus.listeners(roomId) < MEMBERS; wait++) {
    if (wait > 200) throw new Error("members did not connect");
    await new Promise((r) => setTimeout(r, 25));
  }
  const poster = (await loadViewer("u_teacher"))!;
  const base = Date.now();
  for (let i = -1; i < MESSAGES; i++) {
    const body = `Хабарлама ${i + 1}: ертеңгі сабаққа дайындалыңдар`;
    const before = latencies.length;
    sent.set(body, process.hrtime.bigint());
    // 4 s apart on the message clock, within the 20-a-minute limit
    await postChatMessage(poster, { roomId, body }, { now: new Date(base + (i + 1) * 4000) });
    for (let wait = 0; latencies.length < before + MEMBERS && wait < 400; wait++)
      await new Promise((r) => setTimeout(r, 5));
    if (i === -1) latencies.length = 0; // the first message warms up
  }
  const fanout = summary(latencies);
  const complete = received.every((n) => n === MESSAGES);
  log(
    `chat fan-out to ${MEMBERS} members over SSE, ${MESSAGES} messages: p50 ${fanout.p50} ms, p95 ${fanout.p95} ms, max ${fanout.max} ms, ${latencies.length}/${MEMBERS * MESSAGES} deliveries (target p95 ≤ ${FANOUT_TARGET_MS} ms)`,
  );
  readers.abort();
  await Promise.allSettled(streams);

  writeResult(
    "forums",
    {
      database: label,
      threadPage: {
        posts: POSTS,
        pageSize: POSTS_PER_PAGE,
        runs: RUNS,
        teacherMs: signedIn,
        anonymousMs: anonymous,
        targetP95Ms: PAGE_TARGET_MS,
        met: signedIn.p95 <= PAGE_TARGET_MS && anonymous.p95 <= PAGE_TARGET_MS,
      },
      chatFanout: {
        members: MEMBERS,
        messages: MESSAGES,
        transport: "HTTP Server-Sent Events, in-process bus",
        latencyMs: fanout,
        deliveries: latencies.length,
        complete,
        targetP95Ms: FANOUT_TARGET_MS,
        met: complete && fanout.p95 <= FANOUT_TARGET_MS,
      },
    },
    process.env.TEST_DATABASE_URL ? "postgres" : undefined,
  );
} finally {
  server?.closeAllConnections();
  server?.close();
  await closeBenchDatabase();
}

/** timeRuns with a warm-up of a few calls (the first queries plan and fill caches). */
async function timeRunsChecked(runs: number, fn: () => Promise<void>) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(ms(start));
  }
  return summary(times);
}

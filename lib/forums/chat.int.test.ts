import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { listRooms, postChatMessage, roomMessages } from "./chat";
import { chatBus, type ChatEvent } from "./bus";
import { restrictUser } from "./moderation";

let teacher: Viewer, teacher2: Viewer, student: Viewer, parent: Viewer, moderator: Viewer;
let classRoom: string;

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  student = await viewer("u_student");
  parent = await viewer("u_parent");
  moderator = await viewer("u_moderator");
  classRoom = (await listRooms(teacher)).find((r) => r.kind === "CLASS")!.id;
});

describe("class chats", () => {
  it("a class's teacher and student share its room; another class's teacher and a parent do not", async () => {
    expect((await listRooms(student)).map((r) => r.id)).toContain(classRoom);
    expect((await listRooms(teacher2)).map((r) => r.id)).not.toContain(classRoom);
    expect(await listRooms(parent)).toEqual([]);
    expect((await roomMessages(student, classRoom)).map((m) => m.body)).toContain("Апай, қандай тақырыптар болады?");
  });

  it("teachers of the same subject share a methodological group room", async () => {
    const rooms = await listRooms(teacher);
    const group = rooms.find((r) => r.kind === "METHOD_GROUP" && r.subjectId === "c_subject_math")!;
    expect((await listRooms(teacher2)).map((r) => r.id)).toContain(group.id);
    expect((await listRooms(student)).map((r) => r.id)).not.toContain(group.id);
  });

  it("a message reaches every open stream of the room at once", async () => {
    const received: ChatEvent[] = [];
    const off = chatBus.subscribe(classRoom, (e) => received.push(e));
    const sent = await postChatMessage(student, { roomId: classRoom, body: "Түсіндім, рақмет!" });
    off();
    expect(received).toEqual([sent]);
    expect(sent.author).toBe(student.displayName);
  });

  it("a message to a room one is not in is refused with a message, nothing stored or sent", async () => {
    const before = await prisma.chatMessage.count();
    const received: ChatEvent[] = [];
    const off = chatBus.subscribe(classRoom, (e) => received.push(e));
    const error = await refusal(postChatMessage(teacher2, { roomId: classRoom, body: "Бөгде хабар" }));
    expect(error.code).toBe("forbidden");
    expect(error.fieldErrors.body).toBe("forums.chat.notMember");
    expect((await refusal(postChatMessage(parent, { roomId: classRoom, body: "x" }))).code).toBe("forbidden");
    expect((await refusal(postChatMessage(null, { roomId: classRoom, body: "x" }))).code).toBe("unauthenticated");
    expect((await refusal(roomMessages(teacher2, classRoom))).code).toBe("forbidden");
    expect((await refusal(postChatMessage(teacher, { roomId: "room_unknown", body: "x" }))).code).toBe("forbidden");
    expect((await refusal(postChatMessage(teacher, { roomId: classRoom, body: "  " }))).fieldErrors.body).toBe(
      "validation.required",
    );
    off();
    expect(received).toEqual([]);
    expect(await prisma.chatMessage.count()).toBe(before);
  });

  it("history loads backwards page by page and polling returns what came after", async () => {
    const base = Date.UTC(2027, 1, 1);
    for (let i = 0; i < 45; i++)
      await postChatMessage(teacher, { roomId: classRoom, body: `Хабар ${i}` }, { now: new Date(base + i * 10_000) });
    const latest = await roomMessages(teacher, classRoom, { take: 20 });
    expect(latest.at(-1)!.body).toBe("Хабар 44");
    const older = await roomMessages(teacher, classRoom, { before: latest[0]!.id, take: 20 });
    expect(latest[0]!.body).toBe("Хабар 25");
    expect([older[0]!.body, older.at(-1)!.body]).toEqual(["Хабар 5", "Хабар 24"]);
    const newer = await roomMessages(teacher, classRoom, { after: older[0]!.id, take: 3 });
    expect(newer.map((m) => m.body)).toEqual(["Хабар 6", "Хабар 7", "Хабар 8"]);
  });

  it("a suspended member cannot post", async () => {
    await restrictUser(moderator, { userId: "u_student", kind: "suspend", days: 1, reason: "Спам" });
    expect((await refusal(postChatMessage(student, { roomId: classRoom, body: "x" }))).fieldErrors.body).toBe(
      "forums.suspended",
    );
  });
});

import { describe, expect, it } from "vitest";
import { decisionsFor } from "./constants";

describe("the decisions an editor is offered", () => {
  it("are only those the publication's state allows", () => {
    expect(decisionsFor("IN_REVIEW")).toEqual(["approve", "requestChanges", "reject", "publish", "schedule"]);
    expect(decisionsFor("APPROVED")).toEqual(["requestChanges", "reject", "publish", "schedule"]);
    expect(decisionsFor("PUBLISHED")).toEqual(["unpublish"]);
    expect(decisionsFor("SCHEDULED")).toEqual(["publish", "schedule", "unpublish"]);
    expect(decisionsFor("DRAFT")).toEqual([]);
    expect(decisionsFor("REJECTED")).toEqual([]);
  });
});

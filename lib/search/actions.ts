"use server";

import { z } from "zod";
import { action } from "../actions";
import { searchEngine } from "./engine";
import { reindexAll } from "./outbox";

/** Rebuilds the whole search index (shadow copy, then the switch); searches keep answering meanwhile. */
export const reindexAction = action({
  permission: "search.manage",
  schema: z.object({}),
  success: (count: number) => ({ key: "search.admin.reindexed", params: { count } }),
  handler: async () => reindexAll(searchEngine()),
});

import { database } from "../db";
import { engineContract } from "./contract";
import { PgSearchEngine } from "./pg";

engineContract("postgres", () => new PgSearchEngine(database().raw, database().kind));

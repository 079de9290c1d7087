"use server";

import { actionsOf, discard } from "../actions";
import { assignProcess, saveProcess } from "./process-admin";
import { assignInput, processInput } from "./process-schemas";

const design = actionsOf("reporting.design");

export const saveProcessAction = design(processInput, discard(saveProcess), "common.state.saved");

export const assignProcessAction = design(assignInput, discard(assignProcess), "reporting.processes.assigned");

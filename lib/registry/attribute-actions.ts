"use server";

import { actionsOf, discard } from "../actions";
import { saveAttributeDefinition } from "./attributes";
import { attributeDefinitionInput } from "./attribute-schemas";

const manage = actionsOf("registry.attributes.manage");

export const saveAttributeDefinitionAction = manage(
  attributeDefinitionInput,
  discard(saveAttributeDefinition),
  "common.state.saved",
);

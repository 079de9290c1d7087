/**
 * A custom attribute's stored value as lists, cards and exports show it: yes/no in the reader's words, a
 * classifier item by its name. Pure module.
 */
import { localName } from "../names";
import type { AttributeDefinitionLike, AttributeValues } from "./attribute-schemas";

type Choices = Record<string, { code: string; nameKk: string; nameRu: string; nameEn: string }[]>;

/** A stored value as lists and cards show it. */
export function attributeText(
  def: Pick<AttributeDefinitionLike, "type" | "code">,
  value: AttributeValues[string] | undefined,
  choices: Choices,
  locale: string,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined) return "";
  if (def.type === "BOOLEAN") return value ? yesNo.yes : yesNo.no;
  if (def.type === "CHOICE") {
    const item = choices[def.code]?.find((i) => i.code === value);
    return item ? localName(item, locale) : String(value);
  }
  return String(value);
}

import type { Actor } from "@domain/schemas/common";
import { roleWords } from "@domain/words";

/**
 * Who did it, as staff read it: the person's name, or 系统（job） for the system. An entry that
 * recorded no name (a unit member's own write seen by a trigger) says the role, never the account id.
 */
export const actorName = (a: Actor) => (a.role === "system" ? `${roleWords.system}（${a.name ?? ""}）` : (a.name ?? roleWords[a.role]));

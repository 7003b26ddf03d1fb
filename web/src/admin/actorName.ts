import type { Actor } from "@domain/schemas/common";
import { roleWords } from "@domain/words";

/** Who did it, as staff read it: the person's name (or account), or 系统（job） for the system. */
export const actorName = (a: Actor) => (a.role === "system" ? `${roleWords.system}（${a.name ?? ""}）` : (a.name ?? a.uid));

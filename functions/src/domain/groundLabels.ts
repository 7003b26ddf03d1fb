// Plain-language Chinese wording of each ground, quoted from the regulations, for announcements
// (GZ-4.5 / DG-11: name and reason), notifications and the admin page.
import { groundWords } from "./words.js";

/** The regulation's words for a ground; the clause ID itself when it has none here. */
export function groundLabel(ground: string): string {
  return groundWords[ground] ?? ground;
}

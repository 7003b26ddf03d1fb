import type { ChangeApplication } from "@domain/schemas/change";
import { unitInfoFieldWords } from "@domain/words";

/** What a change application is about, in a few words: the partner or item, or the fields changed. */
export function changeSubject(payload: ChangeApplication["payload"]): string {
  switch (payload.type) {
    case "partnerAdd":
    case "catalogue":
      return payload.name;
    case "partnerRemove":
      return payload.reason;
    case "unitInfo":
      return payload.changes.map((c) => unitInfoFieldWords[c.field]).join("、");
  }
}

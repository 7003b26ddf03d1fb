import type { ChangeApplication } from "@domain/schemas/change";
import { unitInfoFieldWords } from "@domain/words";

/**
 * What a change application is about, in a few words: the partner or item, or the fields changed.
 * A removal names its partner by `partnerName` (the caller reads it; never the id) and its reason.
 */
export function changeSubject(payload: ChangeApplication["payload"], partnerName?: string): string {
  switch (payload.type) {
    case "partnerAdd":
    case "catalogue":
      return payload.name;
    case "partnerRemove":
      return partnerName ? `${partnerName}：${payload.reason}` : payload.reason;
    case "unitInfo":
      return payload.changes.map((c) => unitInfoFieldWords[c.field]).join("、");
  }
}

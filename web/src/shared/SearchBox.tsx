// Finding a unit or enterprise in a registry table by the start of its name or by its full
// unified social credit code: a code is looked up exactly, anything else as a name prefix (what a
// Firestore query can answer without a full-text index).
import { parseUscc } from "@domain/uscc";
import { Input } from "antd";
import { t } from "./strings";

/** What was typed, as the query needs it: an exact USCC, a name prefix, or nothing. */
export type Search = { uscc: string } | { prefix: string } | null;

export function searchOf(typed: string): Search {
  const term = typed.trim();
  if (!term) return null;
  // A code the registry would accept (format and check digit, domain/uscc.ts) is looked up exactly.
  const code = parseUscc(term.toUpperCase());
  return code.ok ? { uscc: code.value.code } : { prefix: term };
}

/** The end of a name-prefix range: every name that starts with `prefix` sorts before it. */
export const prefixEnd = (prefix: string) => `${prefix}\uf8ff`;

/** `label` says what the box can find: by default a name or a USCC; a name-only list says so. */
export function SearchBox({ onSearch, label = t.common.searchByNameOrUscc }: { onSearch: (typed: string) => void; label?: string }) {
  return <Input.Search allowClear aria-label={label} placeholder={label} style={{ width: 280 }} onSearch={onSearch} />;
}

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

export function SearchBox({ onSearch }: { onSearch: (typed: string) => void }) {
  return <Input.Search allowClear aria-label={t.common.searchByNameOrUscc} placeholder={t.common.searchByNameOrUscc} style={{ width: 280 }} onSearch={onSearch} />;
}

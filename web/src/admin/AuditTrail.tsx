// The audit trail of one record (GZ-2.1): who did what, when, under which clause, followed live.
// Entries are asked for by `entity`, the record's own path, which is what every writer of the
// log records (functions/src/store/audit.ts and its callers).
import { isIsoDate } from "@domain/dates";
import { isPeriodId } from "@domain/periods";
import { auditActionWord, dateWord, periodWord, recordFieldWords } from "@domain/words";
import { Alert, Tag, Timeline } from "antd";
import { limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, watchQuery, type Stored } from "../data/collections";
import { formatInstant } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";
import { actorName } from "./actorName";

/** The newest 50 entries of one record, newest first. */
export function useAuditTrail(programmeId: string, entity: string) {
  const [rows, setRows] = useState<Stored<"audit">[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    return watchQuery(query(collections.audit(programmeId), where("entity", "==", entity), orderBy("at", "desc"), limit(50)), setRows, (e) => setError(errorText(e)));
  }, [programmeId, entity]);
  return { rows, error };
}

/** What an entry says beyond its action: its note, or the comment a decision carried; dates in words. */
function remark(entry: Stored<"audit">): string | undefined {
  const after = entry.after as { comment?: unknown } | null | undefined;
  const text = entry.note ?? (typeof after?.comment === "string" ? after.comment : undefined);
  return text?.replace(/\d{4}-\d{2}-\d{2}/g, dateWord);
}

/** What an entry recorded, as a person reads it: field names in Chinese where known, dates and periods in words. */
function recordedWords(after: unknown): string {
  const value = (v: unknown): string => {
    // A bare year is not taken for a period: it may as well be an amount.
    if (typeof v === "string") return v.includes("-") && isPeriodId(v) ? periodWord(v) : isIsoDate(v) ? dateWord(v) : v;
    if (Array.isArray(v)) return v.map(value).join("、");
    if (v && typeof v === "object") return `（${recordedWords(v)}）`;
    return String(v);
  };
  if (!after || typeof after !== "object") return value(after);
  return Object.entries(after as Record<string, unknown>)
    // References to other records are ids, not words: the record they name has its own trail.
    .filter(([k, v]) => v !== undefined && v !== null && !/(^id|Ids?)$/.test(k))
    .map(([k, v]) => `${(recordFieldWords as Record<string, string>)[k] ?? k}：${value(v)}`)
    .join("；");
}

/**
 * The trail as a timeline. `changes` also prints each entry's recorded state after the action
 * (the registry's view of a record's fields); the review screen leaves it out.
 */
export function AuditTrail({ programmeId, entity, changes = false }: { programmeId: string; entity: string; changes?: boolean }) {
  const { rows, error } = useAuditTrail(programmeId, entity);
  if (error) return <Alert type="error" showIcon role="alert" title={error} />;
  if (rows === null) return null;
  if (rows.length === 0) return <p>{t.audit.empty}</p>;
  return (
    <Timeline
      data-testid="audit-trail"
      items={rows.map((r) => ({
        children: (
          <div>
            <strong>{auditActionWord(r.action)}</strong> {r.clause && <Tag color="blue">{r.clause}</Tag>}
            <div>
              {formatInstant(r.at)} · {actorName(r.actor)}
            </div>
            {remark(r) && <div>{remark(r)}</div>}
            {changes && r.after !== undefined && r.after !== null && <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>{recordedWords(r.after)}</div>}
          </div>
        ),
      }))}
    />
  );
}

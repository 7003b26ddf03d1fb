// GZ-4.4a.0 通报批评, as every unit of the programme (portal) and the public (notices page) read
// it: the unit, the ground in the regulation's words, the facts, the dates in words, and each
// decision on the rectification once taken (整改完成, 继续整改 with the new deadline, 取消牵引单位资格,
// 转入清退). Newest first.
import { currentOutcome } from "@domain/circulars";
import type { PublicCircular } from "@domain/schemas/proceeding";
import { circularOutcomeWord } from "@domain/words";
import { Card, Descriptions, Empty, Space, Tag } from "antd";
import { formatDate } from "./dates";
import { t } from "./strings";

const s = t.circulars;

/** Newest first: by the day issued, then by the moment published. */
export function newestFirst<C extends PublicCircular>(rows: C[]): C[] {
  const ms = (v: unknown) => (v instanceof Date ? v.getTime() : 0);
  return [...rows].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || ms(b.publishedAt) - ms(a.publishedAt));
}

export function CircularList({ circulars }: { circulars: (PublicCircular & { id: string })[] }) {
  if (circulars.length === 0) return <Empty description={s.none} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {newestFirst(circulars).map((c) => (
        <CircularCard key={c.id} circular={c} />
      ))}
    </Space>
  );
}

function CircularCard({ circular: c }: { circular: PublicCircular }) {
  const current = currentOutcome(c);
  return (
    <Card data-testid="circular" size="small" title={s.title(c.unitName)} extra={<Tag color={current ? (current.kind === "rectified" ? "green" : current.kind === "extended" ? "orange" : "red") : "orange"}>{current ? circularOutcomeWord(current) : s.pending}</Tag>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={s.ground}>{s.groundText(c.groundWord, c.ground)}</Descriptions.Item>
        <Descriptions.Item label={s.facts}>{c.facts.length ? c.facts.join("；") : t.common.none}</Descriptions.Item>
        <Descriptions.Item label={s.issuedOn}>{formatDate(c.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label={s.deadline}>{formatDate(c.rectificationDeadline)}</Descriptions.Item>
        <Descriptions.Item label={s.outcome}>
          {c.outcomes.length === 0 ? s.pending : c.outcomes.map((o) => <div key={`${o.kind}-${o.decidedOn}-${o.extendedTo ?? ""}`}>{s.outcomeLine(circularOutcomeWord(o), formatDate(o.decidedOn))}</div>)}
        </Descriptions.Item>
      </Descriptions>
      <div style={{ color: "rgba(0,0,0,0.55)", fontSize: 12 }}>{s.clause(c.clause)}</div>
    </Card>
  );
}

// What the application asks for, in the regulation's words: the changed items (before → after)
// and the licence's USCC for a change of the unit itself, the partner added or dropped, or the
// catalogue entry; and what the reviewer must check before deciding (DG-13: 在莞独立法人).
import { unitChangeWarnings } from "@domain/unitChangeReview";
import { catalogueActionWords, changeTypeWords, stateWords, unitInfoFieldWords } from "@domain/words";
import { Alert, Descriptions, Space, Table, Typography } from "antd";
import { formatDate } from "../../../shared/dates";
import { t } from "../../../shared/strings";
import { NameOf } from "../../names";
import type { ProgrammeView } from "../../useProgramme";
import type { ReviewedChange } from "./useChangeReview";

const s = t.changeReview;

function Payload({ programmeId, change }: { programmeId: string; change: ReviewedChange }) {
  const p = change.payload;
  switch (p.type) {
    case "unitInfo":
      return (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={p.changes}
            columns={[
              { title: s.item, render: (_, c) => unitInfoFieldWords[c.field] },
              { title: s.from, render: (_, c) => c.from || "—" },
              { title: s.to, dataIndex: "to" },
            ]}
          />
          <Descriptions size="small" column={1} items={[
            { key: "effectiveOn", label: s.effectiveOn, children: formatDate(p.effectiveOn) },
            { key: "uscc", label: s.licenceUscc, children: p.licenceUscc ?? s.notGiven },
          ]} />
        </Space>
      );
    case "partnerAdd":
      return <Descriptions size="small" column={1} items={[{ key: "name", label: s.partnerName, children: p.name }, { key: "uscc", label: s.partnerUscc, children: p.uscc }]} />;
    case "partnerRemove":
      return <Descriptions size="small" column={1} items={[{ key: "partner", label: s.partnerName, children: <NameOf programmeId={programmeId} kind="partners" id={p.partnerId} /> }, { key: "reason", label: s.removeReason, children: p.reason }]} />;
    case "catalogue":
      return (
        <Descriptions size="small" column={1} items={[
          { key: "action", label: s.catalogueAction, children: catalogueActionWords[p.action] },
          { key: "name", label: s.catalogueName, children: p.name },
          ...(p.category ? [{ key: "category", label: s.catalogueCategory, children: p.category }] : []),
        ]} />
      );
  }
}

export function ChangeFacts({ programme, change }: { programme: ProgrammeView; change: ReviewedChange }) {
  const warnings = unitChangeWarnings(change, programme.pack);
  return (
    <section aria-label={s.factsTitle}>
      <Typography.Title level={5}>{s.factsTitle}</Typography.Title>
      <Descriptions size="small" column={2} items={[
        { key: "type", label: s.type, children: changeTypeWords[change.type] },
        { key: "state", label: s.state, children: stateWords.change[change.state] },
        { key: "submittedOn", label: s.submittedOn, children: formatDate(change.submittedOn) },
        { key: "clause", label: s.clause, children: programme.pack.clauses.changeFiling[change.type] ?? "—" },
      ]} />
      <Payload programmeId={programme.id} change={change} />
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon role="alert" data-testid="change-warning" title={w} style={{ marginTop: 8 }} />
      ))}
    </section>
  );
}

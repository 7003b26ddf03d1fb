import { daysBetween } from "@domain/dates";
import { missingReportFields } from "@domain/reportChecks";
import { Alert, Button, Card, Col, Descriptions, Empty, Input, List, Row, Space, Statistic, Tag } from "antd";
import { collection, doc, getDoc, getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate, formatInstant, today } from "../shared/dates";
import { db } from "../shared/db";
import { call, errorText } from "../shared/call";
import { FileUpload } from "../shared/FileUpload";
import { t } from "../shared/strings";
import type { PortalContext } from "./usePortalData";

interface Proceeding {
  id: string;
  kind: string;
  state: string;
  ground: string;
  rectificationDeadline?: string;
}
interface Notification {
  id: string;
  title: string;
  body: string;
  createdAt: unknown;
}

export function UnitDashboard({ ctx }: { ctx: PortalContext }) {
  const { programmeId, unitId, unit, period, pack, calendar } = ctx;
  const [reportState, setReportState] = useState<string | null | undefined>(undefined);
  const [missing, setMissing] = useState<string[]>([]);
  const [criticisms, setCriticisms] = useState<Proceeding[]>([]);
  const [notes, setNotes] = useState<Notification[]>([]);
  const now = today();

  useEffect(() => {
    const pre = ["programmes", programmeId] as const;
    const load = async () => {
      const [proceedings, notifications] = await Promise.all([
        getDocs(query(collection(db, ...pre, "proceedings"), where("unitId", "==", unitId), where("kind", "==", "criticism"))),
        getDocs(query(collection(db, ...pre, "notifications"), where("toUnitId", "==", unitId), orderBy("createdAt", "desc"), limit(10))),
      ]);
      setCriticisms(proceedings.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Proceeding, "id">) })).filter((p) => ["issued", "responded", "overdue"].includes(p.state)));
      setNotes(notifications.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Notification, "id">) })));
      if (!period) return setReportState(null);
      const year = period.id.slice(0, 4);
      const [report, taskBook] = await Promise.all([getDoc(doc(db, ...pre, "reports", `${unitId}_${period.id}`)), getDoc(doc(db, ...pre, "taskBooks", `${unitId}_${year}`))]);
      const r = report.data();
      setReportState((r?.state as string | undefined) ?? null);
      const targets = (taskBook.data()?.targets ?? {}) as Record<string, number>;
      setMissing(missingReportFields(period.id, targets, { metrics: r?.metrics ?? {}, lagExplanation: r?.lagExplanation }, pack));
    };
    load().catch(() => setReportState(null));
  }, [programmeId, unitId, period, pack]);

  let workingDaysLeft: number | string = "—";
  if (period) {
    try {
      workingDaysLeft = calendar.workingDaysBetween(now, period.reportDeadline);
    } catch (err) {
      workingDaysLeft = (err as Error).message;
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={<span data-testid="unit-name">{unit.name}</span>}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t.uscc}>{unit.uscc}</Descriptions.Item>
            <Descriptions.Item label={t.status}>
              <Tag color={unit.status === "listed" ? "green" : "red"}>{t.unitStatus[unit.status] ?? unit.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.listedOn}>{formatDate(unit.listedOn)}</Descriptions.Item>
            <Descriptions.Item label={t.listedBatch}>{unit.batch}</Descriptions.Item>
            <Descriptions.Item label="所属专项">{ctx.programmeName}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={period ? `当前报送期：${period.id}` : "当前报送期"}>
          {period ? (
            <>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={`距报送截止（${formatDate(period.reportDeadline)}）自然日`} value={daysBetween(now, period.reportDeadline)} suffix="天" />
                </Col>
                <Col span={12}>
                  <Statistic title="其中工作日" value={workingDaysLeft} suffix={typeof workingDaysLeft === "number" ? "个" : undefined} />
                </Col>
              </Row>
              <p data-testid="report-state">报告状态：{reportState === undefined ? "…" : reportState === null ? "尚未填报" : (t.reportState[reportState] ?? reportState)}</p>
              {missing.length > 0 && reportState !== "submitted" && reportState !== "accepted" && <Alert type="warning" showIcon title="尚缺内容" description={missing.join("、")} />}
            </>
          ) : (
            <Empty description="目前没有开放的报送期" />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="通报批评与整改">
          {criticisms.length === 0 ? (
            <Empty description="无未结的通报批评" />
          ) : (
            <List
              dataSource={criticisms}
              renderItem={(c) => (
                <List.Item>
                  <Space direction="vertical" style={{ width: "100%" }}>
                    <List.Item.Meta title={`依据 ${c.ground} · ${t.proceedingState[c.state] ?? c.state}`} description={c.rectificationDeadline ? `整改期限：${formatDate(c.rectificationDeadline)}` : undefined} />
                    {c.state === "issued" && <RectificationResponse programmeId={programmeId} proceedingId={c.id} />}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="通知">
          {notes.length === 0 ? <Empty description="暂无通知" /> : <List dataSource={notes} renderItem={(n) => <List.Item><List.Item.Meta title={n.title} description={`${n.body}（${formatInstant(n.createdAt)}）`} /></List.Item>} />}
        </Card>
      </Col>
    </Row>
  );
}

/** The unit's answer to a criticism: the rectification report, before the deadline (GZ-4.4a). */
function RectificationResponse({ programmeId, proceedingId }: { programmeId: string; proceedingId: string }) {
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<{ type: "success" | "error"; text: string } | null>(null);
  async function send() {
    setResult(null);
    try {
      await call("respondToCriticism", { programmeId, proceedingId, documentId, note: note || undefined });
      setResult({ type: "success", text: "整改报告已提交，等待工作小组审核。" });
    } catch (err) {
      setResult({ type: "error", text: errorText(err) });
    }
  }
  if (result?.type === "success") return <Alert type="success" showIcon title={result.text} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <FileUpload label="上传整改报告" target={{ programmeId, targetType: "proceeding", targetId: proceedingId, kind: "rectificationReport" }} onUploaded={setDocumentId} />
      <Input.TextArea aria-label="整改说明" placeholder="整改说明（选填）" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      {result && <Alert type="error" showIcon role="alert" title={result.text} />}
      <Button type="primary" disabled={!documentId} onClick={send}>
        提交整改报告
      </Button>
    </Space>
  );
}

// Open and closed public notices (GZ-4.6.3, DG-14), clear-out announcements (GZ-4.5, DG-11) and
// every published version of the partner list, catalogue and unit change list (DG-13, DG-14).
// Anyone may file an objection while a notice is open; it goes to the work group, never public.
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Tabs, Tag } from "antd";
import { collection, getDocs, limit, orderBy, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";
import { formatDate, formatInstant } from "../shared/dates";
import { db } from "../shared/db";
import { PublishedLists } from "../shared/PublishedLists";
import { t } from "../shared/strings";

interface Notice {
  id: string;
  programmeId: string;
  title: string;
  state: string;
  startsOn: string;
  endsOn: string;
  items: { changeId: string; unitName: string; summary: string }[];
}
interface Announcement {
  id: string;
  unitName: string;
  uscc: string;
  ground: string;
  reason: string;
  effectiveOn: string;
  publishedAt: unknown;
}

const PROGRAMMES = [
  { id: "gz-2025", label: "广州" },
  { id: "dg-2025", label: "东莞" },
];

export default function NoticesPage() {
  const [programmeId, setProgrammeId] = useState(new URLSearchParams(window.location.search).get("p") ?? PROGRAMMES[0]!.id);
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [announcements, setAnnouncements] = useState<Announcement[] | null>(null);

  useEffect(() => {
    const pre = ["programmes", programmeId] as const;
    getDocs(query(collection(db, ...pre, "notices"), where("state", "in", ["open", "closed"]), limit(50))).then(
      (snap) => setNotices(snap.docs.map((d) => ({ id: d.id, programmeId, ...(d.data() as Omit<Notice, "id" | "programmeId">) })).sort((a, b) => b.startsOn.localeCompare(a.startsOn))),
      () => setNotices([]),
    );
    getDocs(query(collection(db, ...pre, "announcements"), orderBy("publishedAt", "desc"), limit(50))).then(
      (snap) => setAnnouncements(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Announcement, "id">) }))),
      () => setAnnouncements([]),
    );
  }, [programmeId]);

  return (
    <Space direction="vertical" style={{ width: "100%", maxWidth: 960, margin: "0 auto", display: "flex" }}>
      <Space>
        <span>城市</span>
        <Select aria-label="选择城市" value={programmeId} onChange={setProgrammeId} options={PROGRAMMES.map((p) => ({ value: p.id, label: p.label }))} />
      </Space>
      <Tabs
        items={[
          {
            key: "notices",
            label: "变更公示",
            children:
              notices === null ? null : notices.length === 0 ? (
                <Empty description="暂无公示" />
              ) : (
                notices.map((n) => <NoticeCard key={n.id} notice={n} />)
              ),
          },
          {
            key: "announcements",
            label: "清退公告",
            children:
              announcements === null ? null : announcements.length === 0 ? (
                <Empty description="暂无公告" />
              ) : (
                <List
                  dataSource={announcements}
                  renderItem={(a) => (
                    <List.Item data-testid="announcement">
                      <List.Item.Meta
                        title={`${a.unitName}（${a.uscc}）予以清退，不得重新申请纳入`}
                        description={`清退原因：${a.reason}（依据 ${a.ground}）；生效日期：${formatDate(a.effectiveOn)}；发布时间：${formatInstant(a.publishedAt)}`}
                      />
                    </List.Item>
                  )}
                />
              ),
          },
          { key: "lists", label: "名单公布", children: <PublishedLists key={programmeId} programmeId={programmeId} /> },
        ]}
      />
    </Space>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const [showForm, setShowForm] = useState(false);
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<Space>{notice.title}<Tag color={notice.state === "open" ? "orange" : "default"}>{t.noticeState[notice.state]}</Tag></Space>}
      extra={`公示期：${formatDate(notice.startsOn)} 至 ${formatDate(notice.endsOn)}`}
    >
      <List size="small" dataSource={notice.items} renderItem={(i) => <List.Item>{`${i.unitName}：${i.summary}`}</List.Item>} />
      {notice.state === "open" && (showForm ? <ObjectionForm notice={notice} /> : <Button onClick={() => setShowForm(true)}>对本公示提出异议</Button>)}
    </Card>
  );
}

function ObjectionForm({ notice }: { notice: Notice }) {
  const [result, setResult] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { changeId?: string; name?: string; contact?: string; text: string }) {
    setBusy(true);
    setResult(null);
    try {
      await call("fileObjection", { programmeId: notice.programmeId, noticeId: notice.id, changeId: v.changeId || undefined, name: v.name || undefined, contact: v.contact || undefined, text: v.text });
      setResult({ type: "success", text: "异议已提交，工作小组将依法核查处理。感谢您的监督。" });
    } catch (err) {
      setResult({ type: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }
  if (result?.type === "success") return <Alert type="success" showIcon title={result.text} role="status" />;
  return (
    <Form layout="vertical" onFinish={submit} style={{ maxWidth: 560, marginTop: 16 }}>
      <Form.Item label="针对的公示事项" name="changeId">
        <Select allowClear placeholder="整批公示" options={notice.items.map((i) => ({ value: i.changeId, label: `${i.unitName}：${i.summary}` }))} />
      </Form.Item>
      <Form.Item label="姓名或单位" name="name">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="联系方式" name="contact">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="异议内容" name="text" rules={[{ required: true, message: "请填写异议内容" }, { max: 5000, message: "异议内容不能超过 5000 个字" }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      {result && <Alert type="error" showIcon role="alert" title={result.text} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        提交异议
      </Button>
    </Form>
  );
}


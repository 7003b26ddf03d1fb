// Published partner lists, catalogues and unit change lists (GZ-4.6.3, DG-13, DG-14): every
// version stays readable; each shows what it added, removed or changed against the one before.
// Readable by anyone (firestore.rules): the public page and the admin page both use this; the
// admin page adds an export button per version.
import { diffList, type PublishedListKind } from "@domain/listDiff";
import { Card, Descriptions, Drawer, Segmented, Space, Table, Tag, Typography } from "antd";
import { collection, doc, getDoc, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { formatDate } from "./dates";
import { db } from "./db";
import { PagedTable } from "./PagedTable";
import { t } from "./strings";
import { usePagedQuery } from "./usePagedQuery";

type Entry = Record<string, unknown> & { unitName: string };
interface Version {
  id: string;
  version: number;
  publishedOn: string;
  clause: string;
  noticeId?: string;
  changeIds: string[];
  entries: Entry[];
}

const COLLECTION: Record<PublishedListKind, string> = { partners: "partnerLists", catalogue: "catalogueLists", unitChanges: "unitChangeLists" };

const price = (e: Entry) => `${Number(e.priceMin).toLocaleString("zh-CN")}–${Number(e.priceMax).toLocaleString("zh-CN")} 元`;
const columnsOf = (kind: PublishedListKind) =>
  kind === "partners"
    ? [
        { title: "牵引单位", render: (_: unknown, e: Entry) => e.unitName },
        { title: "合作伙伴", render: (_: unknown, e: Entry) => String(e.name) },
        { title: t.uscc, render: (_: unknown, e: Entry) => String(e.uscc) },
      ]
    : kind === "catalogue"
      ? [
          { title: "牵引单位", render: (_: unknown, e: Entry) => e.unitName },
          { title: "产品或服务", render: (_: unknown, e: Entry) => String(e.name) },
          { title: "类别", render: (_: unknown, e: Entry) => String(e.category) },
          { title: "价格区间", render: (_: unknown, e: Entry) => price(e) },
        ]
      : [
          { title: "牵引单位", render: (_: unknown, e: Entry) => e.unitName },
          { title: "变更事项", render: (_: unknown, e: Entry) => (e.changes as { field: string; to: string }[]).map((c) => `${t.unitInfoField[c.field] ?? c.field}：${c.to}`).join("；") },
          { title: "批准日期", render: (_: unknown, e: Entry) => formatDate(String(e.approvedOn)) },
        ];

export function PublishedLists({ programmeId, extra }: { programmeId: string; extra?: (kind: PublishedListKind, version: number) => React.ReactNode }) {
  const [kind, setKind] = useState<PublishedListKind>("partners");
  const [open, setOpen] = useState<Version | null>(null);
  const versions = usePagedQuery<Version>(query(collection(db, "programmes", programmeId, COLLECTION[kind]), orderBy("version", "desc")), `${programmeId}-${kind}`, 10);
  return (
    <Card size="small" title={t.publishedListsTitle}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Segmented<PublishedListKind> aria-label="名单类别" value={kind} onChange={setKind} options={(Object.keys(COLLECTION) as PublishedListKind[]).map((k) => ({ value: k, label: t.listKind[k] }))} />
        <PagedTable<Version>
          page={versions}
          emptyText="尚未发布"
          columns={[
            { title: "版本", render: (_, v) => `第 ${v.version} 版` },
            { title: "发布日期", render: (_, v) => formatDate(v.publishedOn) },
            { title: "依据", render: (_, v) => <Tag color="blue">{v.clause}</Tag> },
            { title: "条目数", render: (_, v) => v.entries.length },
            {
              title: "操作",
              render: (_, v) => (
                <Space>
                  <a role="button" tabIndex={0} onClick={() => setOpen(v)} onKeyDown={(e) => e.key === "Enter" && setOpen(v)}>
                    查看
                  </a>
                  {extra?.(kind, v.version)}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={760} title={open ? `${t.listKind[kind]} · 第 ${open.version} 版` : ""}>
        {open && <VersionDetail programmeId={programmeId} kind={kind} version={open} />}
      </Drawer>
    </Card>
  );
}

function VersionDetail({ programmeId, kind, version }: { programmeId: string; kind: PublishedListKind; version: Version }) {
  const [previous, setPrevious] = useState<Entry[] | null>(null);
  useEffect(() => {
    if (version.version <= 1) return setPrevious([]);
    getDoc(doc(db, "programmes", programmeId, COLLECTION[kind], String(version.version - 1))).then(
      (snap) => setPrevious(((snap.data()?.entries as Entry[] | undefined) ?? [])),
      () => setPrevious([]),
    );
  }, [programmeId, kind, version.version]);
  const diff = previous ? diffList(kind, previous, version.entries) : null;
  const columns = columnsOf(kind);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="发布日期">{formatDate(version.publishedOn)}</Descriptions.Item>
        <Descriptions.Item label="依据">{version.clause}</Descriptions.Item>
        <Descriptions.Item label="公示批次">{version.noticeId ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="所含变更申请">{version.changeIds.length}</Descriptions.Item>
      </Descriptions>
      {diff && (
        <div data-testid="version-diff">
          <Typography.Title level={5}>与上一版相比</Typography.Title>
          <Space wrap>
            <Tag color="green">新增 {diff.added.length}</Tag>
            <Tag color="red">移出 {diff.removed.length}</Tag>
            <Tag color="orange">内容变化 {diff.changed.length}</Tag>
            <Tag>未变 {diff.unchanged}</Tag>
          </Space>
          {diff.added.length > 0 && <Table<Entry> caption="新增" rowKey={(_e, i) => `a${i}`} size="small" pagination={false} dataSource={diff.added} columns={columns} />}
          {diff.removed.length > 0 && <Table<Entry> caption="移出" rowKey={(_e, i) => `r${i}`} size="small" pagination={false} dataSource={diff.removed} columns={columns} />}
          {diff.changed.length > 0 && <Table<Entry> caption="内容变化（变化后）" rowKey={(_e, i) => `c${i}`} size="small" pagination={false} dataSource={diff.changed.map((c) => c.after)} columns={columns} />}
        </div>
      )}
      <Typography.Title level={5}>本版全部条目（{version.entries.length}）</Typography.Title>
      <Table<Entry> rowKey={(_e, i) => String(i)} size="small" dataSource={version.entries} columns={columns} pagination={{ pageSize: 20, showSizeChanger: false }} />
    </Space>
  );
}

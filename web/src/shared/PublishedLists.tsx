// Published partner lists, catalogues and unit change lists (GZ-4.6.3, DG-13, DG-14): every
// version stays readable; each shows what it added, removed or changed against the one before.
// Readable by anyone (firestore.rules): the public page and the admin page both use this; the
// admin page adds an export button per version.
import { diffList, type PublishedListKind } from "@domain/listDiff";
import type { CatalogueList, PartnerList, UnitChangeList } from "@domain/schemas/lists";
import { listKindWords, nouns, unitInfoFieldWords } from "@domain/words";
import { Card, Descriptions, Drawer, Segmented, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { doc, getDoc, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, publishedLists, type PublishedListVersion, type WithId } from "../data/collections";
import { env } from "./env";
import { formatDate } from "./dates";
import { PagedTable } from "./PagedTable";
import { t } from "./strings";
import { usePagedQuery } from "./usePagedQuery";

const s = t.publishedLists;
type Version = WithId<PublishedListVersion>;
type Entry = PublishedListVersion["entries"][number];
const KINDS = Object.keys(listKindWords) as PublishedListKind[];

const unitColumn = { title: nouns.unit, render: (_: unknown, e: Entry) => e.unitName };
const COLUMNS = {
  partners: [unitColumn, { title: nouns.partner, render: (_, e) => (e as PartnerList["entries"][number]).name }, { title: nouns.uscc, render: (_, e) => (e as PartnerList["entries"][number]).uscc }],
  catalogue: [
    unitColumn,
    { title: nouns.catalogueItem, render: (_, e) => (e as CatalogueList["entries"][number]).name },
    { title: nouns.category, render: (_, e) => (e as CatalogueList["entries"][number]).category },
    { title: nouns.priceRange, render: (_, e) => s.price((e as CatalogueList["entries"][number]).priceMin, (e as CatalogueList["entries"][number]).priceMax) },
  ],
  unitChanges: [
    unitColumn,
    { title: s.changes, render: (_, e) => (e as UnitChangeList["entries"][number]).changes.map((c) => `${unitInfoFieldWords[c.field]}：${c.to}`).join("；") },
    { title: s.approvedOn, render: (_, e) => formatDate((e as UnitChangeList["entries"][number]).approvedOn) },
  ],
} satisfies Record<PublishedListKind, ColumnsType<Entry>>;

export function PublishedLists({ programmeId, extra }: { programmeId: string; extra?: (kind: PublishedListKind, version: number) => React.ReactNode }) {
  const [kind, setKind] = useState<PublishedListKind>("partners");
  const [open, setOpen] = useState<Version | null>(null);
  const versions = usePagedQuery(query(publishedLists(programmeId, kind), orderBy("version", "desc")), `${programmeId}-${kind}`, 10);
  return (
    <Card size="small" title={s.title}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Segmented<PublishedListKind> aria-label={s.kind} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: listKindWords[k] }))} />
        <PagedTable
          page={versions}
          emptyText={s.empty}
          columns={[
            { title: s.version, render: (_, v) => t.common.version(v.version) },
            { title: s.publishedOn, render: (_, v) => formatDate(v.publishedOn) },
            { title: s.clause, render: (_, v) => <Tag color="blue">{v.clause}</Tag> },
            { title: s.entries, render: (_, v) => v.entries.length },
            {
              title: t.common.actions,
              render: (_, v) => (
                <Space>
                  <a role="button" tabIndex={0} onClick={() => setOpen(v)} onKeyDown={(e) => e.key === "Enter" && setOpen(v)}>
                    {s.view}
                  </a>
                  {extra ? extra(kind, v.version) : <a href={publicFileUrl(programmeId, kind, v.version)} download>{s.download}</a>}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={760} title={open ? `${listKindWords[kind]} · ${t.common.version(open.version)}` : ""}>
        {open && <VersionDetail programmeId={programmeId} kind={kind} version={open} />}
      </Drawer>
    </Card>
  );
}

/** The version as an Excel attachment, for anyone (functions: publishedListFile); staff export through their audited button instead. */
const publicFileUrl = (programmeId: string, kind: PublishedListKind, version: number) =>
  `${env.functionsBase}/publishedListFile?${new URLSearchParams({ p: programmeId, list: kind, v: String(version) })}`;

/** The notice a version came out of, by its title (never its id); "—" for a version published without one. */
function useNoticeTitle(programmeId: string, noticeId: string | undefined) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (!noticeId) return;
    getDoc(doc(collections.notices(programmeId), noticeId))
      .then((snap) => snap.data()?.title ?? null)
      .catch(() => null)
      .then(setTitle);
  }, [programmeId, noticeId]);
  return noticeId ? (title ?? "…") : "—";
}

function VersionDetail({ programmeId, kind, version }: { programmeId: string; kind: PublishedListKind; version: Version }) {
  const [previous, setPrevious] = useState<Entry[] | null>(null);
  useEffect(() => {
    if (version.version <= 1) return setPrevious([]);
    getDoc(doc(publishedLists(programmeId, kind), String(version.version - 1)))
      .then((snap) => snap.data()?.entries ?? [])
      .catch(() => [])
      .then(setPrevious);
  }, [programmeId, kind, version.version]);
  const noticeTitle = useNoticeTitle(programmeId, version.noticeId);
  const diff = previous ? diffList<Entry>(kind, previous, version.entries) : null;
  const columns = COLUMNS[kind];
  const table = (caption: string, key: string, rows: Entry[]) => rows.length > 0 && <Table<Entry> caption={caption} rowKey={(_e, i) => `${key}${i}`} size="small" pagination={false} dataSource={rows} columns={columns} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={s.publishedOn}>{formatDate(version.publishedOn)}</Descriptions.Item>
        <Descriptions.Item label={s.clause}>{version.clause}</Descriptions.Item>
        <Descriptions.Item label={s.notice}>{noticeTitle}</Descriptions.Item>
        <Descriptions.Item label={s.changeCount}>{version.changeIds.length}</Descriptions.Item>
        {version.basis && (
          <Descriptions.Item label={s.basis} span={2}>
            {version.basis}
          </Descriptions.Item>
        )}
      </Descriptions>
      {diff && (
        <div data-testid="version-diff">
          <Typography.Title level={5}>{s.againstPrevious}</Typography.Title>
          <Space wrap>
            <Tag color="green">{s.added} {diff.added.length}</Tag>
            <Tag color="red">{s.removed} {diff.removed.length}</Tag>
            <Tag color="orange">{s.changed} {diff.changed.length}</Tag>
            <Tag>{s.unchanged} {diff.unchanged}</Tag>
          </Space>
          {table(s.added, "a", diff.added)}
          {table(s.removed, "r", diff.removed)}
          {table(s.changedAfter, "c", diff.changed.map((c) => c.after))}
        </div>
      )}
      <Typography.Title level={5}>{s.allEntries(version.entries.length)}</Typography.Title>
      <Table<Entry> rowKey={(_e, i) => String(i)} size="small" dataSource={version.entries} columns={columns} pagination={{ pageSize: 20, showSizeChanger: false }} />
    </Space>
  );
}

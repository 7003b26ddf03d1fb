// The one way a Firestore-paged list is shown: a compact table of the current page, the query's
// error if it failed, and previous / next underneath.
import { Alert, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { WithId } from "../data/converter";
import { Pager } from "./Pager";
import type { Page } from "./usePagedQuery";

export function PagedTable<T>({ page, columns, emptyText, onRowClick }: { page: Page<T>; columns: ColumnsType<WithId<T>>; emptyText?: string; onRowClick?: (row: WithId<T>) => void }) {
  return (
    <>
      {page.error && <Alert type="error" showIcon title={page.error} />}
      <Table<WithId<T>>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.rows}
        pagination={false}
        columns={columns}
        locale={emptyText ? { emptyText } : undefined}
        onRow={onRowClick ? (r) => ({ onClick: () => onRowClick(r) }) : undefined}
      />
      <Pager page={page} />
    </>
  );
}

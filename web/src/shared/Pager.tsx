import { Button, Space, Typography } from "antd";
import { t } from "./strings";
import type { Page } from "./usePagedQuery";

/** Previous / next for a cursor-paged table, with where the reader is: 第 2 页，共 5 页（共 96 条）. */
export function Pager({ page }: { page: Pick<Page<unknown>, "pageIndex" | "hasNext" | "prev" | "next"> & Partial<Pick<Page<unknown>, "total" | "pageSize">> }) {
  const pages = page.total != null && page.pageSize ? Math.max(1, Math.ceil(page.total / page.pageSize)) : null;
  return (
    <Space style={{ marginTop: 8 }}>
      <Button size="small" disabled={page.pageIndex === 0} onClick={page.prev}>
        {t.common.prev}
      </Button>
      <Button size="small" disabled={!page.hasNext} onClick={page.next}>
        {t.common.next}
      </Button>
      {pages !== null && <Typography.Text type="secondary" data-testid="page-count">{t.common.pageOf(page.pageIndex + 1, pages, page.total!)}</Typography.Text>}
    </Space>
  );
}

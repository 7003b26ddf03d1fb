import { Button, Space } from "antd";
import { t } from "./strings";
import type { Page } from "./usePagedQuery";

/** Previous / next for a cursor-paged table. */
export function Pager({ page }: { page: Pick<Page<unknown>, "pageIndex" | "hasNext" | "prev" | "next"> }) {
  return (
    <Space style={{ marginTop: 8 }}>
      <Button size="small" disabled={page.pageIndex === 0} onClick={page.prev}>
        {t.common.prev}
      </Button>
      <Button size="small" disabled={!page.hasNext} onClick={page.next}>
        {t.common.next}
      </Button>
    </Space>
  );
}

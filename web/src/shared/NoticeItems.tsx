import type { Notice } from "@domain/schemas/change";
import { List } from "antd";

type Item = Notice["items"][number];

/** One item of a public notice as it is published: the unit, then what is noticed. */
export const noticeItemText = (i: Item) => `${i.unitName}：${i.summary}`;

/** The items of a public notice (GZ-4.6.3, DG-14), as staff and the public read them. */
export function NoticeItems({ items }: { items: Item[] }) {
  return <List size="small" dataSource={items} renderItem={(i) => <List.Item>{noticeItemText(i)}</List.Item>} />;
}

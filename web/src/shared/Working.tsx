// What a long server step is doing while the person waits (checking a file, writing rows), said
// in words beside a spinner and announced to screen readers; nothing when idle.
import { Spin } from "antd";

export function Working({ text, testId }: { text: string | false; testId?: string }) {
  if (!text) return null;
  return (
    <span role="status" data-testid={testId}>
      <Spin size="small" /> {text}
    </span>
  );
}

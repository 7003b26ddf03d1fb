import { Alert } from "antd";

export type OutcomeMessage = { type: "error" | "success"; text: string } | null;

/** What a form's action came to: success, or the refusal read aloud by screen readers. */
export function Outcome({ message }: { message: OutcomeMessage }) {
  if (!message) return null;
  return <Alert style={{ marginTop: 8 }} type={message.type} showIcon title={message.text} role={message.type === "error" ? "alert" : undefined} />;
}

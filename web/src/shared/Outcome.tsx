import { Alert } from "antd";
import { useState } from "react";
import { errorText } from "./errorText";

export type OutcomeMessage = { type: "error" | "success"; text: string } | null;

/** What a form's action came to: success, or the refusal read aloud by screen readers. */
export function Outcome({ message }: { message: OutcomeMessage }) {
  if (!message) return null;
  return <Alert style={{ marginTop: 8 }} type={message.type} showIcon title={message.text} role={message.type === "error" ? "alert" : undefined} />;
}

/**
 * The one way a form runs its action: busy while it runs, then the success sentence the action
 * returns (none: nothing to say) or the refusal as one Chinese sentence.
 */
export function useOutcome() {
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<string | void>) {
    setBusy(true);
    setMessage(null);
    try {
      const text = await action();
      if (text) setMessage({ type: "success", text });
    } catch (err) {
      setMessage({ type: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }
  return { message, busy, run, clear: () => setMessage(null) };
}

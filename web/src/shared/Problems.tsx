// A form's problems found before sending, each a Chinese sentence, read out by screen readers.
import { Alert } from "antd";

export function Problems({ problems, title, testId }: { problems: string[]; title: string; testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}

import { Alert, Button, Card, Form, Input } from "antd";
import { signInWithEmailAndPassword } from "firebase/auth";
import { useState } from "react";
import { auth } from "./firebase";
import { t } from "./strings";

interface Values {
  email: string;
  password: string;
}

/** Email + password sign-in, shared by the portal and the admin page. */
export function SignIn({ title }: { title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFinish(v: Values) {
    setBusy(true);
    setError(null);
    try {
      await signInWithEmailAndPassword(auth, v.email.trim(), v.password);
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      setError(/invalid-credential|wrong-password|user-not-found|invalid-email/.test(code) ? t.session.signInFailed : t.session.signInError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={title} style={{ maxWidth: 420, margin: "64px auto" }}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark>
        <Form.Item label={t.session.email} name="email" rules={[{ required: true, message: t.session.emailRequired }, { type: "email", message: t.session.emailInvalid }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={t.session.password} name="password" rules={[{ required: true, message: t.session.passwordRequired }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.session.signIn}
        </Button>
      </Form>
    </Card>
  );
}

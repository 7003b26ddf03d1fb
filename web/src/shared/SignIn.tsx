// Email + password sign-in, shared by the portal and the admin page: a plain form (no Ant Design,
// see Shell.tsx) that works by keyboard, says what is missing in Chinese, and never reveals
// whether an address has an account.
import { signInWithEmailAndPassword } from "firebase/auth";
import { useId, useState } from "react";
import { auth } from "./firebase";
import { t } from "./strings";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const card: React.CSSProperties = { maxWidth: 420, margin: "64px auto", background: "#fff", borderRadius: 8, border: "1px solid #f0f0f0", padding: 24 };
const field: React.CSSProperties = { display: "block", width: "100%", boxSizing: "border-box", font: "inherit", padding: "6px 11px", marginTop: 8, borderRadius: 6, border: "1px solid #d9d9d9" };
const submit: React.CSSProperties = { width: "100%", font: "inherit", padding: "7px 15px", borderRadius: 6, border: 0, background: "#0958d9", color: "#fff", cursor: "pointer" };
const problem: React.CSSProperties = { color: "#cf1322", margin: "4px 0 0" };

/** What is wrong with the typed values, field by field (nothing when both are fine). */
function check(email: string, password: string): { email?: string; password?: string } {
  return {
    ...(email.trim() === "" ? { email: t.session.emailRequired } : EMAIL.test(email.trim()) ? {} : { email: t.session.emailInvalid }),
    ...(password === "" ? { password: t.session.passwordRequired } : {}),
  };
}

export function SignIn({ title }: { title: string }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = check(email, password);
    setProblems(found);
    if (found.email || found.password) return;
    setBusy(true);
    setError(null);
    try {
      await signInWithEmailAndPassword(auth, email.trim(), password);
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      setError(/invalid-credential|wrong-password|user-not-found|invalid-email/.test(code) ? t.session.signInFailed : t.session.signInError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section style={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} style={{ margin: "0 0 16px", fontSize: 16, fontWeight: 600 }}>
        {title}
      </h2>
      {error && (
        <p role="alert" style={{ ...problem, margin: "0 0 16px", padding: "8px 12px", background: "#fff2f0", border: "1px solid #ffccc7", borderRadius: 6 }}>
          {error}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <div style={{ marginBottom: 16 }}>
          <label htmlFor={`${id}-email`}>{t.session.email}</label>
          <input id={`${id}-email`} style={field} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!problems.email} aria-describedby={problems.email ? `${id}-email-problem` : undefined} />
          {problems.email && <p id={`${id}-email-problem`} role="alert" style={problem}>{problems.email}</p>}
        </div>
        <div style={{ marginBottom: 24 }}>
          <label htmlFor={`${id}-password`}>{t.session.password}</label>
          <input id={`${id}-password`} style={field} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!problems.password} aria-describedby={problems.password ? `${id}-password-problem` : undefined} />
          {problems.password && <p id={`${id}-password-problem`} role="alert" style={problem}>{problems.password}</p>}
        </div>
        <button type="submit" style={{ ...submit, opacity: busy ? 0.7 : 1 }} disabled={busy}>
          {t.session.signIn}
        </button>
      </form>
    </section>
  );
}

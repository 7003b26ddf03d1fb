// Page frame: the title bar with the signed-in user and 退出登录, and the page under it. Plain
// elements, no Ant Design: the frame and the sign-in form are all a visitor downloads before
// signing in (first load ≤ 200 KiB gzip, docs/benchmarks.md); the signed-in pages bring Ant
// Design with them, inside AntProvider.
import { signOut } from "firebase/auth";
import type { ReactNode } from "react";
import { auth } from "./firebase";
import { t } from "./strings";

const bar: React.CSSProperties = { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: 8, minHeight: 64, padding: "8px 24px", background: "#001529", color: "#fff" };
const title: React.CSSProperties = { margin: 0, fontSize: 20, fontWeight: 600, lineHeight: 1.4, color: "#fff" };
const signOutButton: React.CSSProperties = { font: "inherit", fontSize: 14, padding: "4px 15px", borderRadius: 6, border: "1px solid #d9d9d9", background: "#fff", color: "rgba(0,0,0,0.88)", cursor: "pointer" };

/** Title bar, optional signed-in user with a sign-out button, and the page. */
export function Shell({ title: heading, userName, children }: { title: string; userName?: string; children: ReactNode }) {
  return (
    // The page is the frame: no browser margin around it (Ant Design's reset arrives only later).
    <div style={{ minHeight: "100vh", background: "#f5f5f5", fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif", fontSize: 14, color: "rgba(0,0,0,0.88)" }}>
      <header style={bar}>
        <h1 style={title}>{heading}</h1>
        {userName && (
          <span style={{ display: "inline-flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
            <span>{t.session.signedInAs(userName)}</span>
            <button type="button" style={signOutButton} onClick={() => signOut(auth)}>
              {t.session.signOut}
            </button>
          </span>
        )}
      </header>
      <main style={{ padding: 24 }}>{children}</main>
      <style>{"body { margin: 0; }"}</style>
    </div>
  );
}

/** A line of status while something loads (no spinner library needed). */
export function Loading() {
  return (
    <p role="status" style={{ color: "rgba(0,0,0,0.65)" }}>
      {t.common.loading}
    </p>
  );
}

/** A message that stops the page (no access), in the frame's plain style. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="alert" style={{ maxWidth: 640, padding: "9px 16px", border: "1px solid #ffe58f", background: "#fffbe6", borderRadius: 8 }}>
      {children}
    </div>
  );
}

import { lazy, Suspense, type ReactNode } from "react";
import { Loading, Shell } from "../shared/Shell";
import { t } from "../shared/strings";

// The landing page is plain; each public page loads with Ant Design's frame when opened.
const AntProvider = lazy(() => import("../shared/AntProvider").then((m) => ({ default: m.AntProvider })));
const NoticesPage = lazy(() => import("./NoticesPage"));
const SurveyPage = lazy(() => import("./SurveyPage"));
const VerifyPage = lazy(() => import("./VerifyPage"));

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Shell title={title}>
      <Suspense fallback={<Loading />}>
        <AntProvider>{children}</AntProvider>
      </Suspense>
    </Shell>
  );
}

/** Public pages: the landing page, /notices (公示与公告), /survey/:token (满意度评价) and /verify?d= (决定文书核验). */
export function PublicApp() {
  const path = window.location.pathname;
  const survey = /^\/survey\/([^/]+)\/?$/.exec(path);
  if (survey) return <Page title={t.survey.pageTitle}><SurveyPage token={decodeURIComponent(survey[1]!)} /></Page>;
  if (path.startsWith("/verify")) return <Page title={t.decisionDocuments.verifyTitle}><VerifyPage /></Page>;
  if (path.startsWith("/notices")) return <Page title={t.app.publicTitle}><NoticesPage /></Page>;
  return (
    <Shell title={t.app.name}>
      <section style={{ maxWidth: 720, margin: "32px auto", background: "#fff", borderRadius: 8, border: "1px solid #f0f0f0", padding: 24 }}>
        <p style={{ marginTop: 0 }}>{t.app.publicIntro}</p>
        <nav style={{ display: "flex", gap: 24, flexWrap: "wrap" }}>
          <a href="/portal" style={{ color: "#0958d9" }}>{t.app.enterPortal}</a>
          <a href="/admin" style={{ color: "#0958d9" }}>{t.app.enterAdmin}</a>
          <a href="/notices" style={{ color: "#0958d9" }}>{t.app.publicTitle}</a>
        </nav>
      </section>
    </Shell>
  );
}

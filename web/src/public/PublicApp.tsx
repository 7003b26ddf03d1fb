import { Card, Space, Typography } from "antd";
import { lazy, Suspense } from "react";
import { Shell } from "../shared/Shell";
import { t } from "../shared/strings";

const NoticesPage = lazy(() => import("./NoticesPage"));
const SurveyPage = lazy(() => import("./SurveyPage"));
const VerifyPage = lazy(() => import("./VerifyPage"));

/** Public pages: the landing page, /notices (公示与公告), /survey/:token (满意度评价) and /verify?d= (决定文书核验). */
export function PublicApp() {
  const path = window.location.pathname;
  const survey = /^\/survey\/([^/]+)\/?$/.exec(path);
  if (survey) return <Shell title={t.survey.pageTitle}><Suspense fallback={null}><SurveyPage token={decodeURIComponent(survey[1]!)} /></Suspense></Shell>;
  if (path.startsWith("/verify")) return <Shell title={t.decisionDocuments.verifyTitle}><Suspense fallback={null}><VerifyPage /></Suspense></Shell>;
  if (path.startsWith("/notices")) return <Shell title={t.app.publicTitle}><Suspense fallback={null}><NoticesPage /></Suspense></Shell>;
  return (
    <Shell title={t.app.name}>
      <Card style={{ maxWidth: 720, margin: "32px auto" }}>
        <Typography.Paragraph>{t.app.publicIntro}</Typography.Paragraph>
        <Space size="large">
          <a href="/portal">{t.app.enterPortal}</a>
          <a href="/admin">{t.app.enterAdmin}</a>
          <a href="/notices">{t.app.publicTitle}</a>
        </Space>
      </Card>
    </Shell>
  );
}

import { Alert, Spin, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { ProgrammeClosedBanner } from "../shared/ProgrammeClosedBanner";
import { UnitDashboard } from "./UnitDashboard";
import { usePortalContext } from "./usePortalData";

// The forms are loaded only when their tab is opened, so the dashboard stays light.
const ReportForm = lazy(() => import("./ReportForm"));
const ChangeApplications = lazy(() => import("./ChangeApplications"));
const AdvanceNotices = lazy(() => import("./AdvanceNotices"));

export default function Portal({ programmeId, unitId }: { programmeId: string; unitId: string }) {
  const ctx = usePortalContext(programmeId, unitId);
  if (ctx.state === "loading") return <Spin />;
  if (ctx.state === "error") return <Alert type="error" showIcon title={ctx.message} />;
  const c = ctx.value;
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  return (
    <>
      <ProgrammeClosedBanner pack={c.pack} endsOn={c.programmeEndsOn} />
      <Tabs
      items={[
        { key: "dashboard", label: "工作台", children: <UnitDashboard ctx={c} /> },
        { key: "report", label: c.pack.cadence === "quarterly" ? "季度绩效报告" : "年度绩效报告", children: lazyTab(<ReportForm ctx={c} />) },
        { key: "changes", label: "变更申请", children: lazyTab(<ChangeApplications ctx={c} />) },
        ...(c.pack.advanceNoticeWorkingDays !== null ? [{ key: "advance", label: "重大调整事前报告", children: lazyTab(<AdvanceNotices ctx={c} />) }] : []),
      ]}
      />
    </>
  );
}

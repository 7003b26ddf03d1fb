import { cadenceWords, deadlineWord, periodWord } from "@domain/words";
import { Alert, Select, Space, Spin, Tabs } from "antd";
import { lazy, Suspense, useState } from "react";
import { ProgrammeClosedBanner } from "../shared/ProgrammeClosedBanner";
import { t } from "../shared/strings";
import { usePortalTab } from "./portalRoute";
import type { PortalTab } from "./portalTabs";
import { UnitDashboard } from "./UnitDashboard";
import { usePortalContext } from "./usePortalData";
import { AntProvider } from "../shared/AntProvider";

// The forms are loaded only when their tab is opened, so the dashboard stays light.
const ReportForm = lazy(() => import("./ReportForm"));
const ChangeApplications = lazy(() => import("./ChangeApplications"));
const AdvanceNotices = lazy(() => import("./AdvanceNotices"));
const Circulars = lazy(() => import("./Circulars"));

function Portal({ programmeId, unitId }: { programmeId: string; unitId: string }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const ctx = usePortalContext(programmeId, unitId, chosen);
  const [tab, setTab] = usePortalTab();
  if (ctx.state === "loading") return <Spin />;
  if (ctx.state === "error") return <Alert type="error" showIcon title={ctx.message} />;
  const c = ctx.value;
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  const items = [
    { key: "dashboard", label: t.portal.tabs.dashboard, children: <UnitDashboard ctx={c} /> },
    { key: "report", label: t.portal.tabs.report(cadenceWords[c.pack.cadence]), children: lazyTab(<ReportForm ctx={c} />) },
    { key: "changes", label: t.portal.tabs.changes, children: lazyTab(<ChangeApplications ctx={c} />) },
    ...(c.pack.advanceNoticeWorkingDays !== null ? [{ key: "advance", label: t.portal.tabs.advance, children: lazyTab(<AdvanceNotices ctx={c} />) }] : []),
    // GZ-4.4a.0: where the city circulates criticisms, every unit reads the programme's 通报.
    ...(c.pack.clauses.circulation !== null ? [{ key: "circulars", label: t.portal.tabs.circulars, children: lazyTab(<Circulars ctx={c} />) }] : []),
  ];
  // A link to a tab this programme does not have (another city's feature) opens the dashboard.
  const active = items.some((i) => i.key === tab) ? tab : "dashboard";
  return (
    <>
      <ProgrammeClosedBanner pack={c.pack} endsOn={c.programmeEndsOn} />
      {/* GZ-3.4.1 / DG-9.1: the period before may still take its report while the next is open. */}
      {c.openPeriods.length > 1 && c.period && (
        <Space style={{ marginBottom: 8 }}>
          <label htmlFor="portal-period">{t.portal.period}</label>
          <Select
            id="portal-period"
            aria-label={t.portal.period}
            style={{ minWidth: 320 }}
            value={c.period.id}
            onChange={setChosen}
            options={c.openPeriods.map((p) => ({ value: p.id, label: t.portal.periodOption(periodWord(p.id), deadlineWord(p)) }))}
          />
        </Space>
      )}
      {/* Keyed by the period: a switch of period reads that period's records afresh, on the same tab. */}
      <Tabs key={c.period?.id ?? "none"} activeKey={active} onChange={(key) => setTab(key as PortalTab)} items={items} />
    </>
  );
}

/** Loaded after sign-in, with Ant Design's frame (locale, theme, message and modal). */
export default function PortalPage(props: { programmeId: string; unitId: string }) {
  return (
    <AntProvider>
      <Portal {...props} />
    </AntProvider>
  );
}

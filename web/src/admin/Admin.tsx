import { proceedingKindsOf } from "@domain/procedureKinds";
import { Select, Space, Spin, Tabs } from "antd";
import { lazy, Suspense, useState } from "react";
import { ProgrammeClosedBanner } from "../shared/ProgrammeClosedBanner";
import { t } from "../shared/strings";
import type { Claims } from "../shared/useSession";
import { NextYearWarning } from "./holidays/NextYearWarning";
import { Queues } from "./Queues";
import { useProgramme, useProgrammeNames, type ProgrammeView } from "./useProgramme";
import { AntProvider } from "../shared/AntProvider";

// Heavier tabs load when opened.
const Evaluations = lazy(() => import("./Evaluations"));
const Proceedings = lazy(() => import("./Proceedings"));
const Notices = lazy(() => import("./Notices"));
const AdvanceReports = lazy(() => import("./AdvanceReports"));
const Registry = lazy(() => import("./Registry"));
const Enterprises = lazy(() => import("./Enterprises"));
const Awards = lazy(() => import("./Awards"));
const Settings = lazy(() => import("./Settings"));
const Holidays = lazy(() => import("./Holidays"));
const Satisfaction = lazy(() => import("./Satisfaction"));

const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
const holidaysTab = { key: "holidays", label: t.admin.tabs.holidays, children: lazyTab(<Holidays />) };

type StaffRole = NonNullable<Claims["staff"]>[string];

/**
 * Staff see their programme's tabs; the platform calendar administrator also (or, when staff of
 * no programme, only) the national holiday arrangements.
 */
function Admin({ staff, calendarAdmin }: { staff: NonNullable<Claims["staff"]>; calendarAdmin: boolean }) {
  const programmes = Object.keys(staff);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <NextYearWarning />
      {programmes.length > 0 ? <ProgrammeAdmin programmes={programmes} staff={staff} calendarAdmin={calendarAdmin} /> : <Tabs items={[holidaysTab]} />}
    </Space>
  );
}

function ProgrammeAdmin({ programmes, staff, calendarAdmin }: { programmes: string[]; staff: NonNullable<Claims["staff"]>; calendarAdmin: boolean }) {
  const [programmeId, setProgrammeId] = useState(programmes[0]!);
  const programme = useProgramme(programmeId);
  const names = useProgrammeNames(programmes);
  return (
    <>
      <Space>
        <span data-testid="programme-name">{programme?.name ?? t.common.loading}</span>
        {programmes.length > 1 && <Select aria-label={t.admin.switchProgramme} style={{ minWidth: 280 }} value={programmeId} onChange={setProgrammeId} options={programmes.map((p) => ({ value: p, label: names[p] ?? t.common.loading }))} />}
      </Space>
      {programme && <ProgrammeClosedBanner pack={programme.pack} endsOn={programme.endsOn} />}
      {programme && <Tabs destroyOnHidden items={[...programmeTabs(programme, staff[programmeId] ?? "reviewer"), ...(calendarAdmin ? [holidaysTab] : [])]} />}
    </>
  );
}

function programmeTabs(programme: ProgrammeView, role: StaffRole) {
  return [
    { key: "queues", label: t.admin.tabs.queues, children: <Queues programme={programme} /> },
    { key: "evaluations", label: t.admin.tabs.evaluations, children: lazyTab(<Evaluations programme={programme} />) },
    { key: "proceedings", label: t.admin.tabs.proceedings(proceedingKindsOf(programme.pack)), children: lazyTab(<Proceedings programme={programme} />) },
    { key: "notices", label: t.admin.tabs.notices, children: lazyTab(<Notices programme={programme} />) },
    { key: "satisfaction", label: t.admin.tabs.satisfaction, children: lazyTab(<Satisfaction programme={programme} />) },
    ...(programme.pack.advanceNoticeWorkingDays !== null ? [{ key: "advance", label: t.admin.tabs.advance, children: lazyTab(<AdvanceReports programme={programme} />) }] : []),
    { key: "registry", label: t.admin.tabs.registry, children: lazyTab(<Registry programme={programme} />) },
    { key: "enterprises", label: t.admin.tabs.enterprises, children: lazyTab(<Enterprises programme={programme} />) },
    ...(programme.pack.clauses.awards ? [{ key: "awards", label: t.admin.tabs.awards, children: lazyTab(<Awards programme={programme} />) }] : []),
    { key: "settings", label: t.admin.tabs.settings, children: lazyTab(<Settings key={programme.id} programme={programme} role={role} />) },
  ];
}

/** Loaded after sign-in, with Ant Design's frame (locale, theme, message and modal). */
export default function AdminPage(props: { staff: NonNullable<Claims["staff"]>; calendarAdmin: boolean }) {
  return (
    <AntProvider>
      <Admin {...props} />
    </AntProvider>
  );
}

import { Select, Space, Spin, Tabs } from "antd";
import { lazy, Suspense, useState } from "react";
import { ProgrammeClosedBanner } from "../shared/ProgrammeClosedBanner";
import { t } from "../shared/strings";
import { Queues } from "./Queues";
import { useProgramme } from "./useProgramme";

// Heavier tabs load when opened.
const Evaluations = lazy(() => import("./Evaluations"));
const Proceedings = lazy(() => import("./Proceedings"));
const Notices = lazy(() => import("./Notices"));
const Registry = lazy(() => import("./Registry"));
const Enterprises = lazy(() => import("./Enterprises"));
const Awards = lazy(() => import("./Awards"));

export default function Admin({ programmes }: { programmes: string[] }) {
  const [programmeId, setProgrammeId] = useState(programmes[0]!);
  const programme = useProgramme(programmeId);
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space>
        <span data-testid="programme-name">{programme?.name ?? programmeId}</span>
        {programmes.length > 1 && <Select aria-label={t.admin.switchProgramme} value={programmeId} onChange={setProgrammeId} options={programmes.map((p) => ({ value: p, label: p }))} />}
      </Space>
      {programme && <ProgrammeClosedBanner pack={programme.pack} endsOn={programme.endsOn} />}
      {programme && (
        <Tabs
          destroyOnHidden
          items={[
            { key: "queues", label: t.admin.tabs.queues, children: <Queues programme={programme} /> },
            { key: "evaluations", label: t.admin.tabs.evaluations, children: lazyTab(<Evaluations programme={programme} />) },
            { key: "proceedings", label: t.admin.tabs.proceedings, children: lazyTab(<Proceedings programme={programme} />) },
            { key: "notices", label: t.admin.tabs.notices, children: lazyTab(<Notices programme={programme} />) },
            { key: "registry", label: t.admin.tabs.registry, children: lazyTab(<Registry programme={programme} />) },
            { key: "enterprises", label: t.admin.tabs.enterprises, children: lazyTab(<Enterprises programme={programme} />) },
            ...(programme.pack.clauses.awards ? [{ key: "awards", label: t.admin.tabs.awards, children: lazyTab(<Awards programme={programme} />) }] : []),
          ]}
        />
      )}
    </Space>
  );
}

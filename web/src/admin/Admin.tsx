import { Select, Space, Spin, Tabs } from "antd";
import { lazy, Suspense, useState } from "react";
import { ProgrammeClosedBanner } from "../shared/ProgrammeClosedBanner";
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
        {programmes.length > 1 && <Select aria-label="切换专项" value={programmeId} onChange={setProgrammeId} options={programmes.map((p) => ({ value: p, label: p }))} />}
      </Space>
      {programme && <ProgrammeClosedBanner pack={programme.pack} endsOn={programme.endsOn} />}
      {programme && (
        <Tabs
          destroyOnHidden
          items={[
            { key: "queues", label: "待办", children: <Queues programme={programme} /> },
            { key: "evaluations", label: "评价与排名", children: lazyTab(<Evaluations programme={programme} />) },
            { key: "proceedings", label: "批评与清退", children: lazyTab(<Proceedings programme={programme} />) },
            { key: "notices", label: "公示", children: lazyTab(<Notices programme={programme} />) },
            { key: "registry", label: "单位、伙伴与目录", children: lazyTab(<Registry programme={programme} />) },
            { key: "enterprises", label: "试点企业", children: lazyTab(<Enterprises programme={programme} />) },
            ...(programme.pack.clauses.awards ? [{ key: "awards", label: "年度评选", children: lazyTab(<Awards programme={programme} />) }] : []),
          ]}
        />
      )}
    </Space>
  );
}

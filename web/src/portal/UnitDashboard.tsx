import { Alert, Card, Descriptions, Spin } from "antd";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../shared/firebase";
import { t } from "../shared/strings";

interface UnitView {
  name: string;
  uscc: string;
  status: string;
  listedOn: string;
  batch: string;
}

type Load = { state: "loading" } | { state: "missing" } | { state: "error" } | { state: "ready"; unit: UnitView };

export function UnitDashboard({ programmeId, unitId }: { programmeId: string; unitId: string }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  useEffect(() => {
    getDoc(doc(db, "programmes", programmeId, "units", unitId)).then(
      (snap) => setLoad(snap.exists() ? { state: "ready", unit: snap.data() as UnitView } : { state: "missing" }),
      () => setLoad({ state: "error" }),
    );
  }, [programmeId, unitId]);

  if (load.state === "loading") return <Spin />;
  if (load.state === "missing") return <Alert type="warning" showIcon title={t.unitNotFound} />;
  if (load.state === "error") return <Alert type="error" showIcon title={t.loadFailed} />;
  const { unit } = load;
  return (
    <Card title={<span data-testid="unit-name">{unit.name}</span>}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t.uscc}>{unit.uscc}</Descriptions.Item>
        <Descriptions.Item label={t.status}>{t.unitStatus[unit.status] ?? unit.status}</Descriptions.Item>
        <Descriptions.Item label={t.listedOn}>{unit.listedOn}</Descriptions.Item>
        <Descriptions.Item label={t.listedBatch}>{unit.batch}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

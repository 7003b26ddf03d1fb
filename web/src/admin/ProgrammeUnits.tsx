import { Alert, Card, Table } from "antd";
import { collection, doc, getCountFromServer, getDoc, getDocs, limit, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../shared/firebase";
import { t } from "../shared/strings";

interface Row {
  id: string;
  name: string;
  uscc: string;
  status: string;
}

const PAGE = 20;

/** First page of a programme's units, with the total from an aggregate count (never the whole collection). */
export function ProgrammeUnits({ programmeId }: { programmeId: string }) {
  const [title, setTitle] = useState(programmeId);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const units = collection(db, "programmes", programmeId, "units");
    Promise.all([getDoc(doc(db, "programmes", programmeId)), getDocs(query(units, orderBy("name"), limit(PAGE))), getCountFromServer(units)]).then(
      ([p, page, count]) => {
        setTitle((p.data()?.name as string | undefined) ?? programmeId);
        setRows(page.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Row, "id">) })));
        setTotal(count.data().count);
      },
      () => setFailed(true),
    );
  }, [programmeId]);

  if (failed) return <Alert type="error" showIcon title={t.loadFailed} />;
  return (
    <Card title={<span data-testid="programme-name">{title}</span>} style={{ marginBottom: 24 }}>
      <Table<Row>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        title={() => t.unitsOfProgramme(total)}
        columns={[
          { title: t.unitName, dataIndex: "name" },
          { title: t.uscc, dataIndex: "uscc" },
          { title: t.status, dataIndex: "status", render: (s: string) => t.unitStatus[s] ?? s },
        ]}
      />
    </Card>
  );
}

// GZ-4.4a.0: the programme's 通报批评, as every unit of it reads them — not only the criticised
// unit — with ground, facts, deadline and the rectification's outcome once decided. Live, newest first.
import { Alert, Card } from "antd";
import { limit, orderBy, query } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, watchQuery, type Stored } from "../data/collections";
import { CircularList } from "../shared/CircularList";
import { t } from "../shared/strings";
import type { PortalContext } from "./usePortalData";

const s = t.circulars;

export default function Circulars({ ctx }: { ctx: PortalContext }) {
  const [circulars, setCirculars] = useState<Stored<"circulars">[] | null>(null);
  useEffect(() => watchQuery(query(collections.circulars(ctx.programmeId), orderBy("publishedAt", "desc"), limit(100)), setCirculars), [ctx.programmeId]);
  return (
    <Card title={s.portalTitle}>
      <Alert type="info" showIcon title={s.portalHint} style={{ marginBottom: 16 }} />
      {circulars !== null && <CircularList circulars={circulars} />}
    </Card>
  );
}

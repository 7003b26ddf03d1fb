// DG-16.3 evidence: every satisfaction rating a partner received (which enterprise, which period,
// what it said, when), followed live, with the count of 不满意 against the pack's threshold — what
// a partner-removal case rests on, in front of the staff who decide it.
import { ratingClause, tallyRatings } from "@domain/feedback";
import type { PolicyPack } from "@domain/policy/schema";
import { nouns, periodWord, ratingAverageWord, ratingWords } from "@domain/words";
import { Alert, Card, Table, Tag, Typography } from "antd";
import { query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { collections, watchQuery, type Stored } from "../data/collections";
import { formatInstant } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { t } from "../shared/strings";
import { useNames } from "./names";

const s = t.satisfaction;
type Rating = Stored<"ratings">;
const VALUE_COLOR = { satisfied: "green", basicallySatisfied: "blue", dissatisfied: "red" } as const;

export function PartnerRatings({ programmeId, partnerId, pack }: { programmeId: string; partnerId: string; pack: PolicyPack }) {
  const [rows, setRows] = useState<Rating[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    return watchQuery(
      query(collections.ratings(programmeId), where("partnerId", "==", partnerId)),
      (found) => setRows(found.sort((a, b) => b.ratedAt.getTime() - a.ratedAt.getTime())),
      (err) => setError(errorText(err)),
    );
  }, [programmeId, partnerId]);
  const enterprises = useNames(programmeId, "enterprises", (rows ?? []).map((r) => r.enterpriseId));
  const tally = tallyRatings(rows ?? []);
  return (
    <Card size="small" title={s.partnerRatingsTitle(ratingClause(pack))} data-testid="partner-ratings">
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Typography.Paragraph>
        {tally.count === 0 ? s.partnerNone : `${s.partnerTally(tally.count, tally.byValue.dissatisfied, pack.thresholds.dissatisfiedRatings)}；${s.average}：${ratingAverageWord(tally.average)}`}
      </Typography.Paragraph>
      {tally.count > 0 && (
        <Table
          rowKey="id"
          size="small"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={false}
          columns={[
            { key: "enterprise", title: nouns.enterprise, render: (_, r) => enterprises.get(r.enterpriseId) ?? "…" },
            { key: "period", title: nouns.period, render: (_, r) => periodWord(r.periodId) },
            { key: "value", title: s.value, render: (_, r) => <Tag color={VALUE_COLOR[r.value]}>{ratingWords[r.value]}</Tag> },
            { key: "comment", title: s.comment, render: (_, r) => r.comment ?? "—" },
            { key: "ratedAt", title: s.ratedAt, render: (_, r) => formatInstant(r.ratedAt) },
          ]}
        />
      )}
    </Card>
  );
}

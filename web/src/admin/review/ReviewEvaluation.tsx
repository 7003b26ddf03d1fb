// The evaluation the submission was scored to (a draft until approved): total, band and each
// dimension's explanation of how it was computed.
import { nouns, stateWords } from "@domain/words";
import { Descriptions, Typography } from "antd";
import type { Stored } from "../../data/collections";
import { DimensionTable } from "../../shared/DimensionTable";
import { t } from "../../shared/strings";

const s = t.review;

export function ReviewEvaluation({ evaluation }: { evaluation: Stored<"evaluations"> | null }) {
  if (!evaluation) {
    return (
      <section aria-label={s.noEvaluation}>
        <Typography.Paragraph type="secondary">{s.noEvaluation}</Typography.Paragraph>
      </section>
    );
  }
  const title = s.evaluationTitle(stateWords.evaluation[evaluation.state]);
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={nouns.total}>
          <span data-testid="review-total">{evaluation.total.toFixed(1)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={nouns.band}>{evaluation.band}</Descriptions.Item>
      </Descriptions>
      <DimensionTable dimensions={evaluation.dimensions} />
    </section>
  );
}

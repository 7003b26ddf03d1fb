// The review screen of one submitted change application, opened from the 待办 queue: what it asks
// for and what to check (ChangeFacts), the documents against the pack's list (ChangeDocuments),
// its audit trail, and then the decision (ChangeDecision).
import { changeTypeWords } from "@domain/words";
import { Alert, Divider, Drawer, Space, Spin } from "antd";
import { doc } from "firebase/firestore";
import { collections } from "../../../data/collections";
import { t } from "../../../shared/strings";
import { NameOf } from "../../names";
import type { ProgrammeView } from "../../useProgramme";
import { ReportTrail } from "../ReviewHistory";
import { ChangeDecision } from "./ChangeDecision";
import { ChangeDocuments } from "./ChangeDocuments";
import { ChangeFacts } from "./ChangeFacts";
import { useChange, useDocumentCheck } from "./useChangeReview";

const s = t.changeReview;

function ReviewBody({ programme, changeId, onDecided }: { programme: ProgrammeView; changeId: string; onDecided: () => void }) {
  const p = programme.id;
  const { change, error } = useChange(p, changeId);
  const documents = useDocumentCheck(p, changeId);
  const failed = error ?? documents.error;
  if (failed) return <Alert type="error" showIcon role="alert" title={s.loadFailed} description={failed} />;
  if (change === null) return <Alert type="error" showIcon role="alert" title={s.loadFailed} />;
  if (change === undefined || documents.check === undefined) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="change-review">
      <ChangeFacts programme={programme} change={change} />
      <ChangeDocuments programmeId={p} check={documents.check} />
      <ReportTrail programmeId={p} path={doc(collections.changes(p), changeId).path} />
      <Divider />
      <ChangeDecision programme={programme} changeId={changeId} change={change} onDecided={onDecided} onUploaded={documents.reload} />
    </Space>
  );
}

/** The review in a drawer over the queue; `change` is the queue row that opened it. */
export function ChangeReview({ programme, change, onClose, onDecided }: { programme: ProgrammeView; change: { id: string; unitId: string; type: keyof typeof changeTypeWords } | null; onClose: () => void; onDecided: () => void }) {
  return (
    <Drawer
      open={change !== null}
      onClose={onClose}
      width={960}
      destroyOnHidden
      title={
        change && (
          <span>
            {s.title}：<NameOf programmeId={programme.id} id={change.unitId} /> · {changeTypeWords[change.type]}
          </span>
        )
      }
    >
      {change && <ReviewBody programme={programme} changeId={change.id} onDecided={onDecided} />}
    </Drawer>
  );
}

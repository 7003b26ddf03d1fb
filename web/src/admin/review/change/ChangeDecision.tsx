// The decision on a submitted change application (GZ-4.6.2, DG-13, DG-14), made after reading it:
// 通过 after a confirmation stating what follows (a public notice batch, or immediate effect and
// the published change list); 退回补正 or 不予通过 with the reviewer's opinion, which the unit reads.
// Where the pack lets the work group refer a unit change to the bureau meeting (DG-13), the meeting
// day and its uploaded minutes are recorded with the decision.
import { changeMachine } from "@domain/change.machine";
import { changeDecisionDocuments } from "@domain/decisionDocuments";
import { deadlineUnitWords, reviewDecisionWords, stateWords } from "@domain/words";
import { Alert, Button, Card, Checkbox, DatePicker, Input, Popconfirm, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { call } from "../../../data/callables";
import { Outcome, useOutcome } from "../../../shared/Outcome";
import { FileUpload } from "../../../shared/FileUpload";
import { t } from "../../../shared/strings";
import { DecisionDocuments } from "../../DecisionDocuments";
import type { ProgrammeView } from "../../useProgramme";
import type { ReviewedChange } from "./useChangeReview";
import { insideDrawer } from "../insideDrawer";


const s = t.changeReview;
const words = reviewDecisionWords.change;

interface Props {
  programme: ProgrammeView;
  changeId: string;
  change: ReviewedChange;
  onDecided: () => void;
  onUploaded: () => void;
}

type Meeting = { referred: boolean; heldOn?: Dayjs; minutesDocumentId?: string };

/** DG-13 如有需要，可报市工信局局务会议审议: off unless the reviewer says the change was referred. */
function BureauMeeting({ programme, changeId, meeting, onChange, onUploaded }: { programme: ProgrammeView; changeId: string; meeting: Meeting; onChange: (m: Meeting) => void; onUploaded: () => void }) {
  return (
    <Card size="small" title={s.meetingTitle(programme.pack.clauses.changeFiling.unitInfo ?? "")}>
      <Checkbox checked={meeting.referred} onChange={(e) => onChange({ ...meeting, referred: e.target.checked })}>
        {s.meetingReferred}
      </Checkbox>
      {meeting.referred && (
        <Space direction="vertical" style={{ marginTop: 8 }}>
          <Space>
            <label htmlFor="change-meeting-date">{s.meetingDate}</label>
            <DatePicker id="change-meeting-date" value={meeting.heldOn} onChange={(d) => onChange({ ...meeting, heldOn: d ?? undefined })} />
          </Space>
          <FileUpload
            label={s.meetingMinutes}
            target={{ programmeId: programme.id, targetType: "change", targetId: changeId, kind: "meetingMinutes" }}
            onUploaded={(documentId) => {
              onChange({ ...meeting, minutesDocumentId: documentId });
              onUploaded();
            }}
          />
        </Space>
      )}
    </Card>
  );
}

/** What approving does, said before it is done. */
function approveConsequence(programme: ProgrammeView, change: ReviewedChange): string {
  const { pack } = programme;
  if (pack.noticeRequiredFor.includes(change.type)) return s.approveToNotice(`${pack.notice.length} 个${deadlineUnitWords[pack.notice.unit]}`, pack.changeNoticeTitle);
  return s.approveAtOnce;
}

export function ChangeDecision({ programme, changeId, change, onDecided, onUploaded }: Props) {
  const [meeting, setMeeting] = useState<Meeting>({ referred: false });
  const [comment, setComment] = useState("");
  const outcome = useOutcome();
  const meetingAllowed = change.type === "unitInfo" && programme.pack.unitChange.bureauMeeting === "optional";

  const decide = (decision: "approve" | "return" | "reject") =>
    outcome.run(async () => {
      if (decision !== "approve" && comment.trim() === "") throw new Error(s.commentRequired);
      if (meeting.referred && (!meeting.heldOn || !meeting.minutesDocumentId)) throw new Error(s.meetingIncomplete);
      const bureauMeeting = meeting.referred && meeting.heldOn && meeting.minutesDocumentId ? { heldOn: meeting.heldOn.format("YYYY-MM-DD"), minutesDocumentId: meeting.minutesDocumentId } : undefined;
      await call("reviewChange", { programmeId: programme.id, changeId, decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(bureauMeeting ? { bureauMeeting } : {}) });
      onDecided();
      return s.decided[decision];
    });

  // The decisions the change machine has a rule for in this state; the server applies the rest.
  const offered = changeMachine.eventsFrom(change.state);
  if (!offered.some((e) => e === "approve" || e === "return" || e === "reject")) {
    return (
      <section aria-label={s.decisionTitle}>
        <Typography.Title level={5}>{s.decisionTitle}</Typography.Title>
        <Outcome message={outcome.message} />
        <Alert type="info" showIcon title={s.stateNow(stateWords.change[change.state])} description={change.reviewComment ? s.commentWas(change.reviewComment) : undefined} />
        <div style={{ marginTop: 12 }}>
          <DecisionDocuments programmeId={programme.id} subjectId={changeId} kinds={changeDecisionDocuments(change.state)} />
        </div>
      </section>
    );
  }
  return (
    <section aria-label={s.decisionTitle}>
      <Typography.Title level={5}>{s.decisionTitle}</Typography.Title>
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        {meetingAllowed && <BureauMeeting programme={programme} changeId={changeId} meeting={meeting} onChange={setMeeting} onUploaded={onUploaded} />}
        <Input.TextArea aria-label={s.comment} placeholder={s.commentHint} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        <Space wrap>
          {offered.includes("approve") && (
            <Popconfirm getPopupContainer={insideDrawer} title={s.approveConfirmTitle} description={<div style={{ maxWidth: 380 }}>{approveConsequence(programme, change)}</div>} okText={s.approveOk} cancelText={t.common.cancel} onConfirm={() => decide("approve")}>
              <Button type="primary" loading={outcome.busy}>
                {words.approve}
              </Button>
            </Popconfirm>
          )}
          {offered.includes("return") && (
            <Button loading={outcome.busy} onClick={() => decide("return")}>
              {words.return}
            </Button>
          )}
          {offered.includes("reject") && (
            <Popconfirm getPopupContainer={insideDrawer} title={s.rejectConfirmTitle} description={<div style={{ maxWidth: 380 }}>{s.rejectConsequence}</div>} okText={s.rejectOk} cancelText={t.common.cancel} okButtonProps={{ danger: true }} onConfirm={() => decide("reject")}>
              <Button danger loading={outcome.busy}>
                {words.reject}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Outcome message={outcome.message} />
    </section>
  );
}

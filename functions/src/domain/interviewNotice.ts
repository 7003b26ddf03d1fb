// DG-9.2: the staff notification that lists a low-ranked unit for interview and supervision. One
// wording for the final ranking and for the demo data, naming the unit by name and saying what
// it was ranked on (task-book completion in Dongguan) beside its total.
import type { RankingBasis } from "./policy/schema.js";
import { completionWords } from "./words.js";

export interface InterviewNotice {
  kind: "interviewCandidate";
  toStaff: true;
  title: string;
  body: string;
  link: string;
}

export const interviewNoticeId = (periodId: string, unitId: string) => `interview_${periodId}_${unitId}`;

export function interviewNotice(a: { unitId: string; unitName: string; periodId: string; rank: number; total: number; completion?: { percent: number | null }; basis: RankingBasis; clause: string }): InterviewNotice {
  const standing = a.basis === "taskBookCompletion" ? `任务书完成率 ${completionWords(a.completion)}，总分 ${a.total}` : `总分 ${a.total}`;
  return {
    toStaff: true,
    kind: "interviewCandidate",
    title: `${a.periodId} 排名落后单位约谈督导`,
    body: `牵引单位 ${a.unitName} 在 ${a.periodId} 绩效评价中排名第 ${a.rank}（${standing}），列入约谈、督导名单，请安排约谈并记录（${a.clause}）。`,
    link: `/admin/units/${a.unitId}`,
  };
}

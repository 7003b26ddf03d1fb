// DG-9.2: the staff notification that lists a low-ranked unit for interview and supervision. One
// wording for the period close and for the demo data, naming the unit by name.
export interface InterviewNotice {
  kind: "interviewCandidate";
  toStaff: true;
  title: string;
  body: string;
  link: string;
}

export const interviewNoticeId = (periodId: string, unitId: string) => `interview_${periodId}_${unitId}`;

export function interviewNotice(a: { unitId: string; unitName: string; periodId: string; rank: number; total: number; clause: string }): InterviewNotice {
  return {
    toStaff: true,
    kind: "interviewCandidate",
    title: `${a.periodId} 排名落后单位约谈督导`,
    body: `牵引单位 ${a.unitName} 在 ${a.periodId} 绩效评价中排名第 ${a.rank}（总分 ${a.total}），列入约谈、督导名单，请安排约谈并记录（${a.clause}）。`,
    link: `/admin/units/${a.unitId}`,
  };
}

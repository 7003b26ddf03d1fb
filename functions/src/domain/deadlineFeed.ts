// A unit's deadlines as calendar events (the private iCalendar feed a unit member subscribes to):
// report deadlines of the periods not yet closed (GZ-3.4.1 / DG-9.1), rectification deadlines of
// the unit's open criticisms (GZ-4.4a / GZ-4.3b), the last on-time day of each advance-notice
// filing (GZ-4.8) and the windows of the notices its changes are in (GZ-4.6.3 / DG-14). Each
// event names its clause and what the clause asks, with dates in words. A period whose deadline
// waits for a year's holiday arrangement gets no event — a note says so; a date is never guessed.
//
// Pure: the facts come in, the events go out; the functions render them as iCalendar.
import { addDays, type IsoDate } from "./dates.js";
import type { PolicyPack } from "./policy/schema.js";
import type { AdvanceNotice, Notice, Period, Proceeding } from "./schemas/index.js";
import { advanceNoticeKindWords, advanceNoticeSubjectWords, cadenceWords, dateWord, deadlineUnitWords, deadlineWord, groundWord, periodWord, stateWords } from "./words.js";

export type DeadlineKind = "report" | "rectification" | "advanceNotice" | "notice";

/** One all-day event: from `start` to `end`, both included (Asia/Shanghai calendar days). */
export interface DeadlineEvent {
  /** Stable across fetches, so a calendar moves the event when its date moves. */
  uid: string;
  kind: DeadlineKind;
  start: IsoDate;
  end: IsoDate;
  /** Raised each time the date moved (a rectification deadline extended). */
  sequence: number;
  summary: string;
  description: string;
  /** The clause the deadline comes from. */
  clause: string | null;
}

type Criticism = Extract<Proceeding, { kind: "criticism" }>;

export interface DeadlineFeedFacts {
  programmeId: string;
  programmeName: string;
  unitId: string;
  unitName: string;
  pack: Pick<PolicyPack, "cadence" | "clauses" | "changeNoticeTitle" | "advanceNoticeWorkingDays">;
  periods: readonly Period[];
  proceedings: readonly (Proceeding & { id: string })[];
  advanceNotices: readonly (AdvanceNotice & { id: string })[];
  /** The notices that hold this unit's changes, with those changes' ids. */
  notices: readonly { id: string; notice: Notice; changeIds: readonly string[] }[];
}

export interface DeadlineFeed {
  name: string;
  /** What has no event yet, said once (a deadline waiting for a holiday arrangement). */
  notes: string[];
  events: DeadlineEvent[];
}

/** Criticisms whose rectification is still due or being decided. */
const OPEN_CRITICISM: readonly string[] = ["issued", "responded", "overdue"];

/** What each clause asks, in the feed's words (the clause ID is given with it). */
export const deadlineDutyWords = {
  report: (cadence: PolicyPack["cadence"]) => `牵引单位应按${cadenceWords[cadence]}对照绩效任务书报送绩效目标完成情况及相关材料；逾期、不完整或未报送将如实记录。`,
  rectificationOverdue: "整改期限届满仍未完成整改的，视情节责令继续整改或取消牵引单位资格。",
  advanceNotice: (days: number) => `牵引单位或其合作伙伴更名、重组、改制的，应至少在办理手续前 ${days} 个工作日报告。`,
  notice: (title: string) => `${title}期间，公众可对公示内容实名提出异议；公示期满且无成立的异议后发布。`,
} as const;

const basis = (clause: string | null, words: string) => (clause ? `依据 ${clause}：${words}` : words);

export function deadlineFeed(facts: DeadlineFeedFacts): DeadlineFeed {
  const uid = (kind: string, id: string) => `${kind}-${facts.programmeId}-${facts.unitId}-${id}@traction-units`;
  const periods = facts.periods.filter((p) => p.state !== "closed");
  const notes = periods.filter((p) => !p.reportDeadline).map((p) => `${periodWord(p.id)}报送截止日：${deadlineWord(p)}`);
  const events = [
    ...periods.flatMap((p) => reportEvent(facts, p, uid("report", p.id))),
    ...facts.proceedings.flatMap((p) => rectificationEvent(facts, p, uid("rectification", p.id))),
    ...facts.advanceNotices.map((a) => advanceNoticeEvent(facts, a, uid("advance-notice", a.id))),
    ...facts.notices.filter((n) => n.notice.state !== "closed").map((n) => noticeEvent(facts, n, uid("notice", n.id))),
  ].sort((a, b) => (a.start === b.start ? a.uid.localeCompare(b.uid) : a.start < b.start ? -1 : 1));
  return { name: `${facts.unitName} 期限日历（${facts.programmeName}）`, notes, events };
}

function reportEvent(facts: DeadlineFeedFacts, p: Period, uid: string): DeadlineEvent[] {
  if (!p.reportDeadline) return [];
  const clause = facts.pack.clauses.report;
  return [
    {
      uid,
      kind: "report",
      start: p.reportDeadline,
      end: p.reportDeadline,
      sequence: 0,
      summary: `${periodWord(p.id)}绩效材料报送截止`,
      description: [
        `${periodWord(p.id)}（${dateWord(p.start)}至${dateWord(p.end)}）绩效材料报送截止日：${dateWord(p.reportDeadline)}（含当日）。`,
        basis(clause, deadlineDutyWords.report(p.cadence)),
        `期次状态：${stateWords.period[p.state]}。`,
      ].join("\n"),
      clause,
    },
    ...(p.evaluationCloseOn && p.evaluationCloseOn !== p.reportDeadline
      ? [
          {
            uid: uid.replace(/^report-/, "evaluation-close-"),
            kind: "report" as const,
            start: p.evaluationCloseOn,
            end: p.evaluationCloseOn,
            sequence: 0,
            summary: `${periodWord(p.id)}绩效评价截止`,
            description: [
              `${periodWord(p.id)}评价截止日：${dateWord(p.evaluationCloseOn)}。报送截止日后至此日前报送的，记为逾期报送（资料报送不及时）；此日仍未报送的，视为未按规定参加绩效评价。`,
              basis(facts.pack.clauses.notInEvaluation, "未按规定参加绩效评价的，予以清退。"),
            ].join("\n"),
            clause: facts.pack.clauses.notInEvaluation,
          },
        ]
      : []),
  ];
}

function rectificationEvent(facts: DeadlineFeedFacts, p: Proceeding & { id: string }, uid: string): DeadlineEvent[] {
  if (p.kind !== "criticism" || !p.rectificationDeadline || !OPEN_CRITICISM.includes(p.state)) return [];
  const c = p as Criticism & { id: string };
  const overdue = facts.pack.clauses.rectificationOverdue;
  const extended = c.extensions.length > 0 ? `整改期限已延长 ${c.extensions.length} 次。` : undefined;
  return [
    {
      uid,
      kind: "rectification",
      start: c.rectificationDeadline!,
      end: c.rectificationDeadline!,
      sequence: c.extensions.length,
      summary: `通报批评整改期限届满（${c.ground}）`,
      description: [
        `整改期限：${dateWord(c.rectificationDeadline!)}（含当日），请在此前提交整改报告。`,
        `通报批评依据 ${c.ground}：${groundWord(c.ground)}。`,
        ...(extended ? [extended] : []),
        ...(overdue ? [basis(overdue, deadlineDutyWords.rectificationOverdue)] : []),
        `当前状态：${stateWords.criticism[c.state]}。`,
      ].join("\n"),
      clause: c.ground,
    },
  ];
}

function advanceNoticeEvent(facts: DeadlineFeedFacts, a: AdvanceNotice & { id: string }, uid: string): DeadlineEvent {
  const clause = a.clause ?? facts.pack.clauses.advanceNotice;
  const what = `${advanceNoticeSubjectWords[a.subject]}${advanceNoticeKindWords[a.kind]}`;
  const days = facts.pack.advanceNoticeWorkingDays;
  return {
    uid,
    kind: "advanceNotice",
    start: a.latestOnTimeFilingDate,
    end: a.latestOnTimeFilingDate,
    sequence: 0,
    summary: `${what}提前报告最迟报送日`,
    description: [
      `${what}拟于${dateWord(a.plannedOn)}办理手续，提前报告最迟应于${dateWord(a.latestOnTimeFilingDate)}报送。`,
      a.filedOn ? `本单位已于${dateWord(a.filedOn)}报送${a.late ? "，属逾期报送" : "，按时"}。` : "本单位未报送，已登记为未报告。",
      ...(days !== null ? [basis(clause, deadlineDutyWords.advanceNotice(days))] : clause ? [`依据 ${clause}`] : []),
    ].join("\n"),
    clause,
  };
}

function noticeEvent(facts: DeadlineFeedFacts, n: DeadlineFeedFacts["notices"][number], uid: string): DeadlineEvent {
  const { notice } = n;
  const items = notice.items.filter((i) => n.changeIds.includes(i.changeId));
  return {
    uid,
    kind: "notice",
    start: notice.startsOn,
    end: notice.endsOn,
    sequence: 0,
    summary: `${facts.pack.changeNoticeTitle}：${notice.title}`,
    description: [
      `公示期：${dateWord(notice.startsOn)}至${dateWord(notice.endsOn)}（${notice.length} 个${deadlineUnitWords[notice.unit]}）。`,
      ...items.map((i) => `公示事项：${i.summary}`),
      basis(notice.clause, deadlineDutyWords.notice(facts.pack.changeNoticeTitle)),
      `公示状态：${stateWords.notice[notice.state]}。`,
    ].join("\n"),
    clause: notice.clause,
  };
}

/** The day after `end`: iCalendar's DTEND of an all-day event is exclusive. */
export const exclusiveEnd = (end: IsoDate): IsoDate => addDays(end, 1);

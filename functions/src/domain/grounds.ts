// Automatic grounds: facts in, candidates out. The system proposes, staff dispose — a candidate
// becomes a proceeding only when a person opens it (proceedings.ts).
import { checkAdvanceNotice } from "./advanceNotice.js";
import type { WorkingDayCalendar } from "./calendar.js";
import type { IsoDate } from "./dates.js";
import type { PeriodId } from "./periods.js";
import type { PolicyPack } from "./policy/schema.js";
import type { ProceedingKind } from "./proceedings.js";
import { metricsNeedingExplanation } from "./reportChecks.js";
import { type MetricValues } from "./scoring.js";
import type { ReportState } from "./states.js";
import { dateWord, metricWords, periodWord } from "./words.js";

export interface Candidate {
  clause: string;
  proceeding: ProceedingKind;
  subject: { kind: "unit" | "partner"; id: string };
  /** Chinese lines stating the facts, shown to staff and kept as the proceeding's evidence. */
  evidence: string[];
}

export interface UnitPeriodFacts {
  unitId: string;
  periodId: PeriodId;
  reportDeadline: IsoDate;
  /** The last day a late report was still accepted (the period's evaluation close); the deadline itself on periods without one. */
  evaluationCloseOn?: IsoDate;
  /** "missing" when no report document exists at close. */
  report: { state: ReportState | "missing"; late: boolean; returnedCount: number; incomplete?: boolean };
  /** Evaluation outcome of this period; undefined when the unit was not evaluated. */
  evaluation?: { passed: boolean };
  /** Failed evaluations in earlier periods (in total, not consecutive). */
  failedEvaluationsBefore: number;
  targets: MetricValues;
  actuals: MetricValues;
  lagExplanation?: string;
  /** Acceptances decided as failed during the period (GZ-2.2.12). */
  failedAcceptances: readonly { enterpriseId: string; enterpriseName: string; decidedOn: IsoDate }[];
}

/** Grounds found when a period closes (GZ-4.4a.2/3/6, GZ-4.4b.2/3, DG-10.2/3). */
export function periodCloseGrounds(f: UnitPeriodFacts, pack: PolicyPack): Candidate[] {
  const out: Candidate[] = [];
  const unit = { kind: "unit" as const, id: f.unitId };
  const c = pack.clauses;
  const neverSubmitted = f.report.state === "missing" || f.report.state === "draft";
  const period = periodWord(f.periodId);
  const closeOn = dateWord(f.evaluationCloseOn ?? f.reportDeadline);

  if (c.missingReport) {
    if (neverSubmitted) out.push({ clause: c.missingReport, proceeding: "criticism", subject: unit, evidence: [`${period}报告截至评价截止日 ${closeOn} 未报送（报送截止日 ${dateWord(f.reportDeadline)}）`] });
    else if (f.report.state === "returned") out.push({ clause: c.missingReport, proceeding: "criticism", subject: unit, evidence: [`${period}报告被退回（不完整或不规范）后，截至评价截止日 ${closeOn} 未重新提交`] });
    else if (f.report.late) out.push({ clause: c.missingReport, proceeding: "criticism", subject: unit, evidence: [`${period}报告逾期报送（报送截止日 ${dateWord(f.reportDeadline)}，于评价截止日前补报），资料报送不及时`] });
    // Submitted but still missing required content at close (资料报送不完整), and not accepted by staff.
    else if (f.report.incomplete && f.report.state !== "accepted") out.push({ clause: c.missingReport, proceeding: "criticism", subject: unit, evidence: [`${period}报告报送不完整，截至评价截止日 ${closeOn} 未补正`] });
  }

  // Not taking part in the evaluation: nothing submitted by the evaluation close (GZ-4.4b.2 / DG-10.2).
  // A late report is not absence: it is only the criticism ground above.
  if (neverSubmitted) {
    out.push({ clause: c.notInEvaluation, proceeding: "clearOut", subject: unit, evidence: [`${period}截至评价截止日 ${closeOn} 未报送材料，未按规定参加绩效评价`] });
  }

  if (f.evaluation) out.push(...failedEvaluationGrounds({ unitId: f.unitId, periodId: f.periodId, passed: f.evaluation.passed, failedEvaluationsBefore: f.failedEvaluationsBefore }, pack));

  // A report that never came is GZ-4.4a.2's case; lag is judged on reported figures only.
  if (c.progressLag && !neverSubmitted && !f.lagExplanation?.trim()) {
    const lagging = metricsNeedingExplanation(f.periodId, f.targets, f.actuals, pack);
    if (lagging.length > 0) {
      out.push({
        clause: c.progressLag,
        proceeding: "criticism",
        subject: unit,
        evidence: [`${f.periodId} 进度低于任务书按期目标且未作说明：${lagging.map((m) => metricWords[m]).join("、")}`],
      });
    }
  }

  if (c.failedAcceptance) {
    for (const a of f.failedAcceptances) {
      out.push({ clause: c.failedAcceptance, proceeding: "criticism", subject: unit, evidence: [`试点企业“${a.enterpriseName}”项目于 ${a.decidedOn} 未通过验收`] });
    }
  }
  return out;
}

/**
 * Two failed evaluations in total (GZ-4.4b.3 / DG-10.3): raised by the failure that reaches the
 * threshold, and by any later one. Used when staff approve a failed evaluation and at period close.
 */
export function failedEvaluationGrounds(
  f: { unitId: string; periodId: PeriodId; passed: boolean; failedEvaluationsBefore: number },
  pack: PolicyPack,
): Candidate[] {
  if (f.passed) return [];
  const total = f.failedEvaluationsBefore + 1;
  if (total < pack.thresholds.failedEvaluations) return [];
  return [{ clause: pack.clauses.failedEvaluations, proceeding: "clearOut", subject: { kind: "unit", id: f.unitId }, evidence: [`累计第 ${total} 次绩效评价不达标（${f.periodId}）`] }];
}

export interface MajorChangeFact {
  unitId: string;
  /** Which of the five GZ-4.4a.4 fields changed, in Chinese (名称, 住所, …). */
  field: string;
  changedOn: IsoDate;
  /** When the change application was filed; undefined if never. */
  reportedOn?: IsoDate;
}

/** GZ-4.4a.4: a major change not reported within the pack's period after it happened. */
export function unreportedChangeGrounds(facts: readonly MajorChangeFact[], today: IsoDate, pack: PolicyPack, calendar: WorkingDayCalendar): Candidate[] {
  const clause = pack.clauses.unreportedChange;
  const within = pack.majorChangeReportWithin;
  if (!clause || !within) return [];
  const out: Candidate[] = [];
  for (const f of facts) {
    const due = calendar.deadline(f.changedOn, within.length, within.unit);
    const late = f.reportedOn ? f.reportedOn > due : today > due;
    if (!late) continue;
    const how = f.reportedOn ? `于${dateWord(f.reportedOn)}才报告` : "至今未报告";
    out.push({ clause, proceeding: "criticism", subject: { kind: "unit", id: f.unitId }, evidence: [`${f.field}于${dateWord(f.changedOn)}发生变更，应于${dateWord(due)}前报告，${how}`] });
  }
  return out;
}

export interface RestructuringFact {
  unitId: string;
  subjectName: string;
  /** Date the rename / reorganisation procedure is (or was) carried out. */
  procedureOn: IsoDate;
  /** Date of the advance-notice filing; undefined if none was filed. */
  filedOn?: IsoDate;
}

/**
 * GZ-4.8 requires the report 10 working days before the procedure but names no sanction of its
 * own. A rename or restructuring is a 重大变更 of the unit's (or its partner's) name or
 * organisation, so a report filed too late, or not at all, is GZ-4.4a.4's 发生重大变更，未及时报告说明:
 * the candidate is a criticism on the pack's unreported-change ground, and its facts cite GZ-4.8.
 */
export function advanceNoticeGrounds(facts: readonly RestructuringFact[], today: IsoDate, pack: PolicyPack, calendar: WorkingDayCalendar): Candidate[] {
  const rule = pack.clauses.advanceNotice;
  const clause = pack.clauses.unreportedChange;
  if (!rule || !clause || pack.advanceNoticeWorkingDays === null) return [];
  const out: Candidate[] = [];
  const required = `未达到办理手续前 ${pack.advanceNoticeWorkingDays} 个工作日报送${pack.workGroupName}的要求（${rule}）`;
  for (const f of facts) {
    const subject = { kind: "unit" as const, id: f.unitId };
    if (f.filedOn === undefined) {
      const check = checkAdvanceNotice(f.procedureOn, f.procedureOn, pack, calendar);
      if (today > check.latestOnTimeFilingDate) {
        out.push({ clause, proceeding: "criticism", subject, evidence: [`“${f.subjectName}”于 ${dateWord(f.procedureOn)} 办理更名、重组等手续，最迟应于 ${dateWord(check.latestOnTimeFilingDate)} 报送，未报送，${required}`] });
      }
      continue;
    }
    const check = checkAdvanceNotice(f.procedureOn, f.filedOn, pack, calendar);
    if (check.late) {
      out.push({
        clause,
        proceeding: "criticism",
        subject,
        evidence: [`“${f.subjectName}”于 ${dateWord(f.filedOn)} 报送，距办理手续（${dateWord(f.procedureOn)}）仅 ${check.workingDaysAhead} 个工作日，${required}，应不少于 ${pack.advanceNoticeWorkingDays} 个`],
      });
    }
  }
  return out;
}

export interface PartnerFacts {
  partnerId: string;
  partnerName: string;
  complaints: readonly { id: string; status: "open" | "closed"; effectivelyResolved?: boolean }[];
  ratings: readonly { id: string; value: "satisfied" | "basicallySatisfied" | "dissatisfied" }[];
}

/** DG-16.2 (complaints not effectively resolved) and DG-16.3 ("dissatisfied" ratings) thresholds. */
export function partnerGrounds(f: PartnerFacts, pack: PolicyPack): Candidate[] {
  const out: Candidate[] = [];
  const subject = { kind: "partner" as const, id: f.partnerId };
  const unresolved = f.complaints.filter((c) => c.status === "closed" && c.effectivelyResolved === false);
  if (pack.clauses.unresolvedComplaints && unresolved.length >= pack.thresholds.unresolvedComplaints) {
    out.push({
      clause: pack.clauses.unresolvedComplaints,
      proceeding: "partnerRemoval",
      subject,
      evidence: [`“${f.partnerName}”受到企业投诉未有效解决 ${unresolved.length} 次（投诉 ${unresolved.map((c) => c.id).join("、")}）`],
    });
  }
  const dissatisfied = f.ratings.filter((r) => r.value === "dissatisfied");
  if (pack.clauses.dissatisfiedRatings && dissatisfied.length >= pack.thresholds.dissatisfiedRatings) {
    out.push({
      clause: pack.clauses.dissatisfiedRatings,
      proceeding: "partnerRemoval",
      subject,
      evidence: [`试点企业对“${f.partnerName}”评价“不满意”${dissatisfied.length} 次`],
    });
  }
  return out;
}

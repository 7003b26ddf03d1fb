// Generates a lived-in, obviously fictional programme: units, partners, pilot enterprises, task
// books, closed periods with real scores and rankings (computed by the domain, not invented),
// an open period with drafts, and units in every state the staff meet in practice. The same
// generator, with a size parameter, feeds the benchmarks. Deterministic for a given day: a seed,
// not Math.random, and every date counted from the day it is generated for (demoDates.ts).
import { createHash } from "node:crypto";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { periodBounds, reportDeadline } from "../../functions/src/domain/periods.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { judgedParts } from "../../functions/src/domain/evaluationDraft.js";
import { getPolicyPack, type PolicyPack } from "../../functions/src/domain/policy/index.js";
import { lowestRanked, rankOn, rankingValue, summarise } from "../../functions/src/domain/ranking.js";
import { taskBookCompletion } from "../../functions/src/domain/taskBookCompletion.js";
import { catalogueListEntries, partnerListEntries } from "../../functions/src/domain/applyChange.js";
import { interviewNotice, interviewNoticeId } from "../../functions/src/domain/interviewNotice.js";
import { circularOf, circulationClause } from "../../functions/src/domain/circulars.js";
import { addDays } from "../../functions/src/domain/dates.js";
import { partnerGrounds } from "../../functions/src/domain/grounds.js";
import { noticeNextDeadline } from "../../functions/src/domain/noticeSchedule.js";
import { reviewBatchId } from "../../functions/src/domain/reviewBatches.js";
import { evaluate, type MetricValues } from "../../functions/src/domain/scoring.js";
import { reportMetrics, typedMetrics, type ProgressRow } from "../../functions/src/domain/enterpriseMetrics.js";
import type {
  ChangeApplication,
  Circular,
  Evaluation,
  Notice,
  Partner,
  Period,
  PilotEnterprise,
  Proceeding,
  Award,
  CatalogueItem,
  CatalogueList,
  Interview,
  Notification,
  PartnerList,
  Programme,
  Rating,
  Report,
  SurveyToken,
  TaskBook,
  Unit,
} from "../../functions/src/domain/schemas/index.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { at, demoDates, demoPeriods, todayInShanghai } from "./demoDates.js";

/**
 * The demo programmes have no calendar corrections of their own and declare no year beyond the
 * holiday package (chinese-days covers up to 2026): a deadline that falls in 2027 waits for the
 * 2027 arrangement, which the calendar administrator enters on the 节假日安排 page — as in real use.
 */
export const DEMO_CALENDAR_OVERRIDES = { restDays: [] as string[], workingDays: [] as string[], coveredYears: [] as number[] };

export interface ProgrammeSpec {
  id: string;
  name: string;
  city: string;
  packId: "guangzhou" | "dongguan";
  units: number;
  partnersPerUnit: number;
  enterprisesPerUnit: number;
  /** Closed periods with accepted reports and approved evaluations, oldest first. */
  closedPeriods: string[];
  openPeriod: string;
  /** First USCC serial, so programmes never share codes. */
  usccBase: number;
  /**
   * DG-8 / DG-9.2: how many evaluations of the last closed period still await approval (default
   * none). With any, that period's ranking is provisional (暂定): nobody is listed for interview yet.
   */
  pendingApproval?: number;
  /** Names for the first units (the demo sign-ins belong to them). */
  fixedNames?: string[];
  /**
   * GZ-3.4.1 / GZ-4.4a.2: the unit (by index) whose report of the latest closed period came after
   * the report deadline and before the evaluation close: accepted, recorded late (资料报送不及时),
   * scored as late, and the unit still took part in the evaluation.
   */
  lateReportUnit?: number;
}

export interface GeneratedProgramme {
  spec: ProgrammeSpec;
  programme: Programme;
  units: Record<string, Unit>;
  partners: Record<string, Partner>;
  enterprises: Record<string, PilotEnterprise>;
  taskBooks: Record<string, TaskBook>;
  periods: Record<string, Period>;
  reports: Record<string, Report>;
  evaluations: Record<string, Evaluation>;
  rankings: Record<string, { periodId: string; counts: Record<string, number>; finalAt?: Date }>;
  proceedings: Record<string, Proceeding>;
  /** GZ-4.4a.0: the 通报 of each issued criticism, as issuing it writes them (id = the proceeding's). */
  circulars: Record<string, Circular>;
  changes: Record<string, ChangeApplication>;
  notices: Record<string, Notice>;
  ratings: Record<string, Rating>;
  /** The rating links those ratings came through (id = the SHA-256 of the link's token, used). */
  surveyTokens: Record<string, SurveyToken>;
  catalogue: Record<string, CatalogueItem>;
  partnerLists: Record<string, PartnerList>;
  catalogueLists: Record<string, CatalogueList>;
  notifications: Record<string, Notification>;
  interviews: Record<string, Interview>;
  awards: Record<string, Award>;
}

const SYSTEM = { uid: "system", role: "system" as const, name: "demo-seed" };
const STAFF = (programmeId: string) => ({ uid: programmeId.startsWith("gz") ? "staff-gz" : "staff-dg", role: "staff" as const, name: "演示工作人员" });

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITY_WORDS: Record<string, string[]> = {
  广州: ["穗链", "羊城", "珠江", "云山", "越秀", "南沙", "黄埔", "天河", "番禺", "花城", "白云", "海珠"],
  东莞: ["莞工", "松山", "虎门", "长安", "厚街", "塘厦", "常平", "大朗", "樟木", "清溪", "凤岗", "石龙"],
};
const TRADES = ["智造", "云数", "数联", "工联", "智控", "数科", "链通", "智算", "云图", "精工"];
const KINDS = ["科技", "信息", "数字服务", "软件", "网络科技"];
const SECTORS = ["五金", "家具", "服装", "电子", "塑胶", "模具", "食品", "包装", "灯饰", "纺织"];

export const unitId = (programmeId: string, i: number) => `${programmeId.slice(0, 2)}-u${String(i + 1).padStart(2, "0")}`;

function name(words: string[], rnd: () => number, i: number, suffix: string) {
  const w = words[i % words.length]!;
  const t = TRADES[Math.floor(i / words.length + rnd() * TRADES.length) % TRADES.length]!;
  return `${w}${t}${suffix}（演示）有限公司`;
}

/** Year-to-date actuals for a unit of a given strength at a point of the year. */
function actualsFor(targets: MetricValues, strength: number, fraction: number): MetricValues {
  const out: MetricValues = {};
  for (const [k, v] of Object.entries(targets) as [keyof MetricValues, number][]) {
    out[k] = k === "level2Share" ? Math.min(1, Math.round(v * (0.6 + strength * 0.5) * 100) / 100) : Math.round(v * fraction * (0.5 + strength * 0.7));
  }
  return out;
}

/**
 * A report's per-enterprise rows for the unit's own pilot enterprises, so that the figures counted
 * from them (enterpriseMetrics.ts: transformed, diagnoses, the level-2 share) come near `actuals`;
 * the report stores the metrics as counted, never the typed figures.
 */
function reportOf(actuals: MetricValues, served: string[]): { metrics: MetricValues; enterprises: (ProgressRow & { progress: string; contractSigned: boolean })[] } {
  const transformed = Math.min(served.length, actuals.enterprisesTransformed ?? 0);
  const diagnosed = Math.min(served.length, actuals.diagnoses ?? 0);
  const atLevel2 = Math.round(transformed * (actuals.level2Share ?? 0));
  const enterprises = served.slice(0, Math.max(transformed, diagnosed)).map((enterpriseId, i) => ({
    enterpriseId,
    progress: i < transformed ? "改造实施完成，已评估数字化水平" : "已完成诊断，改造方案编制中",
    contractSigned: true,
    diagnosisDone: i < diagnosed,
    ...(i < transformed ? { levelAfter: i < atLevel2 ? 2 + (i % 2) : 1 } : {}),
  }));
  return { metrics: reportMetrics(actuals, enterprises, served), enterprises };
}

function fractionOf(periodId: string): number {
  const q = /-Q([1-4])$/.exec(periodId);
  return q ? Number(q[1]) / 4 : 1;
}

/** The programme as of `today` (default: today in Beijing); every date counts from it (demoDates.ts). */
export function generateProgramme(spec: ProgrammeSpec, today = todayInShanghai()): GeneratedProgramme {
  const pack: PolicyPack = getPolicyPack(spec.packId);
  const d = demoDates(today);
  // chinese-days covers up to 2026; the open period's deadline falls in January 2027, so the demo
  // programme carries the part of the 2027 arrangement it needs. A real programme enters the
  // State Council notice here (or updates the package) before relying on 2027 dates.
  const calendarOverrides = DEMO_CALENDAR_OVERRIDES;
  const calendar = makeCalendar(calendarOverrides);
  const rnd = prng(spec.usccBase);
  const g: GeneratedProgramme = {
    spec,
    programme: {
      name: spec.name,
      city: spec.city,
      packId: spec.packId,
      startsOn: d.programmeStart,
      endsOn: null,
      calendarOverrides,
      description: "演示数据：单位、企业与代码均为虚构。2027 年节假日仅录入元旦，正式使用前须按国务院办公厅通知补录。",
      createdAt: at(d.programmeStart),
    },
    units: {},
    partners: {},
    enterprises: {},
    taskBooks: {},
    periods: {},
    reports: {},
    evaluations: {},
    rankings: {},
    proceedings: {},
    circulars: {},
    changes: {},
    notices: {},
    ratings: {},
    surveyTokens: {},
    catalogue: {},
    partnerLists: {},
    catalogueLists: {},
    notifications: {},
    interviews: {},
    awards: {},
  };
  const words = CITY_WORDS[spec.city] ?? CITY_WORDS["广州"]!;
  const strengths: number[] = [];
  let serial = spec.usccBase;

  for (let i = 0; i < spec.units; i++) {
    const id = unitId(spec.id, i);
    // The last unit is weak enough to fail every evaluation (the domain scores it; nothing forced).
    strengths.push(i === spec.units - 1 ? 0.05 : rnd());
    g.units[id] = { name: spec.fixedNames?.[i] ?? name(words, rnd, i, KINDS[i % KINDS.length]!), uscc: makeUscc(serial++), status: "listed", listedOn: d.listedOn, batch: i < spec.units / 2 ? "第一批" : "第二批" };
    for (let j = 0; j < spec.partnersPerUnit; j++) {
      // Every third unit's last partner joined later, through the second published list.
      const later = i % 3 === 0 && j === spec.partnersPerUnit - 1;
      g.partners[`${id}-p${j + 1}`] = { unitId: id, name: `${words[(i + j + 3) % words.length]}${TRADES[(j + 2) % TRADES.length]}合作伙伴${j + 1}号（演示）有限公司`, uscc: makeUscc(serial++), status: "active", since: later ? d.secondListOn : d.firstListOn, listVersion: later ? 2 : 1 };
    }
    for (let j = 0; j < 2; j++) {
      const low = 2 + Math.floor(rnd() * 8);
      g.catalogue[`${id}-c${j + 1}`] = { unitId: id, name: `${SECTORS[(i + j) % SECTORS.length]}行业${j === 0 ? "设备联网" : "订单排产"}轻量化解决方案`, category: j === 0 ? "生产管控" : "计划排程", priceMin: low * 10_000, priceMax: (low + 5) * 10_000, smallFastLightPrecise: true, status: "approved" };
    }
    for (let j = 0; j < spec.enterprisesPerUnit; j++) {
      const before = 1 + Math.floor(rnd() * 2);
      const after = Math.min(4, before + Math.floor(rnd() * 3));
      const diagnosed = rnd() < 0.8;
      g.enterprises[`${id}-e${j + 1}`] = {
        name: `${words[(i * 7 + j) % words.length]}${SECTORS[j % SECTORS.length]}制品厂${j + 1}（演示）有限公司`,
        uscc: makeUscc(serial++),
        servedBy: id,
        contractSignedOn: d.contractsOn,
        diagnosisDone: false,
        levelBefore: before,
        ...(diagnosed ? { levelAfter: after } : {}),
        onCloud: rnd() < 0.5,
        acceptance: "pending",
      };
    }
    for (const y of new Set([...spec.closedPeriods, spec.openPeriod].map((p) => Number(p.slice(0, 4))))) {
      g.taskBooks[`${id}_${y}`] = {
        unitId: id,
        year: y,
        // Enterprises transformed and diagnoses are counted from the unit's own pilot enterprises: the targets fit them.
        targets: { enterprisesTransformed: spec.enterprisesPerUnit, diagnoses: spec.enterprisesPerUnit, cloudEnterprises: Math.round(spec.enterprisesPerUnit * 0.75), level2Share: 0.8, solutions: 5, typicalCases: 2, platforms: 1 },
        otherTargets: [],
        signedOn: d.taskBookSignedOn(y),
      };
    }
  }

  const servedBy = (uid: string) => Object.keys(g.enterprises).filter((id) => g.enterprises[id]!.servedBy === uid);

  // Closed periods: accepted reports, approved evaluations scored by the domain, frozen ranks.
  const late = spec.lateReportUnit === undefined ? undefined : lateSubmission(spec.closedPeriods, pack, calendar, today);
  for (const periodId of spec.closedPeriods) {
    const b = periodBounds(periodId);
    const deadline = reportDeadline(periodId, pack, calendar);
    const evaluationCloseOn = calendar.deadline(deadline, pack.evaluationWindow.length, pack.evaluationWindow.unit);
    const closedOn = d.closedOn(evaluationCloseOn);
    const closedAt = at(closedOn, "01:00");
    g.periods[periodId] = { id: periodId, cadence: pack.cadence, start: b.start, end: b.end, reportDeadline: deadline, evaluationCloseOn, state: "closed", closedAt };
    // DG-8 / DG-9.2: in the last closed period the first `pendingApproval` units after the sign-in unit still await approval.
    const pending = periodId === spec.closedPeriods[spec.closedPeriods.length - 1] ? (spec.pendingApproval ?? 0) : 0;
    const rows: { unitId: string; total: number; completion: Evaluation["completion"] }[] = [];
    Object.keys(g.units).forEach((uid, i) => {
      const targets = g.taskBooks[`${uid}_${periodId.slice(0, 4)}`]!.targets;
      const { metrics: actuals, enterprises } = reportOf(actualsFor(targets, strengths[i]!, fractionOf(periodId)), servedBy(uid));
      // GZ-3.4.1 / GZ-4.4a.2: submitted late (after the deadline, before the evaluation close), accepted and recorded late.
      const isLate = late?.periodId === periodId && i === spec.lateReportUnit;
      const reporting = isLate ? "late" : "onTime";
      g.reports[`${uid}_${periodId}`] = { unitId: uid, periodId, state: "accepted", metrics: actuals, enterprises, documentIds: [], submittedOn: isLate ? late.submittedOn : b.end, late: isLate, incomplete: false, missingFields: [], reviewReasons: [], returnedCount: 0 };
      // Every judged part of the city's own model, scored by the unit's strength.
      const judged = judgedParts(pack.scoring).map((part) => ({ partId: part.id, score: Math.round(part.points * (0.4 + strengths[i]! * 0.6)), methods: ["questionnaire", "siteVisit"] as const }));
      const r = evaluate({ periodId, targets, actuals, reporting, complaints: { received: 1, closed: 1 }, judged }, pack.scoring);
      if (!r.ok) throw new Error(r.message);
      const completion = taskBookCompletion(periodId, targets, actuals, pack.scoring);
      const approved = !(i >= 1 && i <= pending);
      g.evaluations[`${uid}_${periodId}`] = {
        unitId: uid,
        periodId,
        state: approved ? "approved" : "draft",
        dimensions: r.value.dimensions.map((d) => ({ id: d.id, label: d.label, weight: d.weight, score: d.score, explanation: d.explanation })),
        judged: judged.map((j) => ({ ...j, methods: [...j.methods], evidenceDocumentIds: [], by: STAFF(spec.id) })),
        total: r.value.total,
        band: r.value.band,
        passed: r.value.passed,
        participated: true,
        reporting,
        missingJudged: [],
        completion,
        // What the scores were computed from, as receiveReportSubmission stores it (the what-if rescores from it).
        inputs: { targets, actuals, complaints: { received: 1, closed: 1 } },
        // Approved once the report was in: a late one after its submission, by the evaluation close.
        ...(approved ? { approvedBy: STAFF(spec.id), approvedAt: at(d.past(isLate ? evaluationCloseOn : deadline), "16:00") } : {}),
      };
      rows.push({ unitId: uid, total: r.value.total, completion });
    });
    // Ranked on the pack's basis (DG-9.2: task-book completion), as the period close freezes it.
    const basis = pack.ranking.basis;
    const ranked = rankOn(rows, basis);
    for (const row of ranked) g.evaluations[`${row.unitId}_${periodId}`]!.rank = row.rank;
    const final = pending === 0;
    g.rankings[periodId] = { periodId, counts: { ...summarise(ranked.map((r) => ({ unitId: r.unitId, total: rankingValue(r, basis)! }))) }, ...(final ? { finalAt: closedAt } : {}) };
    // DG-9.2: the final ranking lists the lowest-ranked for interview; the first is already recorded.
    // A provisional ranking lists nobody yet (finalRanking.ts).
    if (pack.clauses.ranking && final) {
      lowestRanked(ranked, pack.lowestRankedCount).forEach((row, k) => {
        const recorded = k === 0;
        g.notifications[interviewNoticeId(periodId, row.unitId)] = { ...interviewNotice({ unitId: row.unitId, unitName: g.units[row.unitId]!.name, periodId, rank: row.rank, total: row.total, completion: row.completion, basis, clause: pack.clauses.ranking! }), createdAt: closedAt, ...(recorded ? { readAt: closedAt } : {}) };
        if (recorded) g.interviews[`demo-interview-${periodId}`] = { unitId: row.unitId, periodId, rank: row.rank, heldOn: d.past(addDays(closedOn, 5)), kind: "interview", notes: "约谈单位负责人，指出任务书完成率偏低，要求一个月内提交整改计划。", by: STAFF(spec.id) };
      });
    }
    // DG-5.7: the year's best unit named excellent (optional; recorded when given).
    if (pack.clauses.awards) {
      const best = ranked.find((r) => r.rank === 1)!;
      g.awards[`${periodId}_excellentUnit_${best.unitId}`] = { year: Number(periodId.slice(0, 4)), kind: "excellentUnit", subjectId: best.unitId, subjectName: g.units[best.unitId]!.name, decidedOn: d.past(addDays(closedOn, 10)), by: STAFF(spec.id) };
    }
  }

  // Published lists (GZ-4.6.3, DG-14): version 1 at listing, version 2 with the later partners.
  const registry = { units: new Map(Object.entries(g.units)), partners: new Map(Object.entries(g.partners)), catalogue: new Map(Object.entries(g.catalogue)) };
  const firstPartners = { ...registry, partners: new Map(Object.entries(g.partners).filter(([, p]) => p.listVersion === 1)) };
  const version = (n: number, publishedOn: string, clause: string) => ({ version: n, publishedOn, publishedAt: at(publishedOn, "10:00"), clause, changeIds: [] });
  g.partnerLists["1"] = { ...version(1, d.firstListOn, pack.clauses.changeNotice), entries: partnerListEntries(firstPartners) };
  g.partnerLists["2"] = { ...version(2, d.secondListOn, pack.clauses.changeNotice), entries: partnerListEntries(registry) };
  g.catalogueLists["1"] = { ...version(1, d.firstListOn, pack.clauses.changeNotice), entries: catalogueListEntries(registry) };

  // The open period: most units have drafts; one submitted, one returned with the reasons.
  const open = spec.openPeriod;
  const ob = periodBounds(open);
  // Opened as the daily sweep opens it: a deadline in a year without a holiday arrangement waits for one.
  g.periods[open] = newPeriod(open, pack, calendar);
  Object.keys(g.units).forEach((uid, i) => {
    if (i % 3 === 2) return; // not started yet
    const targets = g.taskBooks[`${uid}_${open.slice(0, 4)}`]!.targets;
    const state = i === 0 ? "submitted" : i === 1 ? "returned" : "draft";
    const counted = reportOf(actualsFor(targets, strengths[i]!, fractionOf(open) * 0.9), servedBy(uid));
    g.reports[`${uid}_${open}`] = {
      unitId: uid,
      periodId: open,
      state,
      // A draft holds only what the unit types (the rules refuse the row figures); a submitted report holds them as counted.
      metrics: state === "draft" ? typedMetrics(counted.metrics) : counted.metrics,
      enterprises: counted.enterprises,
      documentIds: [],
      late: false,
      incomplete: false,
      missingFields: [],
      reviewReasons: [],
      returnedCount: state === "returned" ? 1 : 0,
      ...(state === "returned" ? { reviewComment: "“咨询诊断”数量与诊断报告份数不一致，请核对后补充诊断报告并说明进度滞后原因。" } : {}),
      ...(state === "submitted" ? { submittedOn: d.submittedOn < ob.start ? ob.start : d.submittedOn } : {}),
    };
  });

  // Units in every state the staff meet.
  const ids = Object.keys(g.units);
  const u = (k: number) => ids[k % ids.length]!;
  const opened = { automatic: false, openedBy: STAFF(spec.id), evidence: [{ description: "演示：工作小组核查发现" }] };
  const lastClosed = spec.closedPeriods[spec.closedPeriods.length - 1] ?? open;
  if (pack.criticismGrounds.length > 0) {
    g.units[u(3)]!.status = "rectifying";
    // As the proceeding steps write it: an issued criticism carries its deadline as nextDeadlineOn,
    // so the deadline sweep marks it overdue when the rectification runs out.
    const rectifyBy = calendar.addWorkingDays(d.criticismOpenOn, 20);
    g.proceedings["demo-criticism-open"] = { kind: "criticism", unitId: u(3), ground: pack.criticismGrounds[1] ?? pack.criticismGrounds[0]!, ...opened, evidence: [{ description: `${lastClosed} 报告逾期报送且附件不完整` }], openedOn: d.criticismOpenOn, state: "issued", rectificationDeadline: rectifyBy, nextDeadlineOn: rectifyBy, extensions: [] };
    g.units[u(4)]!.status = "rectifying";
    g.proceedings["demo-criticism-overdue"] = { kind: "criticism", unitId: u(4), ground: pack.criticismGrounds[2] ?? pack.criticismGrounds[0]!, ...opened, evidence: [{ description: `${lastClosed} 进度滞后且未作说明` }], openedOn: d.criticismOverdueOn, state: "overdue", rectificationDeadline: calendar.addWorkingDays(d.criticismOverdueOn, 20), extensions: [] };
    circulateIssued(g, pack);
  }
  const failedTwice = ids[ids.length - 1]!;
  if (spec.closedPeriods.length >= pack.thresholds.failedEvaluations) {
  g.units[failedTwice]!.status = "clearOutProposed";
  g.proceedings["demo-clearout-awaiting-meeting"] = {
    kind: "clearOut",
    unitId: failedTwice,
    ground: pack.clauses.failedEvaluations,
    automatic: true,
    openedBy: SYSTEM,
    evidence: [{ description: `累计两次绩效评价不达标（${spec.closedPeriods.join("、")}）` }],
    openedOn: d.clearOutOpenedOn,
    state: "proposed",
    note: "累计两次绩效评价不达标",
  };
  }

  // DG-16.3: two "dissatisfied" ratings for one partner → a removal candidate.
  const dissatisfied = pack.clauses.dissatisfiedRatings;
  if (dissatisfied && pack.partnerRemovalGrounds.includes(dissatisfied)) {
    const partnerId = `${u(5)}-p1`;
    for (const n of [1, 2]) {
      // The link each rating came through, already used: the 满意度评价 page lists it as 已评价.
      const tokenHash = createHash("sha256").update(`${spec.id}-demo-survey-${n}`).digest("hex");
      const enterpriseId = `${u(5)}-e${n}`;
      g.surveyTokens[tokenHash] = { tokenHash, enterpriseId, unitId: u(5), partnerIds: [partnerId], periodId: lastClosed, expiresOn: addDays(d.ratedOn, 20), usedAt: at(d.ratedOn) };
      g.ratings[`demo-rating-${n}`] = { unitId: u(5), partnerId, enterpriseId, periodId: lastClosed, value: "dissatisfied", comment: n === 1 ? "上门服务多次爽约" : "系统上线后问题无人处理", ratedAt: at(d.ratedOn), tokenId: tokenHash };
    }
    // The candidate as the rating rule raises it (grounds.ts): the pack's clause, the partner named in the facts.
    const ratingIds = Object.keys(g.ratings).filter((id) => g.ratings[id]!.partnerId === partnerId);
    const candidate = partnerGrounds({ partnerId, partnerName: g.partners[partnerId]!.name, complaints: [], ratings: ratingIds.map((id) => ({ id, value: "dissatisfied" as const })) }, pack)[0]!;
    g.proceedings["demo-partner-removal"] = {
      kind: "partnerRemoval",
      unitId: u(5),
      partnerId,
      ground: candidate.clause,
      automatic: true,
      openedBy: SYSTEM,
      evidence: candidate.evidence.map((description) => ({ description })),
      openedOn: d.removalOpenedOn,
      state: "proposed",
    };
  }

  // A notice open for objections, with one approved partner addition in it.
  const changeId = "demo-change-partner-add";
  const newPartner = `${words[1]}${TRADES[4]}新伙伴（演示）有限公司`;
  g.changes[changeId] = {
    unitId: u(6),
    type: "partnerAdd",
    state: "inNotice",
    payload: { type: "partnerAdd", name: newPartner, uscc: makeUscc(serial) },
    documents: [],
    submittedOn: d.changeSubmittedOn,
    reviewComment: "材料齐全，同意新增。",
    reviewedBy: STAFF(spec.id),
    noticeId: "demo-notice-open",
    clause: pack.clauses.changeReview,
  };
  // GZ-4.6.0 / DG-14: a unit has applied to remove one of its partners; it waits in the review queue.
  g.changes["demo-change-partner-remove"] = {
    unitId: u(7),
    type: "partnerRemove",
    state: "submitted",
    payload: { type: "partnerRemove", partnerId: `${u(7)}-p2`, reason: "合作项目已结束，双方协商不再合作" },
    documents: [],
    submittedOn: d.changeSubmittedOn,
    reviewBatchId: reviewBatchId(d.changeSubmittedOn, pack),
    clause: pack.clauses.changeFiling.partnerRemove ?? pack.clauses.changeReview,
  };
  const startsOn = d.noticeStartsOn;
  const endsOn = calendar.deadline(startsOn, pack.notice.length, pack.notice.unit);
  g.notices["demo-notice-open"] = {
    title: `${spec.city}牵引单位合作伙伴变更公示（${startsOn.slice(0, 4)} 年第 ${Number(startsOn.slice(5, 7))} 批）`,
    items: [{ changeId, unitName: g.units[u(6)]!.name, summary: `新增合作伙伴：${newPartner}` }],
    startsOn,
    endsOn,
    length: pack.notice.length,
    unit: pack.notice.unit,
    state: "open",
    clause: pack.clauses.changeNotice,
    // As the notice job writes an opened notice.
    openedOn: startsOn,
    nextDeadlineOn: noticeNextDeadline("open", { startsOn, endsOn }),
  };
  return g;
}

/**
 * The latest closed period in which a report submitted three working days after the report
 * deadline lies before today and no later than the evaluation close (GZ-3.4.1: accepted, late).
 */
function lateSubmission(closedPeriods: string[], pack: PolicyPack, calendar: ReturnType<typeof makeCalendar>, today: string): { periodId: string; submittedOn: string } | undefined {
  for (const periodId of [...closedPeriods].reverse()) {
    const deadline = reportDeadline(periodId, pack, calendar);
    const evaluationCloseOn = calendar.deadline(deadline, pack.evaluationWindow.length, pack.evaluationWindow.unit);
    const submittedOn = calendar.addWorkingDays(deadline, Math.min(3, pack.evaluationWindow.length));
    if (submittedOn > deadline && submittedOn <= evaluationCloseOn && submittedOn < today) return { periodId, submittedOn };
  }
  return undefined;
}

/** GZ-4.4a.0: each issued criticism's 通报, as the issue step writes it (issued on the day it was opened). */
function circulateIssued(g: GeneratedProgramme, pack: PolicyPack) {
  const clause = circulationClause(pack);
  if (!clause) return;
  for (const [proceedingId, p] of Object.entries(g.proceedings)) {
    if (p.kind !== "criticism" || !p.rectificationDeadline) continue;
    g.circulars[proceedingId] = circularOf({ proceedingId, proceeding: p, unitName: g.units[p.unitId]!.name, issuedOn: p.openedOn, rectificationDeadline: p.rectificationDeadline, clause, publishedAt: at(p.openedOn, "10:00") });
  }
}

/** The lived-in demo as of `today`: Guangzhou's current quarter open and the two before it closed, Dongguan's current year open and last year closed. */
export function demoSpecs(today = todayInShanghai()): ProgrammeSpec[] {
  const p = demoPeriods(today);
  return [
    { id: "gz-2025", name: "广州市中小企业数字化转型城市试点（演示）", city: "广州", packId: "guangzhou", units: 30, partnersPerUnit: 7, enterprisesPerUnit: 20, ...p.guangzhou, usccBase: 1, fixedNames: ["穗链智造科技（演示）有限公司", "羊城云数信息（演示）有限公司"], lateReportUnit: 1 },
    // DG-8 / DG-9.2: one evaluation of last year still awaits approval, so its ranking shows 暂定.
    { id: "dg-2025", name: "东莞市中小企业数字化转型城市试点（演示）", city: "东莞", packId: "dongguan", units: 20, partnersPerUnit: 5, enterprisesPerUnit: 10, ...p.dongguan, usccBase: 50_000, fixedNames: ["莞工数字服务（演示）有限公司"], pendingApproval: 1 },
  ];
}

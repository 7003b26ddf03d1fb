// The formal document of each decision (决定文书), as text: what a 通报批评及限期整改通知, a
// 绩效评价结果告知书, a 清退决定, a 整改逾期处理决定, a 清退公告, a 变更审核意见, a 公示 and a
// 名单 state, from the facts the decision rests on — the facts, the clause in the programme's own regulation, the calculation
// (each dimension's score and its explanation) and the deadline counted in working days. Pure: the
// use case reads the facts, the PDF adapter (files/decisionPdf.ts) lays this content out. The same
// facts always give the same content, so a document regenerated from unchanged facts is the same
// file, byte for byte.
import type { IsoDate } from "./dates.js";
import type { DecisionDocumentKind } from "./decisionDocumentKinds.js";
import type { PublishedListKind } from "./listDiff.js";
import type { ChangeApplication } from "./schemas/change.js";
import type { CatalogueList, PartnerList, UnitChangeList } from "./schemas/lists.js";
import type { PolicyPack } from "./policy/schema.js";
import {
  announcementKindWords,
  announcementOutcomeWords,
  bureauMeetingDecisionWords,
  catalogueActionWords,
  changeTypeWords,
  dateWord,
  deadlineUnitWords,
  listKindWords,
  reviewDecisionWords,
  unitInfoFieldWords,
  evaluationOutcomeWords,
  groundWord,
  nouns,
  periodWord,
  proceedingKindWords,
  reportingWords,
} from "./words.js";

export { decisionDocumentKinds, type DecisionDocumentKind } from "./decisionDocumentKinds.js";

/** What each document is called (its title). */
export const decisionDocumentTitles = {
  criticismNotice: "通报批评及限期整改通知",
  evaluationResult: "绩效评价结果告知书",
  clearOutDecision: "清退决定",
  overdueDecision: "整改逾期处理决定",
  clearOutAnnouncement: "清退公告",
  changeReview: "变更审核意见",
  publicNotice: "公示",
  publishedList: "名单",
} as const satisfies Record<DecisionDocumentKind, string>;

/** One block of the document's body, in reading order. */
export type DocumentBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "list"; items: string[] }
  /** The calculation: one row per dimension, with its explanation under it. */
  | { type: "scores"; rows: { label: string; weight: string; score: string; explanation: string }[]; total: string };

export interface DecisionDocumentContent {
  kind: DecisionDocumentKind;
  title: string;
  /** Who the document is addressed to ("广州某某科技有限公司："); none for a public announcement. */
  addressee?: string;
  blocks: DocumentBlock[];
  /** Who issues it: the programme and its work group (pack `workGroupName`). */
  issuer: string;
  /** The decision's own date (not the day the file was produced). */
  issuedOn: IsoDate;
  /** The clauses the document cites, first the decision's own. */
  clauses: string[];
  /** The unit the decision concerns (it may read its own document); none for a notice or a list, which concern many. */
  unitId?: string;
}

/** The programme as the document names it. */
export interface Issuing {
  programmeName: string;
  pack: Pick<PolicyPack, "name" | "workGroupName" | "clauses" | "clearOut" | "rectification" | "changeNoticeTitle">;
}

/** A clause as a formal document cites it: the regulation's title, the clause and its wording. */
export function clauseCitation(pack: Pick<PolicyPack, "name">, clause: string, words?: string): string {
  return `《${pack.name}》${clause}${words ? `（${words}）` : ""}`;
}

const issuerOf = (i: Issuing) => `${i.programmeName}${i.pack.workGroupName}`;
const factsList = (facts: readonly string[]): DocumentBlock => ({ type: "list", items: facts.length > 0 ? facts.map((f) => f.trim()).filter((f) => f.length > 0) : ["（未载明具体事实）"] });

/** A deadline as the document states it: the date, and how many working days from the decision. */
export function deadlineSentence(issuedOn: IsoDate, deadline: IsoDate, workingDays: number | undefined): string {
  return workingDays === undefined ? `${dateWord(deadline)}前` : `自${dateWord(issuedOn)}起${workingDays}个工作日内（即${dateWord(deadline)}前）`;
}

export interface CriticismNoticeFacts extends Issuing {
  unitId: string;
  unitName: string;
  ground: string;
  facts: readonly string[];
  issuedOn: IsoDate;
  rectificationDeadline: IsoDate;
  /** Working days from the issue date to the deadline; undefined when the calendar cannot count them. */
  workingDays: number | undefined;
  /** GZ-4.4a.0: the clause the criticism is circulated under, where the pack circulates. */
  circulationClause: string | null;
}

/** GZ-4.4a: 通报批评及限期整改通知 — the ground in the regulation's words, the facts, the deadline. */
export function criticismNotice(f: CriticismNoticeFacts): DecisionDocumentContent {
  const circulated = f.circulationClause ? `，并在本专项范围内予以通报（${clauseCitation(f.pack, f.circulationClause)}）` : "";
  return {
    kind: "criticismNotice",
    title: decisionDocumentTitles.criticismNotice,
    addressee: `${f.unitName}：`,
    blocks: [
      { type: "paragraph", text: `经${f.pack.workGroupName}核查，你单位存在${clauseCitation(f.pack, f.ground, groundWord(f.ground))}规定的情形。` },
      { type: "heading", text: "一、事实" },
      factsList(f.facts),
      { type: "heading", text: "二、依据与决定" },
      { type: "paragraph", text: `依据${clauseCitation(f.pack, f.ground)}，决定对你单位${proceedingKindWords.criticism}，并责令限期整改${circulated}。` },
      { type: "heading", text: "三、整改期限" },
      { type: "paragraph", text: `请你单位${deadlineSentence(f.issuedOn, f.rectificationDeadline, f.workingDays)}完成整改，并向${f.pack.workGroupName}提交整改报告。` },
      ...(f.pack.clauses.rectificationOverdue
        ? [{ type: "paragraph" as const, text: `逾期未完成整改的，将依据${clauseCitation(f.pack, f.pack.clauses.rectificationOverdue)}，根据实际情况和情节轻重，采取继续整改或取消牵引单位资格。` }]
        : []),
    ],
    issuer: issuerOf(f),
    issuedOn: f.issuedOn,
    clauses: [f.ground, ...(f.circulationClause ? [f.circulationClause] : [])],
    unitId: f.unitId,
  };
}

export interface EvaluationResultFacts extends Issuing {
  unitId: string;
  unitName: string;
  periodId: string;
  dimensions: readonly { label: string; weight: number; score: number; explanation: string }[];
  total: number;
  band: string;
  passed: boolean;
  rank?: number;
  reporting?: keyof typeof reportingWords;
  /** The day staff approved (审定) the evaluation: only an approved evaluation is a decision. */
  approvedOn: IsoDate;
}

const points = (n: number) => (Math.round(n * 100) / 100).toString();

/** GZ-3.3 / GZ-3.4.2: 绩效评价结果告知书 — each dimension's score with its explanation, the total, the band. */
export function evaluationResult(f: EvaluationResultFacts): DecisionDocumentContent {
  const { evaluation, evaluationApproval } = f.pack.clauses;
  const outcome = f.passed ? evaluationOutcomeWords.passed : evaluationOutcomeWords.failed;
  return {
    kind: "evaluationResult",
    title: decisionDocumentTitles.evaluationResult,
    addressee: `${f.unitName}：`,
    blocks: [
      { type: "paragraph", text: `依据${clauseCitation(f.pack, evaluation)}，${f.pack.workGroupName}对你单位${periodWord(f.periodId)}的工作开展了绩效评价，并依据${clauseCitation(f.pack, evaluationApproval)}于${dateWord(f.approvedOn)}审定评价结论。现将结果告知如下。` },
      { type: "heading", text: "一、各维度得分及计分说明" },
      {
        type: "scores",
        rows: f.dimensions.map((d) => ({ label: d.label, weight: points(d.weight), score: points(d.score), explanation: d.explanation })),
        total: points(f.total),
      },
      { type: "heading", text: "二、评价结论" },
      {
        type: "paragraph",
        text: `${nouns.total}${points(f.total)}分，${nouns.band}“${f.band}”，评价结果：${outcome}。${f.rank ? `本期${nouns.rank}：第${f.rank}名。` : ""}${f.reporting ? `材料报送情况：${reportingWords[f.reporting]}。` : ""}`,
      },
      ...(f.passed
        ? []
        : [{ type: "paragraph" as const, text: `依据${clauseCitation(f.pack, f.pack.clauses.failedEvaluations, groundWord(f.pack.clauses.failedEvaluations))}，累计绩效评价不达标达到规定次数的，将予以清退。` }]),
    ],
    issuer: issuerOf(f),
    issuedOn: f.approvedOn,
    clauses: [evaluation, evaluationApproval],
    unitId: f.unitId,
  };
}

export interface ClearOutDecisionFacts extends Issuing {
  unitId: string;
  unitName: string;
  uscc: string;
  ground: string;
  facts: readonly string[];
  bureauMeeting?: { heldOn: IsoDate; decision: "confirmed" | "rejected" };
  effectiveOn: IsoDate;
}

/** GZ-4.4b / DG-10: 清退决定 — ground, facts, the bureau meeting where there was one, never to re-apply. */
export function clearOutDecision(f: ClearOutDecisionFacts): DecisionDocumentContent {
  const meetingClause = f.pack.clauses.bureauMeeting;
  const meeting = f.bureauMeeting
    ? [{ type: "paragraph" as const, text: `${dateWord(f.bureauMeeting.heldOn)}，${nouns.bureauMeeting}${bureauMeetingDecisionWords[f.bureauMeeting.decision]}${meetingClause ? `（${clauseCitation(f.pack, meetingClause)}）` : ""}。` }]
    : [];
  return {
    kind: "clearOutDecision",
    title: decisionDocumentTitles.clearOutDecision,
    addressee: `${f.unitName}（${nouns.uscc}：${f.uscc}）：`,
    blocks: [
      { type: "paragraph", text: `经${f.pack.workGroupName}核查，你单位存在${clauseCitation(f.pack, f.ground, groundWord(f.ground))}规定的情形。` },
      { type: "heading", text: "一、事实" },
      factsList(f.facts),
      { type: "heading", text: "二、审议" },
      ...(meeting.length > 0 ? meeting : [{ type: "paragraph" as const, text: "本清退无须经局务会审议。" }]),
      { type: "heading", text: "三、决定" },
      { type: "paragraph", text: `依据${clauseCitation(f.pack, f.ground)}，决定自${dateWord(f.effectiveOn)}起对你单位${announcementOutcomeWords.clearOut}。` },
      { type: "paragraph", text: `依据${clauseCitation(f.pack, f.pack.clearOut.announcementClause)}，${f.pack.workGroupName}将向社会公告。` },
    ],
    issuer: issuerOf(f),
    issuedOn: f.effectiveOn,
    clauses: [f.ground, ...(f.bureauMeeting && meetingClause ? [meetingClause] : [])],
    unitId: f.unitId,
  };
}

/** What staff decided on an overdue rectification (GZ-4.3b), as the audit trail recorded it. */
export type OverdueOutcome =
  | { kind: "extended"; decidedOn: IsoDate; deadline: IsoDate; workingDays: number | undefined }
  | { kind: "qualificationCancelled"; decidedOn: IsoDate; reason: string }
  | { kind: "escalated"; decidedOn: IsoDate; clearOutGround: string };

export interface OverdueDecisionFacts extends Issuing {
  unitId: string;
  unitName: string;
  /** The criticism's ground and the deadline that passed. */
  ground: string;
  issuedOn: IsoDate;
  missedDeadline: IsoDate;
  outcome: OverdueOutcome;
}

/** GZ-4.3b: 整改逾期处理决定 — continue the rectification (new deadline), cancel the qualification, or escalate. */
export function overdueDecision(f: OverdueDecisionFacts): DecisionDocumentContent {
  const clause = f.pack.clauses.rectificationOverdue ?? f.ground;
  const o = f.outcome;
  const decision: DocumentBlock[] =
    o.kind === "extended"
      ? [{ type: "paragraph", text: `决定你单位继续整改，请${deadlineSentence(o.decidedOn, o.deadline, o.workingDays)}完成整改并提交整改报告。` }]
      : o.kind === "qualificationCancelled"
        ? [
            { type: "paragraph", text: `根据实际情况和情节轻重，决定取消你单位牵引单位资格。理由：${o.reason.trim()}` },
            { type: "paragraph", text: `依据${clauseCitation(f.pack, f.pack.clearOut.announcementClause)}，${f.pack.workGroupName}将向社会公告（${announcementKindWords.qualificationCancelled}）。` },
          ]
        : [{ type: "paragraph", text: `决定转入清退程序，清退依据为${clauseCitation(f.pack, o.clearOutGround, groundWord(o.clearOutGround))}。` }];
  return {
    kind: "overdueDecision",
    title: decisionDocumentTitles.overdueDecision,
    addressee: `${f.unitName}：`,
    blocks: [
      { type: "heading", text: "一、事实" },
      {
        type: "paragraph",
        text: `${dateWord(f.issuedOn)}，${f.pack.workGroupName}依据${clauseCitation(f.pack, f.ground, groundWord(f.ground))}对你单位通报批评，责令于${dateWord(f.missedDeadline)}前完成整改。你单位未在规定时间内完成整改。`,
      },
      { type: "heading", text: "二、依据与决定" },
      { type: "paragraph", text: `依据${clauseCitation(f.pack, clause)}：` },
      ...decision,
    ],
    issuer: issuerOf(f),
    issuedOn: o.decidedOn,
    clauses: [clause, f.ground],
    unitId: f.unitId,
  };
}

export interface ClearOutAnnouncementFacts extends Issuing {
  unitId: string;
  outcome: "clearOut" | "qualificationCancelled";
  unitName: string;
  uscc: string;
  ground: string;
  reason: string;
  effectiveOn: IsoDate;
}

/** GZ-4.5 / DG-11: 清退公告 (or the announcement of a cancelled qualification, GZ-4.3b) — unit, reason, outcome. */
export function clearOutAnnouncement(f: ClearOutAnnouncementFacts): DecisionDocumentContent {
  const title = f.outcome === "clearOut" ? decisionDocumentTitles.clearOutAnnouncement : announcementKindWords.qualificationCancelled;
  return {
    kind: "clearOutAnnouncement",
    title,
    blocks: [
      { type: "paragraph", text: `依据${clauseCitation(f.pack, f.pack.clearOut.announcementClause)}，现将有关情况公告如下：` },
      { type: "list", items: [`${nouns.unitName}：${f.unitName}`, `${nouns.uscc}：${f.uscc}`, `${nouns.ground}：${clauseCitation(f.pack, f.ground, groundWord(f.ground))}`, `原因：${f.reason.trim()}`, `决定：自${dateWord(f.effectiveOn)}起${announcementOutcomeWords[f.outcome]}。`] },
      { type: "paragraph", text: "特此公告。" },
    ],
    issuer: issuerOf(f),
    issuedOn: f.effectiveOn,
    clauses: [f.pack.clearOut.announcementClause, f.ground],
    unitId: f.unitId,
  };
}

/** One line of a change as the 变更审核意见 states it: what changes, before → after. */
export interface ChangeLine {
  item: string;
  before: string;
  after: string;
}

const NONE = "（无）";

/**
 * What a change application changes, before → after, from its own payload (the unit's filing), so
 * the opinion stays the same after the change is applied. A removed partner is named by the
 * registry's name where the use case found it.
 */
export function changeLines(p: ChangeApplication["payload"], partnerName?: string): ChangeLine[] {
  switch (p.type) {
    case "unitInfo":
      return p.changes.map((c) => ({ item: unitInfoFieldWords[c.field], before: c.from?.trim() || "（未填写）", after: c.to.trim() }));
    case "partnerAdd":
      return [{ item: "产业生态合作伙伴", before: NONE, after: `${p.name}（统一社会信用代码：${p.uscc}）` }];
    case "partnerRemove":
      return [{ item: "产业生态合作伙伴", before: partnerName ?? "（原合作伙伴）", after: `取消合作（原因：${p.reason.trim()}）` }];
    case "catalogue": {
      const price = p.priceMin !== undefined || p.priceMax !== undefined ? `，价格${p.priceMin ?? "—"}至${p.priceMax ?? "—"}元` : "";
      const item = `产品和服务目录（${catalogueActionWords[p.action]}）`;
      const described = `${p.name}${p.category ? `（${p.category}${price}）` : price ? `（${price.slice(1)}）` : ""}`;
      if (p.action === "add") return [{ item, before: NONE, after: described }];
      if (p.action === "remove") return [{ item, before: p.name, after: "下架" }];
      return [{ item, before: `现行目录所列“${p.name}”`, after: described }];
    }
  }
}

export interface ChangeReviewFacts extends Issuing {
  unitId: string;
  unitName: string;
  changeType: keyof typeof changeTypeWords;
  submittedOn?: IsoDate;
  lines: readonly ChangeLine[];
  /** The versions the reviewer approved (name and version), as the decision stamped them. */
  documents: readonly { name: string; version: number }[];
  decision: keyof typeof reviewDecisionWords.change;
  reasons?: string;
  decidedOn: IsoDate;
  /** The clause the decision was taken under (the change machine's), e.g. GZ-4.6.2 or DG-13. */
  clause: string;
  /** DG-13: the bureau meeting the change was referred to. */
  bureauMeeting?: { heldOn: IsoDate };
  /** The public notice the approval joined (GZ-4.6.3, DG-14). */
  notice?: { title: string; startsOn: IsoDate; endsOn: IsoDate; length: number; unit: keyof typeof deadlineUnitWords; clause: string };
  /** Published at once (no notice for this type): the lists and their new versions. */
  published?: readonly { list: PublishedListKind; version: number }[];
}

/** GZ-4.6.2 / DG-5.4 / DG-13 / DG-14: 变更审核意见 — what changes, the documents approved, the decision, reasons, what follows. */
export function changeReview(f: ChangeReviewFacts): DecisionDocumentContent {
  const decisionWord = reviewDecisionWords.change[f.decision];
  const filing = f.pack.clauses.changeFiling[f.changeType];
  const submitted = f.submittedOn ? `于${dateWord(f.submittedOn)}` : "";
  const reasons = f.reasons?.trim();
  const follows: DocumentBlock[] = [];
  if (f.decision === "approve" && f.notice) {
    const n = f.notice;
    follows.push({
      type: "paragraph",
      text: `依据${clauseCitation(f.pack, n.clause)}，本变更列入“${n.title}”，公示期自${dateWord(n.startsOn)}至${dateWord(n.endsOn)}（${n.length}个${deadlineUnitWords[n.unit]}）。公示无异议的，${f.pack.workGroupName}发布变更后的名单。`,
    });
  } else if (f.decision === "approve" && f.published && f.published.length > 0) {
    follows.push({ type: "paragraph", text: `本变更无须公示，已于${dateWord(f.decidedOn)}发布：${f.published.map((v) => `${listKindWords[v.list]}第${v.version}版`).join("、")}。` });
  } else if (f.decision === "approve") {
    follows.push({ type: "paragraph", text: "本变更审核通过后即予执行。" });
  } else if (f.decision === "return") {
    follows.push({ type: "paragraph", text: `请你单位按上述意见补正后重新提交（${clauseCitation(f.pack, filing)}）。` });
  } else {
    follows.push({ type: "paragraph", text: "本变更申请不予通过，原名单及目录不作变更。" });
  }
  return {
    kind: "changeReview",
    title: decisionDocumentTitles.changeReview,
    addressee: `${f.unitName}：`,
    blocks: [
      { type: "paragraph", text: `你单位${submitted}依据${clauseCitation(f.pack, filing)}提交的${changeTypeWords[f.changeType]}申请，经${f.pack.workGroupName}依据${clauseCitation(f.pack, f.clause)}审核，意见如下。` },
      { type: "heading", text: "一、变更内容" },
      { type: "list", items: f.lines.map((l) => `${l.item}：${l.before} → ${l.after}`) },
      { type: "heading", text: "二、审核通过的材料" },
      { type: "list", items: f.documents.length > 0 ? f.documents.map((d) => `${d.name}（第${d.version}版）`) : [f.decision === "approve" ? "（本项变更无须材料）" : "（本次审核未通过任何材料）"] },
      { type: "heading", text: "三、审核意见" },
      ...(f.bureauMeeting ? [{ type: "paragraph" as const, text: `${dateWord(f.bureauMeeting.heldOn)}，本变更经${nouns.bureauMeeting}审议${f.pack.clauses.bureauMeeting ? `（${clauseCitation(f.pack, f.pack.clauses.bureauMeeting)}）` : ""}。` }] : []),
      { type: "paragraph", text: `审核结论：${decisionWord}。${reasons ? `理由：${reasons}` : ""}` },
      { type: "heading", text: "四、后续程序" },
      ...follows,
    ],
    issuer: issuerOf(f),
    issuedOn: f.decidedOn,
    clauses: [f.clause, ...(f.notice ? [f.notice.clause] : [])],
    unitId: f.unitId,
  };
}

export interface PublicNoticeFacts extends Issuing {
  title: string;
  items: readonly { unitName: string; summary: string; outcome?: "published" | "withdrawn" }[];
  startsOn: IsoDate;
  endsOn: IsoDate;
  length: number;
  unit: keyof typeof deadlineUnitWords;
  clause: string;
  /** The public page where an objection is filed (the notices page of the programme). */
  objectionUrl: string;
}

/** GZ-4.6.3 / DG-14: 公示 — the issuing body, every item, the period from–to, and how to object. */
export function publicNotice(f: PublicNoticeFacts): DecisionDocumentContent {
  return {
    kind: "publicNotice",
    title: f.title,
    blocks: [
      { type: "paragraph", text: `依据${clauseCitation(f.pack, f.clause)}，${f.pack.workGroupName}将通过审核的下列变更予以公示。` },
      { type: "heading", text: "一、公示内容" },
      { type: "list", items: f.items.map((i) => `${i.unitName}：${i.summary.trim()}${i.outcome === "withdrawn" ? "（已撤回）" : ""}`) },
      { type: "heading", text: "二、公示期" },
      { type: "paragraph", text: `自${dateWord(f.startsOn)}至${dateWord(f.endsOn)}，共${f.length}个${deadlineUnitWords[f.unit]}。` },
      { type: "heading", text: "三、异议方式" },
      {
        type: "paragraph",
        text: `公示期间，任何单位或个人对公示内容有异议的，请于${dateWord(f.endsOn)}前在${f.objectionUrl}实名提出（写明姓名或单位名称、联系方式和异议理由），逾期提出的不予受理。公示期满无异议的，${f.pack.workGroupName}发布变更后的名单。`,
      },
      { type: "paragraph", text: "特此公示。" },
    ],
    issuer: issuerOf(f),
    issuedOn: f.startsOn,
    clauses: [f.clause],
  };
}

/** The lists a 名单 document may be of, and the subject id that names one version (`partners.3`). */
export const listSubjectId = (list: PublishedListKind, version: number) => `${list}.${version}`;

export function parseListSubjectId(id: string): { list: PublishedListKind; version: number } | undefined {
  const m = /^(partners|catalogue|unitChanges)\.([1-9]\d{0,6})$/.exec(id);
  return m ? { list: m[1] as PublishedListKind, version: Number(m[2]) } : undefined;
}

type ListVersion = PartnerList | CatalogueList | UnitChangeList;

/** Each entry of a published list version as one line, in the list's order. */
export function listEntryLines(list: PublishedListKind, v: ListVersion): string[] {
  if (list === "partners") return (v as PartnerList).entries.map((e) => `${e.unitName} — ${e.name}（统一社会信用代码：${e.uscc}）`);
  if (list === "catalogue") return (v as CatalogueList).entries.map((e) => `${e.unitName} — ${e.name}（${e.category}，${e.priceMin}至${e.priceMax}元）`);
  return (v as UnitChangeList).entries.map((e) => `${e.unitName} — ${e.changes.map((c) => `${unitInfoFieldWords[c.field]}变更为${c.to}`).join("；")}（${dateWord(e.approvedOn)}批准）`);
}

export interface PublishedListFacts extends Issuing {
  list: PublishedListKind;
  version: ListVersion;
  /** The notice whose close published it, by its title, when one did. */
  noticeTitle?: string;
}

/** GZ-4.6.3 / DG-13 / DG-14: 名单 — a published list version: its number, date, clause and every entry. */
export function publishedList(f: PublishedListFacts): DecisionDocumentContent {
  const v = f.version;
  const name = listKindWords[f.list];
  const lines = listEntryLines(f.list, v);
  const basis = [f.noticeTitle ? `本版经“${f.noticeTitle}”公示无异议后发布。` : "", v.basis?.trim() ? `发布依据：${v.basis.trim()}。` : ""].join("");
  return {
    kind: "publishedList",
    title: `${name}（第${v.version}版）`,
    blocks: [
      { type: "paragraph", text: `依据${clauseCitation(f.pack, v.clause)}，${f.pack.workGroupName}于${dateWord(v.publishedOn)}发布${name}第${v.version}版。${basis}` },
      { type: "heading", text: `${name}（共${lines.length}项）` },
      { type: "list", items: lines.length > 0 ? lines : ["（本版名单为空）"] },
      { type: "paragraph", text: "特此发布。" },
    ],
    issuer: issuerOf(f),
    issuedOn: v.publishedOn,
    clauses: [v.clause],
  };
}

/**
 * What the id of the document's public verification record is a digest of (the use case takes its
 * SHA-256): the programme, the subject and the content, so the same facts give the same id (and
 * the QR code in the file, hence the file, does not change), and the id cannot be guessed without
 * the facts.
 */
export function verificationSeed(programmeId: string, subjectId: string, c: DecisionDocumentContent): string {
  return JSON.stringify([programmeId, subjectId, c]);
}

/** The public verification page of a document: the web origin's /verify?d=<id>. */
export function verificationUrl(webBase: string, verificationId: string): string {
  return `${webBase.replace(/\/+$/, "")}/verify?d=${verificationId}`;
}

/** The file name the PDF is stored and downloaded under. */
export const decisionFileName = (c: DecisionDocumentContent, subjectName: string | undefined): string => `${c.title}${subjectName ? `-${subjectName}` : ""}-${c.issuedOn}.pdf`;

/**
 * Which documents a proceeding's decisions so far call for: a criticism once issued its 通知; an
 * overdue rectification decided (继续整改, 取消资格, 转清退) its 处理决定; a clear-out in effect
 * its 清退决定; an announcement (清退, or a cancelled qualification) its 公告.
 */
export function proceedingDecisionDocuments(p: { kind: string; state: string; extensions?: readonly string[] }): DecisionDocumentKind[] {
  if (p.kind === "criticism") {
    if (p.state === "proposed" || p.state === "dismissed") return [];
    const decidedOverdue = (p.extensions?.length ?? 0) > 0 || p.state === "qualificationCancelled" || p.state === "escalated";
    return ["criticismNotice", ...(decidedOverdue ? (["overdueDecision"] as const) : []), ...(p.state === "qualificationCancelled" ? (["clearOutAnnouncement"] as const) : [])];
  }
  if (p.kind === "clearOut") {
    if (p.state !== "effective" && p.state !== "announced") return [];
    return ["clearOutDecision", ...(p.state === "announced" ? (["clearOutAnnouncement"] as const) : [])];
  }
  return [];
}

/** A change application's decision calls for its 变更审核意见 once staff approved, returned or rejected it. */
export function changeDecisionDocuments(state: string): DecisionDocumentKind[] {
  return ["approved", "inNotice", "published", "returned", "rejected"].includes(state) ? ["changeReview"] : [];
}

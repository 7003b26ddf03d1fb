// Staff produce the formal document of a decision (决定文书) as a PDF: the facts are read from the
// decision's own records (proceeding, 通报, announcement, evaluation, change application, notice,
// published list version, the audit trail of the steps), the content is decided in
// domain/decisionDocuments.ts, files/decisionPdf.ts lays it out, and the PDF is stored as a
// versioned document like an upload (kind `decisionDocument`, attached to the proceeding or, for
// an evaluation or a change review, to the unit, which may read its own; a 公示 or a 名单 concerns
// many units and is attached to none, so staff read it and anyone may verify it), with a public
// verification record (`verifications/{id}`: title, programme, issue date, SHA-256) and an audit
// entry citing the decision's clause — all in one transaction.
//
// Idempotent: the same facts give the same bytes (fixed dates and ids). When the current version
// of this decision's document already has these bytes, nothing is written and that version is
// returned (`created: false`); a new version is stored only when the facts changed (e.g. a later
// 继续整改 decision), the older versions staying as they were.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { logger } from "firebase-functions";
import type { z } from "zod";
import type { WorkingDayCalendar } from "../domain/calendar.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import {
  changeLines,
  changeReview,
  clearOutAnnouncement,
  clearOutDecision,
  criticismNotice,
  decisionFileName,
  evaluationResult,
  overdueDecision,
  parseListSubjectId,
  publicNotice,
  publishedList,
  verificationSeed,
  verificationUrl,
  type DecisionDocumentContent,
  type DecisionDocumentKind,
  type OverdueOutcome,
  type ChangeReviewFacts,
} from "../domain/decisionDocuments.js";
import type { PublishedListKind } from "../domain/listDiff.js";
import { documentKindWords } from "../domain/words.js";
import { readPublishedVersion } from "../store/publishing.js";
import { cleanFileName, documentObjectPath, targetKey } from "../domain/documents.js";
import { refused } from "../domain/errors.js";
import type { Actor, AuditEntry, DocumentMeta, Proceeding } from "../domain/schemas/index.js";
import type { issueDecisionDocumentRequestSchema } from "../domain/schemas/documents.js";
import { renderDecisionPdf } from "../files/decisionPdf.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

export type IssueDecisionDocumentInput = z.output<typeof issueDecisionDocumentRequestSchema> & {
  /** The web app's origin, where /verify is (WEB_BASE_URL). */
  webBase: string;
};

export interface IssuedDecisionDocument {
  documentId: string;
  version: number;
  sha256: string;
  verificationId: string;
  verificationUrl: string;
  fileName: string;
  /** false when the current version already had these bytes (nothing was written). */
  created: boolean;
}

/** The content, where it is attached (a 公示 or 名单 concerns many units: none), and the name in the file name. */
interface Facts {
  content: DecisionDocumentContent;
  target?: { type: "proceeding" | "unit"; id: string; unitId: string };
  subjectName?: string;
}

export async function issueDecisionDocument(deps: Deps, input: IssueDecisionDocumentInput, actor: Actor): Promise<IssuedDecisionDocument> {
  const { programmeId, kind, subjectId } = input;
  const ctx = await loadProgrammeContext(programmeId, undefined, deps.calendar);
  const facts = await factsOf(ctx, kind, subjectId, input.webBase);
  const { content } = facts;
  const verificationId = createHash("sha256").update(verificationSeed(programmeId, subjectId, content)).digest("hex").slice(0, 32);
  const url = verificationUrl(input.webBase, verificationId);
  const pdf = await renderDecisionPdf({ content, verificationUrl: url, verificationId });
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const fileName = cleanFileName(decisionFileName(content, facts.subjectName));
  const decisionKey = `${kind}/${subjectId}`;

  const head = await currentVersion(programmeId, decisionKey);
  if (head && head.sha256 === sha256) return { documentId: head.id, version: head.version ?? 1, sha256, verificationId, verificationUrl: url, fileName: head.fileName, created: false };

  const { store } = deps.files();
  const documentId = collections.documents(programmeId).doc().id;
  const version = (head?.version ?? 0) + 1;
  const path = documentObjectPath(programmeId, documentId, version);
  const now = deps.clock();
  const meta: DocumentMeta = {
    kind: "decisionDocument",
    ...(content.unitId ? { ownerUnitId: content.unitId } : {}),
    fileName,
    storagePath: path,
    size: pdf.length,
    sha256,
    contentType: "application/pdf",
    sensitive: false,
    stamped: false,
    issuedOn: content.issuedOn,
    uploadedAt: now,
    uploadedBy: actor,
    ...(head ? { previousVersionId: head.id } : {}),
    programmeId,
    ...(facts.target ? { target: facts.target, targetKey: targetKey(facts.target.type, facts.target.id) } : {}),
    version,
    current: true,
    decision: { kind, subjectId, verificationId },
    decisionKey,
  };
  await store.put(path, Readable.from(pdf), "application/pdf");
  try {
    await deps.db.runTransaction(async (tx) => {
      const col = collections.documents(programmeId);
      const fresh = await tx.get(col.where("decisionKey", "==", decisionKey).where("current", "==", true));
      if ((fresh.docs[0]?.id ?? undefined) !== head?.id) refused("CONCURRENT_VERSION");
      const vRef = collections.verifications().doc(verificationId);
      const existing = (await tx.get(vRef)).data();
      if (head) tx.update(col.doc(head.id), { current: false });
      tx.create(col.doc(documentId), meta);
      // The same facts give the same id and bytes: a record already there says the same.
      if (!existing) tx.create(vRef, { title: content.title, programmeName: ctx.programme.name, issuedOn: content.issuedOn, sha256 });
      appendAudit(tx, programmeId, `document-generated-${documentId}`, {
        at: now,
        actor,
        action: "document.generated",
        entity: col.doc(documentId).path,
        after: { decisionKind: kind, subjectId, title: content.title, version, previousVersionId: head?.id ?? null, sha256, verificationId, issuedOn: content.issuedOn },
        clause: content.clauses[0],
      });
    });
  } catch (err) {
    await store.remove(path).catch((e) => logger.error("issueDecisionDocument: could not remove the object of a failed generation; removeOrphanFiles will", { path, error: String(e) }));
    throw err;
  }
  return { documentId, version, sha256, verificationId, verificationUrl: url, fileName, created: true };
}

async function currentVersion(programmeId: string, decisionKey: string) {
  const snap = await collections.documents(programmeId).where("decisionKey", "==", decisionKey).where("current", "==", true).get();
  const d = snap.docs[0];
  return d && { id: d.id, ...d.data() };
}

/** Working days from one date to another, or undefined where the calendar does not cover the years yet. */
function workingDays(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number | undefined {
  try {
    return calendar.workingDaysBetween(from, to);
  } catch {
    return undefined;
  }
}

async function factsOf(ctx: ProgrammeContext, kind: DecisionDocumentKind, subjectId: string, webBase: string): Promise<Facts> {
  const { programmeId, pack } = ctx;
  const issuing = { programmeName: ctx.programme.name, pack };
  if (kind === "evaluationResult") return evaluationFacts(ctx, subjectId);
  if (kind === "changeReview") return changeReviewFacts(ctx, subjectId);
  if (kind === "publicNotice") return noticeFacts(ctx, subjectId, webBase);
  if (kind === "publishedList") return listFacts(ctx, subjectId);

  const ref = collections.proceedings(programmeId).doc(subjectId);
  const p = (await ref.get()).data() ?? refused("PROCEEDING_NOT_FOUND");
  const unit = await unitOf(programmeId, p.unitId);
  const target = { type: "proceeding" as const, id: subjectId, unitId: p.unitId };
  const facts = p.evidence.map((e) => e.description);
  const done = (content: DecisionDocumentContent): Facts => ({ content, target, subjectName: unit.name });

  switch (kind) {
    case "criticismNotice": {
      if (p.kind !== "criticism") refused("PROCEEDING_KIND_WRONG", "通报批评及限期整改通知只适用于通报批评程序");
      if (p.state === "proposed" || p.state === "dismissed") refused("DECISION_NOT_MADE", "尚未通报批评");
      const issued = await issuedCriticism(ctx, ref.path, subjectId, p);
      return done(
        criticismNotice({
          ...issuing,
          unitId: p.unitId,
          unitName: unit.name,
          ground: p.ground,
          facts,
          issuedOn: issued.issuedOn,
          rectificationDeadline: issued.deadline,
          workingDays: workingDays(ctx.calendar, issued.issuedOn, issued.deadline),
          circulationClause: pack.clauses.circulation,
        }),
      );
    }
    case "overdueDecision": {
      if (p.kind !== "criticism") refused("PROCEEDING_KIND_WRONG", "整改逾期处理决定只适用于通报批评程序");
      return done(await overdueContent(ctx, ref.path, subjectId, p, unit.name));
    }
    case "clearOutDecision": {
      if (p.kind !== "clearOut") refused("PROCEEDING_KIND_WRONG", "清退决定只适用于清退程序");
      if (!p.effectiveOn || (p.state !== "effective" && p.state !== "announced")) refused("DECISION_NOT_MADE", "清退尚未生效");
      return done(
        clearOutDecision({
          ...issuing,
          unitId: p.unitId,
          unitName: unit.name,
          uscc: unit.uscc,
          ground: p.ground,
          facts,
          ...(p.bureauMeeting ? { bureauMeeting: { heldOn: p.bureauMeeting.heldOn, decision: p.bureauMeeting.decision } } : {}),
          effectiveOn: p.effectiveOn,
        }),
      );
    }
    case "clearOutAnnouncement": {
      const a = (await collections.announcements(programmeId).doc(subjectId).get()).data() ?? refused("DECISION_NOT_MADE", "尚未发布公告");
      return done(clearOutAnnouncement({ ...issuing, unitId: p.unitId, outcome: a.outcome, unitName: a.unitName, uscc: a.uscc, ground: a.ground, reason: a.reason, effectiveOn: a.effectiveOn }));
    }
  }
}

/** The decision on a change application: the latest approve / return / reject in its audit trail. */
async function changeReviewFacts(ctx: ProgrammeContext, changeId: string): Promise<Facts> {
  const { programmeId } = ctx;
  const ref = collections.changes(programmeId).doc(changeId);
  const c = (await ref.get()).data() ?? refused("CHANGE_NOT_FOUND");
  const decisions = (await auditOf(programmeId, ref.path)).filter((a) => ["change.approve", "change.return", "change.reject"].includes(a.action));
  const last = decisions[decisions.length - 1] ?? refused("DECISION_NOT_MADE", "变更申请尚未审核");
  const after = (last.after ?? {}) as {
    approvedDocuments?: { kind: keyof typeof documentKindWords; documentId: string; version: number }[];
    noticeId?: string;
    bureauMeeting?: { heldOn: IsoDate };
    published?: Partial<Record<PublishedListKind, number>>;
  };
  const unit = await unitOf(programmeId, c.unitId);
  const approved = after.approvedDocuments ?? [];
  const metas = approved.length ? await Promise.all(approved.map((d) => collections.documents(programmeId).doc(d.documentId).get())) : [];
  const documents = approved.map((d, i) => {
    const fileName = metas[i]?.data()?.fileName;
    return { name: `${documentKindWords[d.kind] ?? d.kind}${fileName ? `《${fileName}》` : ""}`, version: d.version };
  });
  const noticeId = after.noticeId ?? (last.action === "change.approve" ? c.noticeId : undefined);
  const n = noticeId ? (await collections.notices(programmeId).doc(noticeId).get()).data() : undefined;
  const partnerName = c.payload.type === "partnerRemove" ? (await collections.partners(programmeId).doc(c.payload.partnerId).get()).data()?.name : undefined;
  const decision = last.action.slice("change.".length) as ChangeReviewFacts["decision"];
  const published = Object.entries(after.published ?? {}).map(([list, version]) => ({ list: list as PublishedListKind, version: version! }));
  const content = changeReview({
    programmeName: ctx.programme.name,
    pack: ctx.pack,
    unitId: c.unitId,
    unitName: unit.name,
    changeType: c.type,
    ...(c.submittedOn ? { submittedOn: c.submittedOn } : {}),
    lines: changeLines(c.payload, partnerName),
    documents,
    decision,
    ...(last.note ? { reasons: last.note } : {}),
    decidedOn: shanghaiDate(last.at),
    clause: last.clause ?? ctx.pack.clauses.changeReview,
    ...(after.bureauMeeting ? { bureauMeeting: { heldOn: after.bureauMeeting.heldOn } } : {}),
    ...(n ? { notice: { title: n.title, startsOn: n.startsOn, endsOn: n.endsOn, length: n.length, unit: n.unit, clause: n.clause } } : {}),
    ...(published.length ? { published } : {}),
  });
  return { content, target: { type: "unit", id: c.unitId, unitId: c.unitId }, subjectName: unit.name };
}

/** A public notice (公示) as it stands: its items, period and where to object (the programme's public notices page). */
async function noticeFacts(ctx: ProgrammeContext, noticeId: string, webBase: string): Promise<Facts> {
  const n = (await collections.notices(ctx.programmeId).doc(noticeId).get()).data() ?? refused("NOTICE_NOT_FOUND");
  const objectionUrl = `${webBase.replace(/\/+$/, "")}/notices?p=${encodeURIComponent(ctx.programmeId)}`;
  const content = publicNotice({ programmeName: ctx.programme.name, pack: ctx.pack, title: n.title, items: n.items, startsOn: n.startsOn, endsOn: n.endsOn, length: n.length, unit: n.unit, clause: n.clause, objectionUrl });
  return { content };
}

/** One published version of a list (subject `partners.3`, `catalogue.1`, `unitChanges.2`). */
async function listFacts(ctx: ProgrammeContext, subjectId: string): Promise<Facts> {
  const which = parseListSubjectId(subjectId) ?? refused("LIST_NOT_PUBLISHED", subjectId);
  const found = (await readPublishedVersion(ctx.programmeId, which.list, which.version)) ?? refused("LIST_NOT_PUBLISHED", `第 ${which.version} 版`);
  const v = found.version;
  const notice = v.noticeId ? (await collections.notices(ctx.programmeId).doc(v.noticeId).get()).data() : undefined;
  const content = publishedList({ programmeName: ctx.programme.name, pack: ctx.pack, list: which.list, version: v, ...(notice ? { noticeTitle: notice.title } : {}) });
  return { content };
}

async function evaluationFacts(ctx: ProgrammeContext, evaluationId: string): Promise<Facts> {
  const { programmeId } = ctx;
  const e = (await collections.evaluations(programmeId).doc(evaluationId).get()).data() ?? refused("EVALUATION_NOT_FOUND");
  if (e.state !== "approved" || !e.approvedAt) refused("DECISION_NOT_MADE", "评价尚未审定");
  const unit = await unitOf(programmeId, e.unitId);
  const content = evaluationResult({
    programmeName: ctx.programme.name,
    pack: ctx.packFor(e.periodId),
    unitId: e.unitId,
    unitName: unit.name,
    periodId: e.periodId,
    dimensions: e.dimensions,
    total: e.total,
    band: e.band,
    passed: e.passed,
    ...(e.rank ? { rank: e.rank } : {}),
    ...(e.reporting ? { reporting: e.reporting } : {}),
    approvedOn: shanghaiDate(e.approvedAt),
  });
  return { content, target: { type: "unit", id: e.unitId, unitId: e.unitId }, subjectName: unit.name };
}

/** GZ-4.3b: the latest decision on an overdue rectification, from the proceeding's audit trail. */
async function overdueContent(ctx: ProgrammeContext, path: string, proceedingId: string, p: Extract<Proceeding, { kind: "criticism" }>, unitName: string): Promise<DecisionDocumentContent> {
  const issued = await issuedCriticism(ctx, path, proceedingId, p);
  const steps = (await auditOf(ctx.programmeId, path)).filter((a) => ["proceeding.extend", "proceeding.cancelQualification", "proceeding.escalate"].includes(a.action));
  const last = steps[steps.length - 1] ?? refused("DECISION_NOT_MADE", "整改逾期后尚未作出处理决定");
  const after = (last.after ?? {}) as { deadline?: string; reason?: string; clearOutGround?: string };
  const decidedOn = shanghaiDate(last.at);
  const deadlines = [issued.deadline, ...p.extensions];
  let outcome: OverdueOutcome;
  let missed: IsoDate;
  if (last.action === "proceeding.extend") {
    const deadline = after.deadline ?? deadlines[deadlines.length - 1]!;
    missed = deadlines[deadlines.length - 2] ?? issued.deadline;
    outcome = { kind: "extended", decidedOn, deadline, workingDays: workingDays(ctx.calendar, decidedOn, deadline) };
  } else {
    missed = deadlines[deadlines.length - 1]!;
    outcome = last.action === "proceeding.cancelQualification" ? { kind: "qualificationCancelled", decidedOn, reason: after.reason ?? "" } : { kind: "escalated", decidedOn, clearOutGround: after.clearOutGround ?? "" };
  }
  return overdueDecision({ programmeName: ctx.programme.name, pack: ctx.pack, unitId: p.unitId, unitName, ground: p.ground, issuedOn: issued.issuedOn, missedDeadline: missed, outcome });
}

async function unitOf(programmeId: string, unitId: string) {
  return (await collections.units(programmeId).doc(unitId).get()).data() ?? refused("UNIT_NOT_FOUND");
}

/** The proceeding's audit entries, oldest first (one equality filter: no composite index). */
async function auditOf(programmeId: string, entity: string): Promise<AuditEntry[]> {
  const snap = await collections.audit(programmeId).where("entity", "==", entity).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * When a criticism was issued and the deadline it set: from its 通报 (GZ-4.4a.0) where the pack
 * circulates, else from the issue step in the audit trail and the deadline before any extension.
 */
async function issuedCriticism(ctx: ProgrammeContext, path: string, proceedingId: string, p: Extract<Proceeding, { kind: "criticism" }>): Promise<{ issuedOn: IsoDate; deadline: IsoDate }> {
  const circular = (await collections.circulars(ctx.programmeId).doc(proceedingId).get()).data();
  if (circular) return { issuedOn: circular.issuedOn, deadline: circular.rectificationDeadline };
  const issue = (await auditOf(ctx.programmeId, path)).find((a) => a.action === "proceeding.issue") ?? refused("DECISION_NOT_MADE", "尚未通报批评");
  const deadline = p.extensions.length === 0 ? p.rectificationDeadline : undefined;
  return { issuedOn: shanghaiDate(issue.at), deadline: deadline ?? refused("DECISION_NOT_MADE", "未找到原整改期限") };
}

// Decision documents (决定文书) on the emulators: staff produce the formal PDF of each decision
// through the issueDecisionDocument callable; the file downloaded through the ordinary download
// link reads back (pdfjs-dist) with the facts, the clause and the deadline in working days; its
// SHA-256 matches the public verification record (read anonymously, as the /verify page does) and
// a tampered copy does not; the generation is audited under the decision's clause; the same facts
// give the same file and no new version.
import { createHash } from "node:crypto";
import { deleteApp, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, doc, getDoc, getFirestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import type { DocumentKind } from "../../functions/src/domain/policy/schema.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { dateWord, groundWord, periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";
import { readPdf } from "../support/pdfText.js";
import { auditOf, publishPartnerListNow, seedDocument, seedPartner, seedUnit } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
type Client = Awaited<ReturnType<typeof signedInClient>>;
interface Issued { documentId: string; version: number; sha256: string; verificationId: string; verificationUrl: string; fileName: string; created: boolean }
let staff: Client;
let member: Client;
const today = () => shanghaiDate(new Date());
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const step = (proceedingId: string, event: Record<string, unknown>) => staff.call("proceedingEvent", { programmeId: GZ, proceedingId, event });
const issueDoc = (kind: string, subjectId: string, by: Client = staff) => by.call<Issued>("issueDecisionDocument", { programmeId: GZ, kind, subjectId });

/** The bytes as a person downloads them: a fresh single-use link, then the fetch. */
async function download(documentId: string, by: Client = staff): Promise<Buffer> {
  const { url } = await by.call<{ url: string }>("getDocumentDownload", { programmeId: GZ, documentId });
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await res.arrayBuffer());
}

/** The public verification record, read without an account (the /verify page). */
async function verification(id: string) {
  const app = initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, `verify-${Date.now()}-${Math.random()}`);
  const db = getFirestore(app);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  try {
    return (await getDoc(doc(db, `verifications/${id}`))).data();
  } finally {
    await deleteApp(app);
  }
}

/** A file checks out when its SHA-256 is the one on record; a tampered copy does not. */
async function verifies(bytes: Uint8Array, verificationId: string) {
  const record = await verification(verificationId);
  return record !== undefined && record.sha256 === sha(bytes);
}

const tampered = (b: Buffer) => {
  const copy = Buffer.from(b);
  const at = copy.indexOf("2026") >= 0 ? copy.length - 200 : 100;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** The generation's audit entries (downloads of the same document are audited too, as document.downloaded). */
const generationAudit = async (documentId: string) => (await auditOf(GZ, `programmes/${GZ}/documents/${documentId}`)).filter((a) => a.action === "document.generated");

async function issueCriticism(unitId: string, ground: string, facts: string[]) {
  const { proceedingId } = await staff.call<{ proceedingId: string }>("openProceeding", { programmeId: GZ, kind: "criticism", unitId, ground, evidence: facts.map((description) => ({ description })) });
  await step(proceedingId, { type: "issue" });
  return proceedingId;
}

/** Upload metadata rows for a change, as the upload endpoint records them (the uploads themselves are issue 7's). */
async function attachToChange(changeId: string, unitId: string, kinds: DocumentKind[]) {
  for (const kind of kinds) {
    await collections.documents(GZ).doc(`${changeId}-${kind}`).set({
      kind,
      ownerUnitId: unitId,
      fileName: `${kind}.pdf`,
      storagePath: `programmes/${GZ}/documents/${changeId}-${kind}`,
      size: 1024,
      sha256: "a".repeat(64),
      contentType: "application/pdf",
      sensitive: kind === "legalRepIdCopy",
      stamped: false,
      ...(kind === "creditChinaReport" ? { issuedOn: today() } : {}),
      uploadedAt: new Date(),
      uploadedBy: { uid: "member-gz-01", role: "unitMember" },
      programmeId: GZ,
      target: { type: "change", id: changeId, unitId },
      targetKey: `change/${changeId}`,
      version: 1,
      current: true,
    });
  }
}

describe("decision documents (issue 18.3)", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
  });
  afterAll(closeClients);

  it("GZ-4.4a.5: the 通报批评及限期整改通知 states the unit, the ground in the regulation's words, the facts and the deadline in working days; it verifies, a tampered copy does not; it is audited under the ground", async () => {
    const facts = ["未履行绩效任务书约定的诊断职责", "多次未按约定上门服务"];
    const proceedingId = await issueCriticism("gz-u01", "GZ-4.4a.5", facts);
    const p = (await collections.proceedings(GZ).doc(proceedingId).get()).data()!;
    const deadline = p.kind === "criticism" ? p.rectificationDeadline! : "";

    const issued = await issueDoc("criticismNotice", proceedingId);
    expect(issued).toMatchObject({ version: 1, created: true });
    expect(issued.verificationUrl).toBe(`${process.env.WEB_BASE_URL}/verify?d=${issued.verificationId}`);

    const pdf = await download(issued.documentId);
    expect(sha(pdf)).toBe(issued.sha256);
    const r = await readPdf(pdf);
    expect(r.title).toBe("通报批评及限期整改通知");
    expect(r.compact).toContain("穗链智造科技（演示）有限公司：");
    expect(r.compact).toContain(`GZ-4.4a.5（${groundWord("GZ-4.4a.5")}）`);
    for (const f of facts) expect(r.compact).toContain(f);
    expect(r.compact).toContain(`自${dateWord(today())}起20个工作日内（即${dateWord(deadline)}前）`);
    expect(r.compact).toContain("GZ-4.4a.0");
    expect(r.compact).toContain(issued.verificationUrl);

    // The public record: only title, programme, issue date and digest; the file verifies, a changed byte does not.
    const record = await verification(issued.verificationId);
    expect(record).toEqual({ title: "通报批评及限期整改通知", programmeName: expect.any(String), issuedOn: today(), sha256: issued.sha256 });
    expect(await verifies(pdf, issued.verificationId)).toBe(true);
    expect(await verifies(tampered(pdf), issued.verificationId)).toBe(false);

    // Stored like an upload: a versioned document of the proceeding that the unit reads too.
    const meta = (await collections.documents(GZ).doc(issued.documentId).get()).data()!;
    expect(meta).toMatchObject({ kind: "decisionDocument", ownerUnitId: "gz-u01", version: 1, current: true, sha256: issued.sha256, contentType: "application/pdf", issuedOn: today(), targetKey: `proceeding/${proceedingId}`, decision: { kind: "criticismNotice", subjectId: proceedingId } });
    expect(sha(await download(issued.documentId, member))).toBe(issued.sha256);

    const audit = await generationAudit(issued.documentId);
    expect(audit.map((a) => [a.action, a.clause, a.actor.uid])).toEqual([["document.generated", "GZ-4.4a.5", "staff-gz"]]);
    expect(audit[0]?.after).toMatchObject({ decisionKind: "criticismNotice", subjectId: proceedingId, sha256: issued.sha256, version: 1 });
  });

  it("the same facts give the same file: regenerating returns the current version (same SHA-256) and writes nothing", async () => {
    const proceedingId = await issueCriticism("gz-u01", "GZ-4.4a.2", ["2026年第三季度报告未按时报送"]);
    const first = await issueDoc("criticismNotice", proceedingId);
    const documents = async () => (await collections.documents(GZ).where("decisionKey", "==", `criticismNotice/${proceedingId}`).get()).size;
    const generated = async () => (await collections.audit(GZ).where("action", "==", "document.generated").get()).size;
    const [docsBefore, auditBefore] = [await documents(), await generated()];
    const again = await issueDoc("criticismNotice", proceedingId);
    expect(again).toMatchObject({ documentId: first.documentId, version: 1, sha256: first.sha256, verificationId: first.verificationId, created: false });
    expect([await documents(), await generated()]).toEqual([docsBefore, auditBefore]);
    expect(sha(await download(first.documentId))).toBe(first.sha256);
  });

  it("GZ-4.3b: the 整改逾期处理决定 states the missed deadline and the new one; a later decision on the same criticism is a new version, the old one kept", async () => {
    await seedUnit(GZ, "gz-doc-1", 861, "文书测试单位（演示）有限公司");
    const proceedingId = await issueCriticism("gz-doc-1", "GZ-4.4a.3", ["季度进度滞后且未作说明"]);
    await expect(issueDoc("overdueDecision", proceedingId)).rejects.toMatchObject({ code: "functions/failed-precondition", details: { code: "DECISION_NOT_MADE" } });
    const ref = collections.proceedings(GZ).doc(proceedingId);
    const p = (await ref.get()).data()!;
    const original = p.kind === "criticism" ? p.rectificationDeadline! : "";
    // The deadline passes (as time would); staff mark it overdue and extend.
    await ref.set({ ...p, rectificationDeadline: addDays(today(), -1) } as typeof p);
    await step(proceedingId, { type: "markOverdue" });
    const extendedTo = addDays(today(), 21);
    await step(proceedingId, { type: "extend", deadline: extendedTo });

    const first = await issueDoc("overdueDecision", proceedingId);
    const r = await readPdf(await download(first.documentId));
    expect(r.title).toBe("整改逾期处理决定");
    expect(r.compact).toContain(`责令于${dateWord(original)}前完成整改`);
    expect(r.compact).toContain("GZ-4.3b");
    expect(r.compact).toContain(`即${dateWord(extendedTo)}前`);
    expect(r.compact).toMatch(/自\d{4}年\d+月\d+日起\d+个工作日内/);
    const firstPdf = await download(first.documentId);
    expect(await verifies(firstPdf, first.verificationId)).toBe(true);
    expect(await verifies(tampered(firstPdf), first.verificationId)).toBe(false);
    expect((await generationAudit(first.documentId))[0]?.clause).toBe("GZ-4.3b");

    // Overdue again: staff cancel the qualification — a new decision, a new version.
    const q = (await ref.get()).data()!;
    await ref.set({ ...q, rectificationDeadline: addDays(today(), -1) } as typeof q);
    await step(proceedingId, { type: "markOverdue" });
    await step(proceedingId, { type: "cancelQualification", reason: "延期后仍未提交整改报告" });
    const second = await issueDoc("overdueDecision", proceedingId);
    expect(second).toMatchObject({ version: 2, created: true });
    expect(second.sha256).not.toBe(first.sha256);
    const text2 = (await readPdf(await download(second.documentId))).compact;
    expect(text2).toContain("取消你单位牵引单位资格。理由：延期后仍未提交整改报告");
    expect((await collections.documents(GZ).doc(first.documentId).get()).data()).toMatchObject({ current: false, version: 1 });
    expect((await collections.documents(GZ).doc(second.documentId).get()).data()).toMatchObject({ current: true, version: 2, previousVersionId: first.documentId });
    // The first version still verifies: its record was never rewritten.
    expect(await verifies(await download(first.documentId), first.verificationId)).toBe(true);

    // The announcement of the cancelled qualification (GZ-4.3b, announced like a clear-out).
    const ann = await issueDoc("clearOutAnnouncement", proceedingId);
    const annText = (await readPdf(await download(ann.documentId))).compact;
    expect(annText).toContain("取消牵引单位资格公告");
    expect(annText).toContain("文书测试单位（演示）有限公司");
  });

  it("GZ-3.3: the 绩效评价结果告知书 shows each dimension's score with its explanation, the total and the band, dated the approval (GZ-3.4.2)", async () => {
    // An approved evaluation as the evaluation cycle leaves it (scores and explanations by the domain's scoring).
    const approvedAt = new Date("2026-10-20T08:00:00Z");
    await collections.evaluations(GZ).doc("gz-u01_2026-Q3").set({
      unitId: "gz-u01",
      periodId: "2026-Q3",
      state: "approved",
      dimensions: [
        { id: "enterprisesTransformed", label: "完成改造试点企业数量", weight: 30, score: 24, explanation: "完成 8 家，按序时目标 10 家计 80%" },
        { id: "satisfaction", label: "试点企业满意度", weight: 20, score: 18.5, explanation: "问卷调查 12 份，满意 11 份" },
      ],
      judged: [],
      total: 42.5,
      band: "不合格",
      passed: false,
      participated: true,
      rank: 4,
      reporting: "late",
      missingJudged: [],
      approvedBy: { uid: "staff-gz", role: "staff", name: "工作人员" },
      approvedAt,
    });
    const e = await collections.evaluations(GZ).doc("gz-u01_2026-Q3").get();
    const ev = e.data()!;
    const issued = await issueDoc("evaluationResult", e.id);
    const pdf = await download(issued.documentId);
    expect(await verifies(pdf, issued.verificationId)).toBe(true);
    expect(await verifies(tampered(pdf), issued.verificationId)).toBe(false);
    const r = await readPdf(pdf);
    expect(r.title).toBe("绩效评价结果告知书");
    expect(r.compact).toContain(periodWord(ev.periodId));
    for (const d of ev.dimensions) {
      expect(r.compact).toContain(d.label.replace(/\s+/g, ""));
      expect(r.compact).toContain(`计分说明：${d.explanation.replace(/\s+/g, "")}`.slice(0, 40));
    }
    expect(r.compact).toContain("完成改造试点企业数量权重3024分");
    expect(r.compact).toContain("试点企业满意度权重2018.5分");
    expect(r.compact).toContain("总分42.5分，等级“不合格”，评价结果：不达标");
    expect(r.compact).toContain("本期名次：第4名");
    expect(r.compact).toContain("GZ-4.4b.3");
    expect(r.compact).toContain(`${dateWord(shanghaiDate(ev.approvedAt!))}审定`);
    expect(await verification(issued.verificationId)).toMatchObject({ title: "绩效评价结果告知书", issuedOn: shanghaiDate(ev.approvedAt!) });
    expect((await collections.documents(GZ).doc(issued.documentId).get()).data()).toMatchObject({ targetKey: `unit/${ev.unitId}`, ownerUnitId: ev.unitId });
    expect((await generationAudit(issued.documentId))[0]?.clause).toBe("GZ-3.3");
  });

  it("GZ-4.4b.9: the 清退决定 names the ground, the facts and the bureau meeting that confirmed it; the 清退公告 (GZ-4.5) the unit and the reason", async () => {
    await seedUnit(GZ, "gz-doc-2", 862, "清退文书测试（演示）有限公司");
    const { proceedingId } = await staff.call<{ proceedingId: string }>("openProceeding", { programmeId: GZ, kind: "clearOut", unitId: "gz-doc-2", ground: "GZ-4.4b.5", evidence: [{ description: "申报材料中的合作合同系伪造" }] });
    await expect(issueDoc("clearOutDecision", proceedingId)).rejects.toMatchObject({ details: { code: "DECISION_NOT_MADE" } });
    await seedDocument(GZ, `minutes-${proceedingId}`, "meetingMinutes");
    await staff.call("recordBureauMeeting", { programmeId: GZ, proceedingId, heldOn: today(), minutesDocumentId: `minutes-${proceedingId}`, decision: "confirmed" });
    await step(proceedingId, { type: "takeEffect" });

    const decision = await issueDoc("clearOutDecision", proceedingId);
    const decided = await download(decision.documentId);
    expect(await verifies(decided, decision.verificationId)).toBe(true);
    expect(await verifies(tampered(decided), decision.verificationId)).toBe(false);
    const r = await readPdf(decided);
    expect(r.title).toBe("清退决定");
    expect(r.compact).toContain(`GZ-4.4b.5（${groundWord("GZ-4.4b.5")}）`);
    expect(r.compact).toContain("申报材料中的合作合同系伪造");
    expect(r.compact).toContain(`${dateWord(today())}，局务会审议确认`);
    expect(r.compact).toContain("不得重新申请纳入");
    expect((await generationAudit(decision.documentId))[0]?.clause).toBe("GZ-4.4b.5");

    const ann = await issueDoc("clearOutAnnouncement", proceedingId);
    const a = await readPdf(await download(ann.documentId));
    expect(a.title).toBe("清退公告");
    expect(a.compact).toContain("清退文书测试（演示）有限公司");
    expect(a.compact).toContain("GZ-4.5");
    const announced = await download(ann.documentId);
    expect(await verifies(announced, ann.verificationId)).toBe(true);
    expect(await verifies(tampered(announced), ann.verificationId)).toBe(false);
  });

  it("GZ-4.6.2: the 变更审核意见 states the unit, the change before → after, each approved document with its version, the decision with reasons and the notice that follows (GZ-4.6.3); the unit reads it", async () => {
    const changeId = "doc-change-add";
    await expect(issueDoc("changeReview", "no-such-change")).rejects.toMatchObject({ code: "functions/not-found" });
    await collections.changes(GZ).doc(changeId).set({ unitId: "gz-u01", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "文书伙伴（演示）有限公司", uscc: makeUscc(871) }, documents: [] });
    await attachToChange(changeId, "gz-u01", ["businessLicence", "legalRepIdCopy", "auditReport", "creditChinaReport"]);
    await member.call("submitChange", { programmeId: GZ, changeId });
    await expect(issueDoc("changeReview", changeId)).rejects.toMatchObject({ details: { code: "DECISION_NOT_MADE" } });
    const r = await staff.call<{ noticeId: string; startsOn: string; endsOn: string }>("reviewChange", { programmeId: GZ, changeId, decision: "approve", comment: "材料齐全，同意新增" });

    const issued = await issueDoc("changeReview", changeId);
    const pdf = await download(issued.documentId);
    const t = await readPdf(pdf);
    expect(t.title).toBe("变更审核意见");
    expect(t.compact).toContain("穗链智造科技（演示）有限公司：");
    expect(t.compact).toContain(`于${dateWord(today())}依据`);
    expect(t.compact).toContain("GZ-4.6.1");
    expect(t.compact).toContain(`产业生态合作伙伴：（无）→文书伙伴（演示）有限公司（统一社会信用代码：${makeUscc(871)}）`);
    expect(t.compact).toContain("营业执照《businessLicence.pdf》（第1版）");
    expect(t.compact).toContain("“信用中国”查询报告关键页《creditChinaReport.pdf》（第1版）");
    expect(t.compact).toContain("审核结论：通过。理由：材料齐全，同意新增");
    expect(t.compact).toContain(`公示期自${dateWord(r.startsOn)}至${dateWord(r.endsOn)}（5个工作日）`);
    expect(await verifies(pdf, issued.verificationId)).toBe(true);
    expect(await verifies(tampered(pdf), issued.verificationId)).toBe(false);
    expect((await generationAudit(issued.documentId)).map((a) => a.clause)).toEqual(["GZ-4.6.2"]);
    expect((await collections.documents(GZ).doc(issued.documentId).get()).data()).toMatchObject({ ownerUnitId: "gz-u01", targetKey: "unit/gz-u01", decision: { kind: "changeReview", subjectId: changeId } });
    expect(sha(await download(issued.documentId, member))).toBe(issued.sha256);

    // GZ-4.6.3: the 公示 the approval joined: the work group, the item, the period and how to object.
    const notice = await issueDoc("publicNotice", r.noticeId);
    const npdf = await download(notice.documentId);
    const n = await readPdf(npdf);
    const stored = (await collections.notices(GZ).doc(r.noticeId).get()).data()!;
    expect(n.title).toBe(stored.title);
    expect(n.compact).toContain("工作小组");
    expect(n.compact).toContain(`穗链智造科技（演示）有限公司：新增产业生态合作伙伴：文书伙伴（演示）有限公司（${makeUscc(871)}）`);
    expect(n.compact).toContain(`自${dateWord(r.startsOn)}至${dateWord(r.endsOn)}，共5个工作日`);
    expect(n.compact).toContain(`请于${dateWord(r.endsOn)}前在${process.env.WEB_BASE_URL}/notices?p=${GZ}实名提出`);
    expect(n.compact).toContain("GZ-4.6.3");
    expect(await verifies(npdf, notice.verificationId)).toBe(true);
    expect(await verification(notice.verificationId)).toMatchObject({ title: stored.title, issuedOn: r.startsOn });
    expect((await generationAudit(notice.documentId)).map((a) => a.clause)).toEqual(["GZ-4.6.3"]);
    // A notice concerns many units: attached to none, so a unit member cannot download it (the public verifies it).
    const meta = (await collections.documents(GZ).doc(notice.documentId).get()).data()!;
    expect(meta.ownerUnitId).toBeUndefined();
    expect(meta.targetKey).toBeUndefined();
    await expect(member.call("getDocumentDownload", { programmeId: GZ, documentId: notice.documentId })).rejects.toMatchObject({ code: "functions/permission-denied" });
    await expect(issueDoc("publicNotice", r.noticeId)).resolves.toMatchObject({ documentId: notice.documentId, created: false });
  });

  it("GZ-4.6.0: a returned change's 变更审核意见 names the partner to be removed, the reasons and that the unit resubmits", async () => {
    const changeId = "doc-change-remove";
    await seedPartner(GZ, "gz-u01", "doc-p1", 872, "退出伙伴（演示）有限公司");
    await collections.changes(GZ).doc(changeId).set({ unitId: "gz-u01", type: "partnerRemove", state: "draft", payload: { type: "partnerRemove", partnerId: "doc-p1", reason: "合作项目已结束，双方协商不再合作" }, documents: [] });
    await member.call("submitChange", { programmeId: GZ, changeId });
    await staff.call("reviewChange", { programmeId: GZ, changeId, decision: "return", comment: "请补充双方终止合作的书面协议" });
    const issued = await issueDoc("changeReview", changeId);
    const t = (await readPdf(await download(issued.documentId))).compact;
    expect(t).toContain("产业生态合作伙伴：退出伙伴（演示）有限公司→取消合作（原因：合作项目已结束，双方协商不再合作）");
    expect(t).toContain("审核结论：退回补正。理由：请补充双方终止合作的书面协议");
    expect(t).toContain("（本次审核未通过任何材料）");
    expect(t).toContain("补正后重新提交");
    const decided = (await auditOf(GZ, `programmes/${GZ}/changes/${changeId}`)).find((a) => a.action === "change.return")!;
    expect((await generationAudit(issued.documentId))[0]?.clause).toBe(decided.clause);
  });

  it("GZ-4.6.3: the 名单 of a published version names the list, its version and date and every entry; an unpublished version is refused", async () => {
    await seedPartner(GZ, "gz-u01", "doc-p2", 873, "名单伙伴（演示）有限公司");
    const n = await publishPartnerListNow(GZ, "2025-03-03");
    const v = (await collections.partnerLists(GZ).doc(String(n)).get()).data()!;
    expect(v.entries.length).toBeGreaterThan(0);
    const issued = await issueDoc("publishedList", `partners.${n}`);
    const pdf = await download(issued.documentId);
    const t = await readPdf(pdf);
    expect(t.title).toBe(`合作伙伴名单（第${n}版）`);
    expect(t.compact).toContain(`于2025年3月3日发布合作伙伴名单第${n}版`);
    expect(t.compact).toContain("名单伙伴（演示）有限公司");
    expect(t.compact).toContain(`合作伙伴名单（共${v.entries.length}项）`);
    for (const e of v.entries.slice(0, 5)) expect(t.compact).toContain(`${e.unitName}—${e.name}（统一社会信用代码：${e.uscc}）`);
    expect(t.compact).toContain(v.clause);
    expect(await verifies(pdf, issued.verificationId)).toBe(true);
    expect(await verification(issued.verificationId)).toMatchObject({ title: `合作伙伴名单（第${n}版）`, issuedOn: "2025-03-03" });
    expect((await generationAudit(issued.documentId))[0]?.clause).toBe(v.clause);
    await expect(issueDoc("publishedList", "partners.99")).rejects.toMatchObject({ details: { code: "LIST_NOT_PUBLISHED" } });
    await expect(issueDoc("publishedList", "units.1")).rejects.toMatchObject({ details: { code: "LIST_NOT_PUBLISHED" } });
  });

  it("refusals: a unit member may not produce a document; a document for the wrong kind of proceeding or an unknown subject is refused, and nothing is written", async () => {
    const proceedingId = await issueCriticism("gz-u01", "GZ-4.4a.6", ["试点项目未通过验收"]);
    const count = async () => (await collections.documents(GZ).get()).size;
    const before = await count();
    await expect(issueDoc("criticismNotice", proceedingId, member)).rejects.toMatchObject({ code: "functions/permission-denied" });
    await expect(issueDoc("clearOutDecision", proceedingId)).rejects.toMatchObject({ details: { code: "PROCEEDING_KIND_WRONG" } });
    await expect(issueDoc("criticismNotice", "no-such-proceeding")).rejects.toMatchObject({ code: "functions/not-found" });
    await expect(issueDoc("evaluationResult", "no-such-evaluation")).rejects.toMatchObject({ code: "functions/not-found" });
    expect(await count()).toBe(before);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

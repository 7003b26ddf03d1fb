// Change applications, public notices (公示), objections and published list versions, on the
// emulators: GZ-4.6.1-4.6.3, GZ-4.7, DG-5.3, DG-5.4, DG-13, DG-14, DG-15.
// Callables run with the real clock (as a person would use them); the date-specific windows
// (a holiday, a weekend) call the same use-cases with an injected `now`, as the job does.
import { deleteApp, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, doc, getDoc, getFirestore, serverTimestamp, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { dongguan, guangzhou } from "../../functions/src/domain/policy/index.js";
import { unitChangeWarnings } from "../../functions/src/domain/unitChangeReview.js";
import { reviewBatchId } from "../../functions/src/domain/reviewBatches.js";
import type { DocumentKind } from "../../functions/src/domain/policy/schema.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { decideObjection } from "../../functions/src/usecases/decideObjection.js";
import { productionDeps, type Deps } from "../../functions/src/usecases/deps.js";
import { fileObjection } from "../../functions/src/usecases/fileObjection.js";
import { reviewChange } from "../../functions/src/usecases/reviewChange.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { stepNotice } from "../../functions/src/usecases/stepNotice.js";
import { submitChange } from "../../functions/src/usecases/submitChange.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, anonymousCall, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

/** 公示 objections are 实名: every filing names its objector and a contact. */
const OBJECTOR = { name: "张三", contact: "13800000000" };
const GZ = "gz-2025";
const DG = "dg-2025";
const staffGzActor = { uid: "staff-gz", role: "staff" as const };
const staffDgActor = { uid: "staff-dg", role: "staff" as const };
const memberActor = (uid: string) => ({ uid, role: "unitMember" as const });
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+08:00`);
/** The use cases as the callables run them, at the instant `now`. */
const depsAt = (now: Date): Deps => ({ ...productionDeps(), clock: () => now });
/**
 * The notice cycle as the daily job runs it on `asOf`, answering as the callable does. The notice's
 * days lie ahead of today, and a staff member's manual run cannot act as of a day that has not
 * come (issue 16.3), so the days pass on an injected clock.
 */
const cycle = async (asOf: string) => ({ outcomes: await runNoticeCycle(depsAt(at(asOf, "00:15")), { programmeId: GZ, asOf }, staffGzActor) });

let publicApp: ReturnType<typeof initializeApp> | undefined;
/** A browser with no account: what the public can read. */
function publicDb(): Firestore {
  publicApp ??= initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, "public-reader");
  const db = getFirestore(publicApp);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  try {
    connectFirestoreEmulator(db, f.host, f.port);
  } catch {
    // already connected
  }
  return db;
}

/** The unit drafts an application itself, through the client SDK (rules allow drafts only). */
async function draft(client: { db: Firestore; uid: string }, programmeId: string, unitId: string, changeId: string, payload: Record<string, unknown>) {
  await setDoc(doc(client.db, `programmes/${programmeId}/changes/${changeId}`), { unitId, type: payload.type, state: "draft", payload, documents: [], updatedBy: client.uid, updatedAt: serverTimestamp() });
}

/** Upload metadata rows (the uploads themselves are issue 7's). */
async function attach(programmeId: string, unitId: string, changeId: string, kinds: DocumentKind[], over: { stamped?: boolean; issuedOn?: string } = {}) {
  for (const kind of kinds) {
    await collections.documents(programmeId).doc(`${changeId}-${kind}`).set({
      kind,
      ownerUnitId: unitId,
      fileName: `${kind}.pdf`,
      storagePath: `programmes/${programmeId}/documents/${changeId}-${kind}`,
      size: 1024,
      sha256: "a".repeat(64),
      contentType: "application/pdf",
      sensitive: kind === "legalRepIdCopy",
      stamped: over.stamped ?? false,
      ...(over.issuedOn ? { issuedOn: over.issuedOn } : {}),
      uploadedAt: new Date(),
      uploadedBy: memberActor("member"),
      // As the upload endpoint records it (store/documents.ts): the current version for the change.
      programmeId,
      target: { type: "change", id: changeId, unitId },
      targetKey: `change/${changeId}`,
      version: 1,
      current: true,
    });
  }
}

const GZ_DOCS: DocumentKind[] = ["businessLicence", "legalRepIdCopy", "auditReport", "creditChinaReport"];

async function auditOf(programmeId: string) {
  return (await collections.audit(programmeId).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
}

beforeAll(async () => {
  await clearFirestore();
  await seedDemo(admin());
  // Version 1 of the Guangzhou partner list, with one partner already on it.
  await collections.partners(GZ).doc("p-old").set({ unitId: "gz-u01", name: "既有伙伴（演示）有限公司", uscc: makeUscc(11), status: "active", since: "2025-02-01", listVersion: 1 });
  await collections.partnerLists(GZ).doc("1").set({
    version: 1,
    publishedOn: "2025-02-01",
    publishedAt: at("2025-02-01"),
    clause: "GZ-4.6.3",
    changeIds: [],
    entries: [{ partnerId: "p-old", unitId: "gz-u01", unitName: "穗链智造科技（演示）有限公司", name: "既有伙伴（演示）有限公司", uscc: makeUscc(11) }],
  });
});
afterAll(async () => {
  await closeClients();
  if (publicApp) await deleteApp(publicApp);
});

describe("Guangzhou partner addition, end to end through the callables", () => {
  const today = shanghaiDate(new Date());
  let notice: { noticeId: string; startsOn: string; endsOn: string };

  it("GZ-4.6.1: submission is refused with the Chinese list of the four missing documents, then accepted once they are attached", async () => {
    const unit = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await draft(unit, GZ, "gz-u01", "gz-add-1", { type: "partnerAdd", name: "新伙伴（演示）有限公司", uscc: makeUscc(12) });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-add-1" })).rejects.toMatchObject({
      code: "functions/failed-precondition",
      message: "申请缺少必须提交的材料：营业执照、法人身份证复印件、上年度财务审计报告或加盖公章的财务报表、“信用中国”查询报告关键页",
    });
    // A stale Credit China report is named as such.
    await attach(GZ, "gz-u01", "gz-add-1", GZ_DOCS.slice(0, 3));
    await attach(GZ, "gz-u01", "gz-add-1", ["creditChinaReport"], { issuedOn: addDays(today, -40) });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-add-1" })).rejects.toMatchObject({ message: "申请缺少必须提交的材料：“信用中国”查询报告关键页（须为 30 天内出具）" });
    await attach(GZ, "gz-u01", "gz-add-1", ["creditChinaReport"], { issuedOn: today });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-add-1" })).resolves.toEqual({ state: "submitted", reviewBatchId: reviewBatchId(today, guangzhou) });
    const stored = (await collections.changes(GZ).doc("gz-add-1").get()).data();
    expect(stored).toMatchObject({ state: "submitted", submittedOn: today, clause: "GZ-4.6.1" });
  });

  it("GZ-4.6.1: another unit cannot submit it, and the unit cannot mark its own application submitted", async () => {
    const other = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
    await expect(other.call("submitChange", { programmeId: GZ, changeId: "gz-add-1" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    const unit = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(setDoc(doc(unit.db, `programmes/${GZ}/changes/gz-self`), { unitId: "gz-u01", type: "partnerAdd", state: "submitted", payload: { type: "partnerAdd", name: "自行提交", uscc: makeUscc(13) }, documents: [], updatedBy: unit.uid, updatedAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
  });

  it("GZ-4.6.2: a return without reasons is refused; an approval schedules the change in a notice batch starting the next working day", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("reviewChange", { programmeId: GZ, changeId: "gz-add-1", decision: "return" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: "comment：退回或不予通过须填写审核意见" });
    const r = await staff.call<{ state: string; noticeId: string; startsOn: string; endsOn: string }>("reviewChange", { programmeId: GZ, changeId: "gz-add-1", decision: "approve", comment: "材料齐全" });
    expect(r.state).toBe("approved");
    notice = r;
    // The versions the reviewer approved are stamped on the documents (issue 7: which version).
    const approvedDocs = (await collections.documents(GZ).where("targetKey", "==", "change/gz-add-1").get()).docs.map((d) => d.data());
    expect(approvedDocs.length).toBeGreaterThanOrEqual(4);
    expect(approvedDocs.every((d) => !d.current || d.approvedBy?.uid === "staff-gz")).toBe(true);
    const stored = (await collections.notices(GZ).doc(r.noticeId).get()).data();
    expect(stored).toMatchObject({ state: "scheduled", startsOn: r.startsOn, endsOn: r.endsOn, length: 5, unit: "workingDays", nextDeadlineOn: r.startsOn, clause: "GZ-4.6.3" });
    expect(stored?.items).toEqual([{ changeId: "gz-add-1", unitName: "穗链智造科技（演示）有限公司", summary: `新增产业生态合作伙伴：新伙伴（演示）有限公司（${makeUscc(12)}）` }]);
    expect(r.startsOn > today).toBe(true);
    const audit = (await auditOf(GZ)).filter((a) => a.entity.endsWith("changes/gz-add-1"));
    expect(audit.map((a) => [a.action, a.clause])).toEqual(expect.arrayContaining([["change.submitted", "GZ-4.6.1"], ["change.approve", "GZ-4.6.2"]]));
    // A decided application cannot be decided again.
    await expect(staff.call("reviewChange", { programmeId: GZ, changeId: "gz-add-1", decision: "reject", comment: "再议" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已由他人处理") });
  });

  it("GZ-4.6.3: the public cannot read the scheduled notice nor object to it; the cycle opens it on its start date, not before", async () => {
    await expect(getDoc(doc(publicDb(), `programmes/${GZ}/notices/${notice.noticeId}`))).rejects.toMatchObject({ code: "permission-denied" });
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: notice.noticeId, ...OBJECTOR, text: "提前异议" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: "公示尚未开始" });
    // Staff cannot open it early by running the cycle "as of" its start day (issue 16.3).
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("runNoticeCycle", { programmeId: GZ, asOf: notice.startsOn })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("执行日期不能晚于今天") });
    await expect(cycle(addDays(notice.startsOn, -1))).resolves.toEqual({ outcomes: [] });
    await expect(cycle(notice.startsOn)).resolves.toEqual({ outcomes: [{ noticeId: notice.noticeId, outcome: "opened" }] });
    const open = await getDoc(doc(publicDb(), `programmes/${GZ}/notices/${notice.noticeId}`));
    expect(open.data()).toMatchObject({ state: "open", nextDeadlineOn: addDays(notice.endsOn, 1) });
    expect((await collections.changes(GZ).doc("gz-add-1").get()).data()?.state).toBe("inNotice");
  });

  it("GZ-4.6.3: the public files an objection (validated); it is stored pending and unreadable to the public; the notice cannot close while it is pending", async () => {
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: notice.noticeId, ...OBJECTOR, text: "  " })).rejects.toMatchObject({ code: "functions/invalid-argument", message: "text：异议内容不能为空" });
    const { objectionId } = await anonymousCall<{ objectionId: string }>("fileObjection", { programmeId: GZ, noticeId: notice.noticeId, name: "张三", contact: "13800000000", text: "该企业存在失信记录" });
    const stored = (await collections.objections(GZ, notice.noticeId).doc(objectionId).get()).data();
    expect(stored).toMatchObject({ state: "pending", changeId: "gz-add-1", name: "张三" });
    await expect(getDoc(doc(publicDb(), `programmes/${GZ}/notices/${notice.noticeId}/objections/${objectionId}`))).rejects.toMatchObject({ code: "permission-denied" });

    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const after = addDays(notice.endsOn, 1);
    await expect(cycle(after)).resolves.toEqual({
      outcomes: [{ noticeId: notice.noticeId, outcome: "refused", code: "OBJECTIONS_PENDING", message: "尚有未处理的异议，不能结束公示：1 件" }],
    });
    await staff.call("decideObjection", { programmeId: GZ, noticeId: notice.noticeId, objectionId, upheld: false, decision: "经核查，信用记录无异常" });
    await expect(staff.call("decideObjection", { programmeId: GZ, noticeId: notice.noticeId, objectionId, upheld: true, decision: "改判" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已由他人处理") });
    expect((await collections.objections(GZ, notice.noticeId).doc(objectionId).get()).data()).toMatchObject({ state: "dismissed", decidedBy: { uid: "staff-gz", role: "staff" } });
  });

  it("GZ-4.6.3: after the window the cycle closes the notice: the partner is active and partner list version 2 is published, version 1 still readable", async () => {
    // On the last day the notice is still running.
    await expect(cycle(notice.endsOn)).resolves.toEqual({ outcomes: [] });
    const r = await cycle(addDays(notice.endsOn, 1));
    expect(r.outcomes).toEqual([{ noticeId: notice.noticeId, outcome: "closed", published: ["gz-add-1"], withdrawn: [], versions: { partners: 2 } }]);

    expect((await collections.partners(GZ).doc("chg-gz-add-1").get()).data()).toMatchObject({ status: "active", unitId: "gz-u01", listVersion: 2 });
    expect((await collections.changes(GZ).doc("gz-add-1").get()).data()?.state).toBe("published");
    const v2 = (await getDoc(doc(publicDb(), `programmes/${GZ}/partnerLists/2`))).data();
    expect(v2).toMatchObject({ version: 2, noticeId: notice.noticeId, changeIds: ["gz-add-1"], clause: "GZ-4.6.3" });
    expect((v2?.entries as { name: string }[]).map((e) => e.name).sort()).toEqual(["新伙伴（演示）有限公司", "既有伙伴（演示）有限公司"].sort());
    const v1 = (await getDoc(doc(publicDb(), `programmes/${GZ}/partnerLists/1`))).data();
    expect((v1?.entries as unknown[]).length).toBe(1);
    const closed = (await getDoc(doc(publicDb(), `programmes/${GZ}/notices/${notice.noticeId}`))).data();
    expect(closed).toMatchObject({ state: "closed", items: [expect.objectContaining({ changeId: "gz-add-1", outcome: "published" })] });
    expect(closed?.nextDeadlineOn).toBeUndefined();
    const audit = await auditOf(GZ);
    expect(audit.filter((a) => a.action === "notice.closed").map((a) => a.clause)).toEqual(["GZ-4.6.3"]);
    // The new partner's own trail (the registry's 审计记录 asks by its path) holds its creation.
    expect(audit.filter((a) => a.entity === `programmes/${GZ}/partners/chg-gz-add-1`)).toEqual([
      expect.objectContaining({ action: "partner.created", clause: "GZ-4.6.3", actor: expect.objectContaining({ uid: "staff-gz" }), after: expect.objectContaining({ status: "active", name: "新伙伴（演示）有限公司" }) }),
    ]);
  });

  it("GZ-4.6.3: running the notice cycle twice changes nothing more (no new version, no new audit entry)", async () => {
    const before = { audit: (await auditOf(GZ)).length, lists: (await collections.partnerLists(GZ).get()).size, notice: (await collections.notices(GZ).doc(notice.noticeId).get()).data() };
    await expect(cycle(addDays(notice.endsOn, 1))).resolves.toEqual({ outcomes: [] });
    // Even stepping the closed notice directly (a racing run that had already picked it) does nothing.
    await runNoticeCycle(depsAt(new Date()), { programmeId: GZ, asOf: addDays(notice.endsOn, 2) });
    expect((await auditOf(GZ)).length).toBe(before.audit);
    expect((await collections.partnerLists(GZ).get()).size).toBe(before.lists);
    expect((await collections.notices(GZ).doc(notice.noticeId).get()).data()).toEqual(before.notice);
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: notice.noticeId, ...OBJECTOR, text: "迟到的异议" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("公示期已届满") });
  });
});

describe("Guangzhou working-day window across a holiday (injected dates)", () => {
  it("GZ-4.6.3: approved 2025-09-30, the batch starts 10-09 after National Day and ends 10-15 (10-11 Sat is a make-up working day)", async () => {
    await collections.changes(GZ).doc("gz-add-hol").set({ unitId: "gz-u02", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "节后伙伴（演示）有限公司", uscc: makeUscc(21) }, documents: [] });
    await attach(GZ, "gz-u02", "gz-add-hol", GZ_DOCS.slice(0, 3));
    await attach(GZ, "gz-u02", "gz-add-hol", ["creditChinaReport"], { issuedOn: "2025-09-20" });
    await expect(submitChange(depsAt(at("2025-09-26")), { programmeId: GZ, changeId: "gz-add-hol" }, { ...memberActor("member-gz-02"), unitId: "gz-u02" })).resolves.toEqual({ state: "submitted", reviewBatchId: "2025-09" });
    const r = await reviewChange(depsAt(at("2025-09-30")), { programmeId: GZ, changeId: "gz-add-hol", decision: "approve" }, staffGzActor);
    expect(r).toMatchObject({ state: "approved", startsOn: "2025-10-09", endsOn: "2025-10-15" });
    const noticeId = r.noticeId!;

    expect(await runNoticeCycle(depsAt(at("2025-10-08")), { programmeId: GZ, asOf: "2025-10-08" })).toEqual([]);
    expect(await runNoticeCycle(depsAt(at("2025-10-09")), { programmeId: GZ, asOf: "2025-10-09" })).toEqual([{ noticeId, outcome: "opened" }]);
    // 10-16 is after the last day: an objection then is too late, although the notice is not closed yet.
    await expect(fileObjection(depsAt(at("2025-10-16")), { programmeId: GZ, noticeId, ...OBJECTOR, text: "逾期异议" }, { address: "203.0.113.9" })).rejects.toMatchObject({ refusal: { code: "NOTICE_ENDED" } });
    expect(await runNoticeCycle(depsAt(at("2025-10-15")), { programmeId: GZ, asOf: "2025-10-15" })).toEqual([]);
    const latest = (await collections.partnerLists(GZ).orderBy("version", "desc").limit(1).get()).docs[0]!.data().version;
    // The scheduled run and a staff run racing: the notice is claimed by its state, so it closes once.
    const [first, second] = await Promise.all([runNoticeCycle(depsAt(at("2025-10-16", "00:15")), { programmeId: GZ, asOf: "2025-10-16" }), runNoticeCycle(depsAt(at("2025-10-16", "00:15")), { programmeId: GZ, asOf: "2025-10-16" })]);
    expect([...first, ...second].filter((o) => o.outcome === "closed")).toEqual([{ noticeId, outcome: "closed", published: ["gz-add-hol"], withdrawn: [], versions: { partners: latest + 1 } }]);
    expect((await collections.partnerLists(GZ).get()).size).toBe(latest + 1);
    expect((await auditOf(GZ)).filter((a) => a.id === `notice-${noticeId}-closed`)).toHaveLength(1);
  });
});

describe("Dongguan partner and catalogue changes with an upheld objection (injected dates)", () => {
  it("DG-14: a 5-calendar-day notice from Fri 2025-03-07 ends Wed 03-12 across the weekend; the upheld objection withdraws only its item, the other is published", async () => {
    const d = (changeId: string, payload: Record<string, unknown>) =>
      collections.changes(DG).doc(changeId).set({ unitId: "dg-u01", type: payload.type as "partnerAdd", state: "draft", payload: payload as never, documents: [] });
    await d("dg-partner", { type: "partnerAdd", name: "莞伙伴（演示）有限公司", uscc: makeUscc(31) });
    await d("dg-cat", { type: "catalogue", action: "add", name: "设备联网上云服务", category: "上云", priceMin: 5000, priceMax: 20000 });
    for (const id of ["dg-partner", "dg-cat"]) await submitChange(depsAt(at("2025-03-05")), { programmeId: DG, changeId: id }, { ...memberActor("member-dg-01"), unitId: "dg-u01" });
    expect((await collections.changes(DG).doc("dg-cat").get()).data()?.reviewBatchId).toBe("2025"); // DG-15 yearly batches

    const a = await reviewChange(depsAt(at("2025-03-06")), { programmeId: DG, changeId: "dg-partner", decision: "approve" }, staffDgActor);
    const b = await reviewChange(depsAt(at("2025-03-06", "15:00")), { programmeId: DG, changeId: "dg-cat", decision: "approve" }, staffDgActor);
    expect(a).toMatchObject({ startsOn: "2025-03-07", endsOn: "2025-03-12" });
    expect(b.noticeId).toBe(a.noticeId); // one batch
    const noticeId = a.noticeId!;
    expect((await collections.notices(DG).doc(noticeId).get()).data()).toMatchObject({ length: 5, unit: "calendarDays", clause: "DG-14" });

    expect(await runNoticeCycle(depsAt(at("2025-03-07")), { programmeId: DG, asOf: "2025-03-07" })).toEqual([{ noticeId, outcome: "opened" }]);
    // Two items: an objection must say which one it concerns.
    await expect(fileObjection(depsAt(at("2025-03-08")), { programmeId: DG, noticeId, ...OBJECTOR, text: "不明确的异议" }, { address: "203.0.113.10" })).rejects.toMatchObject({ refusal: { code: "OBJECTION_TARGET_REQUIRED" } });
    const { objectionId } = await fileObjection(depsAt(at("2025-03-09")), { programmeId: DG, noticeId, changeId: "dg-partner", ...OBJECTOR, text: "该伙伴已停业" }, { address: "203.0.113.10" });
    await decideObjection(depsAt(at("2025-03-10")), { programmeId: DG, noticeId, objectionId, upheld: true, decision: "经核实，该企业已注销" }, staffDgActor);

    expect(await runNoticeCycle(depsAt(at("2025-03-12")), { programmeId: DG, asOf: "2025-03-12" })).toEqual([]);
    expect(await runNoticeCycle(depsAt(at("2025-03-13")), { programmeId: DG, asOf: "2025-03-13" })).toEqual([{ noticeId, outcome: "closed", published: ["dg-cat"], withdrawn: ["dg-partner"], versions: { catalogue: 1 } }]);

    expect((await collections.changes(DG).doc("dg-partner").get()).data()?.state).toBe("withdrawn");
    expect((await collections.changes(DG).doc("dg-cat").get()).data()?.state).toBe("published");
    expect((await collections.partners(DG).doc("chg-dg-partner").get()).exists).toBe(false);
    expect((await collections.catalogue(DG).doc("chg-dg-cat").get()).data()).toMatchObject({ status: "approved", name: "设备联网上云服务" });
    expect((await collections.partnerLists(DG).get()).size).toBe(0);
    const cat = (await getDoc(doc(publicDb(), `programmes/${DG}/catalogueLists/1`))).data();
    expect(cat).toMatchObject({ version: 1, clause: "DG-14", changeIds: ["dg-cat"], entries: [expect.objectContaining({ name: "设备联网上云服务", priceMin: 5000, priceMax: 20000 })] });
    const closed = (await collections.notices(DG).doc(noticeId).get()).data();
    expect(closed?.items.map((i) => [i.changeId, i.outcome])).toEqual([["dg-partner", "withdrawn"], ["dg-cat", "published"]]);
    const audit = await auditOf(DG);
    expect(audit.filter((x) => x.action === "objection.upheld").map((x) => x.clause)).toEqual(["DG-14"]);
    expect(audit.find((x) => x.id === `change-dg-partner-concluded-${noticeId}`)).toMatchObject({ action: "change.withdrawn", clause: "DG-14" });
  });
});

describe("review batches and catalogue changes (injected dates)", () => {
  it("GZ-4.7: Guangzhou applications are queued in monthly review batches by submission date", async () => {
    for (const [id, day] of [["gz-rb-1", "2025-05-30"], ["gz-rb-2", "2025-06-02"]] as const) {
      await collections.changes(GZ).doc(id).set({ unitId: "gz-u01", type: "partnerRemove", state: "draft", payload: { type: "partnerRemove", partnerId: "p-old", reason: "调整" }, documents: [] });
      await submitChange(depsAt(at(day)), { programmeId: GZ, changeId: id }, { ...memberActor("member-gz-01"), unitId: "gz-u01" });
    }
    const batches = await Promise.all(["gz-rb-1", "gz-rb-2"].map(async (id) => (await collections.changes(GZ).doc(id).get()).data()?.reviewBatchId));
    expect(batches).toEqual(["2025-05", "2025-06"]);
    const queue = await collections.changes(GZ).where("reviewBatchId", "==", "2025-06").get();
    expect(queue.docs.map((d) => d.id)).toContain("gz-rb-2");
  });

  it("DG-15: Dongguan applications filed in March and November join the same yearly review batch", async () => {
    for (const [id, day] of [["dg-rb-1", "2025-03-03"], ["dg-rb-2", "2025-11-20"]] as const) {
      await collections.changes(DG).doc(id).set({ unitId: "dg-u01", type: "catalogue", state: "draft", payload: { type: "catalogue", action: "add", name: `目录${id}`, category: "软件" }, documents: [] });
      await submitChange(depsAt(at(day)), { programmeId: DG, changeId: id }, { ...memberActor("member-dg-01"), unitId: "dg-u01" });
    }
    const batches = await Promise.all(["dg-rb-1", "dg-rb-2"].map(async (id) => (await collections.changes(DG).doc(id).get()).data()?.reviewBatchId));
    expect(batches).toEqual(["2025", "2025"]);
  });

  it("DG-5.3: through a notice a catalogue item is modified and another withdrawn; both stay on record and the next catalogue version shows the result", async () => {
    await collections.catalogue(DG).doc("old-item").set({ unitId: "dg-u01", name: "旧版质检", category: "生产", priceMin: 100, priceMax: 200, smallFastLightPrecise: true, status: "approved" });
    const mk = (id: string, payload: Record<string, unknown>) => collections.changes(DG).doc(id).set({ unitId: "dg-u01", type: "catalogue", state: "draft", payload: payload as never, documents: [] });
    await mk("dg-mod", { type: "catalogue", action: "modify", itemId: "chg-dg-cat", name: "设备联网上云服务（升级）", priceMin: 6000, priceMax: 25000 });
    await mk("dg-rm", { type: "catalogue", action: "remove", itemId: "old-item", name: "旧版质检" });
    for (const id of ["dg-mod", "dg-rm"]) {
      await submitChange(depsAt(at("2025-04-01")), { programmeId: DG, changeId: id }, { ...memberActor("member-dg-01"), unitId: "dg-u01" });
      await reviewChange(depsAt(at("2025-04-02")), { programmeId: DG, changeId: id, decision: "approve", noticeStartsOn: "2025-04-10" }, staffDgActor);
    }
    const noticeId = (await collections.changes(DG).doc("dg-mod").get()).data()!.noticeId!;
    expect((await collections.notices(DG).doc(noticeId).get()).data()).toMatchObject({ startsOn: "2025-04-10", endsOn: "2025-04-15" }); // Thu + 5 → Tue
    await runNoticeCycle(depsAt(at("2025-04-10")), { programmeId: DG, asOf: "2025-04-10" });
    expect(await runNoticeCycle(depsAt(at("2025-04-16")), { programmeId: DG, asOf: "2025-04-16" })).toEqual([{ noticeId, outcome: "closed", published: ["dg-mod", "dg-rm"], withdrawn: [], versions: { catalogue: 2 } }]);
    expect((await collections.catalogue(DG).doc("old-item").get()).data()?.status).toBe("withdrawn");
    expect((await collections.catalogue(DG).doc("chg-dg-cat").get()).data()).toMatchObject({ status: "approved", name: "设备联网上云服务（升级）" });
    const v1 = (await collections.catalogueLists(DG).doc("1").get()).data();
    expect(v1?.entries.map((e) => e.name)).toEqual(["设备联网上云服务"]);
  });

  it("DG-6.2: the published catalogue gives each 小快轻准 item its unit, category and price range", async () => {
    const v2 = (await getDoc(doc(publicDb(), `programmes/${DG}/catalogueLists/2`))).data();
    expect(v2?.entries).toEqual([{ itemId: "chg-dg-cat", unitId: "dg-u01", unitName: "莞工数字服务（演示）有限公司", name: "设备联网上云服务（升级）", category: "上云", priceMin: 6000, priceMax: 25000 }]);
  });
});

describe("Dongguan unit change (DG-13)", () => {
  it("DG-13: the stamped 变更申请书 and four stamped documents are required; once approved the change applies at once and the change list is published without a notice", async () => {
    const unit = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await draft(unit, DG, "dg-u01", "dg-unit-1", { type: "unitInfo", changes: [{ field: "address", to: "东莞市松山湖高新区（演示）" }], effectiveOn: "2025-03-01" });
    await expect(unit.call("submitChange", { programmeId: DG, changeId: "dg-unit-1" })).rejects.toMatchObject({
      message: "申请缺少必须提交的材料：变更申请书、在莞独立法人的营业执照复印件、法定代表人身份证复印件、本地服务团队名单、社保证明",
    });
    await attach(DG, "dg-u01", "dg-unit-1", ["changeApplicationLetter", "businessLicence", "legalRepIdCopy", "localServiceTeamList"], { stamped: true });
    await attach(DG, "dg-u01", "dg-unit-1", ["socialSecurityProof"], { stamped: false });
    await expect(unit.call("submitChange", { programmeId: DG, changeId: "dg-unit-1" })).rejects.toMatchObject({ message: "申请缺少必须提交的材料：社保证明（须加盖公章）" });
    await attach(DG, "dg-u01", "dg-unit-1", ["socialSecurityProof"], { stamped: true });
    await expect(unit.call("submitChange", { programmeId: DG, changeId: "dg-unit-1" })).resolves.toMatchObject({ state: "submitted" });

    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-unit-1", decision: "approve" })).resolves.toEqual({ state: "published", published: { unitChanges: 1 } });
    expect((await collections.units(DG).doc("dg-u01").get()).data()?.address).toBe("东莞市松山湖高新区（演示）");
    const list = (await getDoc(doc(publicDb(), `programmes/${DG}/unitChangeLists/1`))).data();
    expect(list).toMatchObject({ version: 1, clause: "DG-13", entries: [expect.objectContaining({ changeId: "dg-unit-1", unitName: "莞工数字服务（演示）有限公司", changes: [{ field: "address", to: "东莞市松山湖高新区（演示）" }] })] });
    const audit = (await auditOf(DG)).filter((a) => a.action === "change.approve" && a.entity.endsWith("changes/dg-unit-1"));
    expect(audit.map((a) => a.clause)).toEqual(["DG-13"]);
    // The unit's own trail holds the change to its record, before and after, by the reviewer.
    const unitTrail = (await auditOf(DG)).filter((a) => a.entity === `programmes/${DG}/units/dg-u01`);
    expect(unitTrail).toEqual([expect.objectContaining({ action: "unit.changed", clause: "DG-13", actor: expect.objectContaining({ uid: "staff-dg" }), after: expect.objectContaining({ address: "东莞市松山湖高新区（演示）" }) })]);
    expect((unitTrail[0]!.before as { address?: string }).address).not.toBe("东莞市松山湖高新区（演示）");
  });

  it("DG-13: the licence's USCC is kept with the application for the reviewer's check; staff record the referral to the bureau meeting with minutes they uploaded; a unit cannot upload minutes, a future meeting day is refused", async () => {
    const unit = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    const elsewhere = makeUscc({ division: "440106", orgBody: "MA4UX1Q3" });
    await draft(unit, DG, "dg-u01", "dg-unit-2", { type: "unitInfo", changes: [{ field: "name", to: "莞工数字服务（东莞）有限公司" }], effectiveOn: "2025-04-01", licenceUscc: elsewhere });
    // The rules refuse a malformed code in the unit's own draft.
    await expect(draft(unit, DG, "dg-u01", "dg-unit-bad", { type: "unitInfo", changes: [{ field: "name", to: "某公司" }], effectiveOn: "2025-04-01", licenceUscc: "12345" })).rejects.toMatchObject({ code: "permission-denied" });
    await attach(DG, "dg-u01", "dg-unit-2", ["changeApplicationLetter", "businessLicence", "legalRepIdCopy", "localServiceTeamList", "socialSecurityProof"], { stamped: true });
    await expect(unit.call("submitChange", { programmeId: DG, changeId: "dg-unit-2" })).resolves.toMatchObject({ state: "submitted" });
    const stored = (await collections.changes(DG).doc("dg-unit-2").get()).data()!;
    expect(stored.payload).toMatchObject({ type: "unitInfo", licenceUscc: elsewhere });
    expect(unitChangeWarnings(stored, dongguan)[0]).toContain("不是东莞市（4419）");

    // Minutes are the bureau's record: the upload endpoint's decision refuses a unit, accepts staff.
    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    await collections.documents(DG).doc("dg-unit-2-minutes").set({
      kind: "meetingMinutes", fileName: "局务会纪要.pdf", storagePath: `programmes/${DG}/documents/dg-unit-2-minutes/v1`, size: 2048, sha256: "b".repeat(64), contentType: "application/pdf",
      sensitive: false, stamped: false, uploadedAt: new Date(), uploadedBy: { uid: "staff-dg", role: "staff" }, programmeId: DG, target: { type: "change", id: "dg-unit-2", unitId: "dg-u01" }, targetKey: "change/dg-unit-2", version: 1, current: true,
    });
    const today = shanghaiDate(new Date());
    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-unit-2", decision: "approve", bureauMeeting: { heldOn: addDays(today, 1), minutesDocumentId: "dg-unit-2-minutes" } })).rejects.toMatchObject({ message: expect.stringContaining("晚于今天") });
    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-unit-2", decision: "approve", bureauMeeting: { heldOn: today, minutesDocumentId: "dg-unit-2-changeApplicationLetter" } })).rejects.toMatchObject({ message: expect.stringContaining("局务会会议纪要") });
    expect((await collections.changes(DG).doc("dg-unit-2").get()).data()!.state).toBe("submitted");

    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-unit-2", decision: "approve", bureauMeeting: { heldOn: today, minutesDocumentId: "dg-unit-2-minutes" } })).resolves.toMatchObject({ state: "published" });
    expect((await collections.changes(DG).doc("dg-unit-2").get()).data()).toMatchObject({ state: "published", bureauMeeting: { heldOn: today, minutesDocumentId: "dg-unit-2-minutes" } });
    const audit = (await auditOf(DG)).filter((a) => a.action === "change.approve" && a.entity.endsWith("changes/dg-unit-2"));
    expect(audit).toEqual([expect.objectContaining({ clause: "DG-13", after: expect.objectContaining({ bureauMeeting: { heldOn: today, minutesDocumentId: "dg-unit-2-minutes" } }) })]);
    // A replayed decision is refused and records nothing more.
    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-unit-2", decision: "approve" })).rejects.toMatchObject({ message: expect.stringContaining("已由他人处理") });
    expect((await auditOf(DG)).filter((a) => a.action === "change.approve" && a.entity.endsWith("changes/dg-unit-2"))).toHaveLength(1);
  });

  it("DG-13: Guangzhou unit changes have no bureau-meeting referral", async () => {
    const unit = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await draft(unit, GZ, "gz-u01", "gz-unit-meeting", { type: "unitInfo", changes: [{ field: "address", to: "广州市黄埔区（演示）" }], effectiveOn: "2025-04-01" });
    await attach(GZ, "gz-u01", "gz-unit-meeting", ["businessLicence"], { stamped: true });
    await unit.call("submitChange", { programmeId: GZ, changeId: "gz-unit-meeting" });
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("reviewChange", { programmeId: GZ, changeId: "gz-unit-meeting", decision: "approve", bureauMeeting: { heldOn: shanghaiDate(new Date()), minutesDocumentId: "gz-unit-meeting-businessLicence" } })).rejects.toMatchObject({ message: expect.stringContaining("不提交局务会审议") });
    expect((await collections.changes(GZ).doc("gz-unit-meeting").get()).data()!.state).toBe("submitted");
  });

  it("DG-5.4: a returned application goes back to the unit, which edits it to a draft and submits again", async () => {
    const unit = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await draft(unit, DG, "dg-u01", "dg-cat-2", { type: "catalogue", action: "add", name: "质量追溯", category: "生产", priceMin: 1, priceMax: 2 });
    await unit.call("submitChange", { programmeId: DG, changeId: "dg-cat-2" });
    const staff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    await expect(staff.call("reviewChange", { programmeId: DG, changeId: "dg-cat-2", decision: "return", comment: "请补充价格说明" })).resolves.toEqual({ state: "returned" });
    expect((await collections.changes(DG).doc("dg-cat-2").get()).data()).toMatchObject({ state: "returned", reviewComment: "请补充价格说明", clause: "DG-5.4" });
    // The unit edits its own fields only; what review recorded (the comment) stays (firestore.rules).
    const edit = { state: "draft", payload: { type: "catalogue", action: "add", name: "质量追溯", category: "生产", priceMin: 1000, priceMax: 2000 }, updatedBy: unit.uid, updatedAt: serverTimestamp() };
    await updateDoc(doc(unit.db, `programmes/${DG}/changes/dg-cat-2`), edit);
    expect((await collections.changes(DG).doc("dg-cat-2").get()).data()).toMatchObject({ state: "draft", reviewComment: "请补充价格说明" });
    await expect(unit.call("submitChange", { programmeId: DG, changeId: "dg-cat-2" })).resolves.toMatchObject({ state: "submitted" });
  });
});

describe("Guangzhou major change reported late (GZ-4.4a.4)", () => {
  it("GZ-4.4a.4: a change of address submitted more than 10 working days after it took effect makes the unit a criticism candidate (未及时报告说明) with the dates in words; on time, or in Dongguan, nothing; a resubmission proposes nothing more", async () => {
    const today = shanghaiDate(new Date());
    const unit = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    const proposalOf = (changeId: string) => collections.proceedings(GZ).doc(`auto_criticism_GZ-4.4a.4_unit-gz-u01_change-${changeId}`);

    await draft(unit, GZ, "gz-u01", "gz-late-address", { type: "unitInfo", changes: [{ field: "address", to: "广州市南沙区（演示）迟报路 1 号" }], effectiveOn: addDays(today, -40) });
    await attach(GZ, "gz-u01", "gz-late-address", ["businessLicence"], { stamped: true });
    await unit.call("submitChange", { programmeId: GZ, changeId: "gz-late-address" });
    const proposed = (await proposalOf("gz-late-address").get()).data()!;
    expect(proposed).toMatchObject({ kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.4", state: "proposed", automatic: true });
    expect(proposed.evidence[0]!.description).toMatch(/^住所于\d{4}年\d{1,2}月\d{1,2}日发生变更，应于\d{4}年\d{1,2}月\d{1,2}日前报告，于\d{4}年\d{1,2}月\d{1,2}日才报告$/);

    // Returned and submitted again: judged once, on the first submission.
    const lateCandidates = async () => (await collections.proceedings(GZ).where("unitId", "==", "gz-u01").where("ground", "==", "GZ-4.4a.4").get()).size;
    const before = await lateCandidates();
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await staff.call("reviewChange", { programmeId: GZ, changeId: "gz-late-address", decision: "return", comment: "请补充住所变更登记通知书" });
    await updateDoc(doc(unit.db, `programmes/${GZ}/changes/gz-late-address`), { state: "draft", updatedBy: unit.uid, updatedAt: serverTimestamp() });
    await unit.call("submitChange", { programmeId: GZ, changeId: "gz-late-address" });
    expect(await lateCandidates()).toBe(before);

    // Reported the day it takes effect: nothing.
    await draft(unit, GZ, "gz-u01", "gz-timely-scope", { type: "unitInfo", changes: [{ field: "businessScope", to: "数字化转型咨询、工业软件开发（演示）" }], effectiveOn: today });
    await attach(GZ, "gz-u01", "gz-timely-scope", ["businessLicence"], { stamped: true });
    await unit.call("submitChange", { programmeId: GZ, changeId: "gz-timely-scope" });
    expect((await proposalOf("gz-timely-scope").get()).exists).toBe(false);

    // Dongguan's regulation has no such ground.
    const dgUnit = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await draft(dgUnit, DG, "dg-u01", "dg-late-address", { type: "unitInfo", changes: [{ field: "address", to: "东莞市南城街道（演示）" }], effectiveOn: addDays(today, -40) });
    await attach(DG, "dg-u01", "dg-late-address", ["changeApplicationLetter", "businessLicence", "legalRepIdCopy", "localServiceTeamList", "socialSecurityProof"], { stamped: true });
    await dgUnit.call("submitChange", { programmeId: DG, changeId: "dg-late-address" });
    expect((await collections.proceedings(DG).where("automatic", "==", true).where("kind", "==", "criticism").get()).size).toBe(0);
  });
});

describe("objection rate limits", () => {
  let noticeId: string;
  beforeAll(async () => {
    // An open notice fixture whose window includes the real today.
    const today = shanghaiDate(new Date());
    noticeId = "rl-open";
    await collections.notices(GZ).doc(noticeId).set({ title: "限流测试公示", items: [{ changeId: "x1", unitName: "单位", summary: "事项" }], startsOn: addDays(today, -1), endsOn: addDays(today, 3), length: 5, unit: "workingDays", state: "open", clause: "GZ-4.6.3", nextDeadlineOn: addDays(today, 4) });
    await collections.notices(GZ).doc("rl-busy").set({ title: "热门公示", items: [{ changeId: "x2", unitName: "单位", summary: "事项" }], startsOn: addDays(today, -1), endsOn: addDays(today, 3), length: 5, unit: "workingDays", state: "open", clause: "GZ-4.6.3", nextDeadlineOn: addDays(today, 4) });
    // Start from a clean slate of counters (earlier tests filed from this address this hour).
    const counters = await admin().db.collection("rateLimits").get();
    await Promise.all(counters.docs.map((c) => c.ref.delete()));
  });

  it("GZ-4.6.3: a notice that reached 200 objections today refuses more (resource-exhausted, in Chinese)", async () => {
    const day = shanghaiDate(new Date()).replace(/-/g, "");
    await collections.rateLimits().doc(`objection-notice-${GZ}-rl-busy-${day}`).set({ count: 200, windowKey: "x", updatedAt: new Date() });
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: "rl-busy", ...OBJECTOR, text: "异议" })).rejects.toMatchObject({ code: "functions/resource-exhausted", message: "提交过于频繁，请稍后再试：每项公示每天最多受理 200 件异议" });
  });

  it("GZ-4.6.3: one address may file 5 objections an hour; the sixth is refused and not stored", async () => {
    for (let i = 1; i <= 5; i++) await anonymousCall("fileObjection", { programmeId: GZ, noticeId, ...OBJECTOR, text: `第 ${i} 件异议` });
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId, ...OBJECTOR, text: "第 6 件异议" })).rejects.toMatchObject({ code: "functions/resource-exhausted", message: "提交过于频繁，请稍后再试：同一网络地址每小时最多提出 5 件异议" });
    expect((await collections.objections(GZ, noticeId).get()).size).toBe(5);
  });
});

describe("two staff deciding at once", () => {
  it("GZ-4.6.2: concurrent approve and reject of one application: exactly one stands, the other is told it was already handled", async () => {
    const { auth } = admin();
    await auth.deleteUser("staff-gz-2").catch(() => undefined);
    await auth.createUser({ uid: "staff-gz-2", email: "staff2.gz@example.com", password: DEMO_PASSWORD, displayName: "广州工作小组二" });
    await auth.setCustomUserClaims("staff-gz-2", { staff: { [GZ]: "reviewer" } });
    await collections.changes(GZ).doc("gz-race").set({ unitId: "gz-u02", type: "partnerRemove", state: "submitted", payload: { type: "partnerRemove", partnerId: "p-none", reason: "不再合作" }, documents: [], submittedOn: "2025-06-02", reviewBatchId: "2025-06" });
    const a = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const b = await signedInClient("staff2.gz@example.com", DEMO_PASSWORD);
    const results = await Promise.allSettled([
      a.call("reviewChange", { programmeId: GZ, changeId: "gz-race", decision: "reject", comment: "理由甲" }),
      b.call("reviewChange", { programmeId: GZ, changeId: "gz-race", decision: "return", comment: "理由乙" }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("已由他人处理") });
    const stored = (await collections.changes(GZ).doc("gz-race").get()).data();
    expect(["rejected", "returned"]).toContain(stored?.state);
    const decisions = (await auditOf(GZ)).filter((x) => x.entity.endsWith("changes/gz-race"));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.clause).toBe("GZ-4.6.2");
  });
});

describe("an item the change machine refuses while its notice moves on", () => {
  it("GZ-4.6.3: the notice opens, the refused item stays as it was, and the refusal is on record with its reason (once)", async () => {
    const change = (id: string, state: "approved" | "rejected") =>
      collections.changes(GZ).doc(id).set({ unitId: "gz-u01", type: "partnerAdd", state, payload: { type: "partnerAdd", name: `伙伴${id}（演示）有限公司`, uscc: makeUscc(id === "gz-in" ? 41 : 42) }, documents: [] });
    await change("gz-in", "approved");
    await change("gz-out", "rejected");
    const noticeId = "notice-refusal";
    await collections.notices(GZ).doc(noticeId).set({
      title: "拒绝记录测试公示",
      items: [{ changeId: "gz-in", unitName: "单位", summary: "事项一" }, { changeId: "gz-out", unitName: "单位", summary: "事项二" }],
      startsOn: "2025-11-03",
      endsOn: "2025-11-07",
      length: 5,
      unit: "workingDays",
      state: "scheduled",
      clause: "GZ-4.6.3",
      nextDeadlineOn: "2025-11-03",
    });
    const step = () => stepNotice(depsAt(at("2025-11-03")), { programmeId: GZ, noticeId, asOf: "2025-11-03" }, staffGzActor);
    await expect(step()).resolves.toEqual({ noticeId, outcome: "opened" });
    expect((await collections.changes(GZ).doc("gz-in").get()).data()?.state).toBe("inNotice");
    expect((await collections.changes(GZ).doc("gz-out").get()).data()?.state).toBe("rejected");
    const refusals = (await auditOf(GZ)).filter((a) => a.action === "change.noticeStepRefused");
    expect(refusals).toEqual([
      expect.objectContaining({
        id: `change-gz-out-open-refused-${noticeId}`,
        actor: staffGzActor,
        entity: collections.changes(GZ).doc("gz-out").path,
        before: { state: "rejected" },
        after: { state: "rejected", noticeStep: "open", code: "EVENT_NOT_ALLOWED" },
        clause: "GZ-4.6.3",
        note: expect.stringContaining("rejected"),
      }),
    ]);
    await expect(step()).resolves.toMatchObject({ outcome: "nothing" });
    expect((await auditOf(GZ)).filter((a) => a.action === "change.noticeStepRefused")).toHaveLength(1);
  });
});

describe("Guangzhou partner removal by application (GZ-4.6.0), through the callables", () => {
  const listNow = async () => (await collections.partnerLists(GZ).orderBy("version", "desc").limit(1).get()).docs[0]!.data();

  it("GZ-4.6.0: the unit applies to remove its partner with a reason and no documents; approved in review, the partner leaves the next list version without a notice", async () => {
    await collections.partners(GZ).doc("gz-rm-stay").set({ unitId: "gz-u01", name: "继续合作伙伴（演示）有限公司", uscc: makeUscc(611), status: "active", since: "2025-02-01" });
    await collections.partners(GZ).doc("gz-rm-go").set({ unitId: "gz-u01", name: "退出合作伙伴（演示）有限公司", uscc: makeUscc(612), status: "active", since: "2025-02-01" });
    await collections.partners(GZ).doc("gz-rm-other").set({ unitId: "gz-u02", name: "别家合作伙伴（演示）有限公司", uscc: makeUscc(613), status: "active", since: "2025-02-01" });
    // Listed: the published list carries both partners of gz-u01 before the removal.
    const top = await listNow();
    const listed = top.version + 1;
    const entry = (partnerId: string, name: string, seq: number) => ({ partnerId, unitId: "gz-u01", unitName: "穗链智造科技（演示）有限公司", name, uscc: makeUscc(seq) });
    await collections.partnerLists(GZ).doc(String(listed)).set({ ...top, version: listed, entries: [...top.entries, entry("gz-rm-stay", "继续合作伙伴（演示）有限公司", 611), entry("gz-rm-go", "退出合作伙伴（演示）有限公司", 612)] });
    const notices = (await collections.notices(GZ).get()).size;

    const unit = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    // Another unit's partner cannot be removed by this unit.
    await draft(unit, GZ, "gz-u01", "gz-rm-bad", { type: "partnerRemove", partnerId: "gz-rm-other", reason: "不属于本单位" });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-rm-bad" })).rejects.toMatchObject({ details: { code: "CHANGE_TARGET_NOT_FOUND" } });

    await draft(unit, GZ, "gz-u01", "gz-rm-1", { type: "partnerRemove", partnerId: "gz-rm-go", reason: "合作项目已结束，双方协商退出" });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-rm-1" })).resolves.toMatchObject({ state: "submitted" });
    expect((await collections.changes(GZ).doc("gz-rm-1").get()).data()).toMatchObject({ state: "submitted", clause: "GZ-4.6.0" });

    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const r = await staff.call<{ state: string; published: { partners: number }; noticeId?: string }>("reviewChange", { programmeId: GZ, changeId: "gz-rm-1", decision: "approve" });
    expect(r).toEqual({ state: "published", published: { partners: listed + 1 } });
    expect((await collections.notices(GZ).get()).size).toBe(notices);

    // Nothing deleted: the partner is on record as removed, with its trail.
    expect((await collections.partners(GZ).doc("gz-rm-go").get()).data()).toMatchObject({ name: "退出合作伙伴（演示）有限公司", status: "removed" });
    const trail = (await auditOf(GZ)).filter((a) => a.entity === collections.partners(GZ).doc("gz-rm-go").path);
    expect(trail).toEqual([expect.objectContaining({ action: "partner.changed", before: expect.objectContaining({ status: "active" }), after: expect.objectContaining({ status: "removed" }), clause: "GZ-4.6.2" })]);
    // The public reads the new version without it; the one before still lists it.
    const next = (await getDoc(doc(publicDb(), `programmes/${GZ}/partnerLists/${listed + 1}`))).data();
    expect(next).toMatchObject({ version: listed + 1, changeIds: ["gz-rm-1"], clause: "GZ-4.6.2" });
    const names = (next?.entries as { name: string }[]).map((e) => e.name);
    expect(names).toContain("继续合作伙伴（演示）有限公司");
    expect(names).not.toContain("退出合作伙伴（演示）有限公司");
    expect((await collections.partnerLists(GZ).doc(String(listed)).get()).data()?.entries.map((e) => e.partnerId)).toContain("gz-rm-go");

    // Replayed: the approval is already decided and publishes nothing more.
    await expect(staff.call("reviewChange", { programmeId: GZ, changeId: "gz-rm-1", decision: "approve" })).rejects.toMatchObject({ details: { code: "ALREADY_DECIDED" } });
    expect((await listNow()).version).toBe(listed + 1);
    // A second application for the partner already removed is refused by its name.
    await draft(unit, GZ, "gz-u01", "gz-rm-2", { type: "partnerRemove", partnerId: "gz-rm-go", reason: "重复申请" });
    await expect(unit.call("submitChange", { programmeId: GZ, changeId: "gz-rm-2" })).rejects.toMatchObject({ details: { code: "PARTNER_NOT_LISTED" }, message: expect.stringContaining("退出合作伙伴（演示）有限公司") });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

// Issue 18.1, the notifications that matter outside the app, each mailed once (in the Trigger Email
// extension's format) however often the job or the request runs: the rectification deadline
// approaching (5 and 1 working days before) and passed, a clear-out proposed and in effect, a
// public notice opened for the units whose changes are in it, the decision on an objection for the
// objector who left an e-mail address, and a rating link for a pilot enterprise. (Report reminders
// and returned reports: mail.test.ts.) A member mail comes from its notification through the
// onNotificationCreated trigger; a direct mail is queued with the decision itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { directMailId, mailId } from "../../functions/src/domain/mailKinds.js";
import type { DocumentKind } from "../../functions/src/domain/policy/schema.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { applyProceedingEvent } from "../../functions/src/usecases/applyProceedingEvent.js";
import { decideObjection } from "../../functions/src/usecases/decideObjection.js";
import { productionDeps, type Deps } from "../../functions/src/usecases/deps.js";
import { fileObjection } from "../../functions/src/usecases/fileObjection.js";
import { issueSurveyLink } from "../../functions/src/usecases/issueSurveyLink.js";
import { notAdmitObjections } from "../../functions/src/usecases/notAdmitObjections.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { recordBureauMeeting } from "../../functions/src/usecases/recordBureauMeeting.js";
import { queueNotificationMail } from "../../functions/src/usecases/queueNotificationMail.js";
import { reviewChange } from "../../functions/src/usecases/reviewChange.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { setMailPreferences } from "../../functions/src/usecases/setMailPreferences.js";
import { submitChange } from "../../functions/src/usecases/submitChange.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, eventually } from "../support/emulators.js";
import { seedDocument, seedEnterprise, seedUnit } from "../support/workflowFixtures.js";

const GZ = "gz-2025";
const calendar = makeCalendar();
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+08:00`);
const depsAt = (now: Date): Deps => ({ ...productionDeps(), clock: () => now });
const staff = { uid: "staff-gz", role: "staff" as const };
const settle = () => new Promise((r) => setTimeout(r, 3000));

const mailsFor = async (notificationId: string) => (await admin().db.collection("mail").where("notificationId", "==", notificationId).get()).docs;
const mailsTo = async (to: string) => (await admin().db.collection("mail").where("to", "==", to).get()).docs;
/** The one mail of a notification once the trigger queued it; then a pause, and still one. */
async function oneMail(notificationId: string) {
  await eventually(async () => ((await mailsFor(notificationId)).length ? true : undefined), `the mail of ${notificationId}`);
  await settle();
  const docs = await mailsFor(notificationId);
  expect(docs.map((d) => d.id)).toEqual([mailId(GZ, notificationId, "member-gz-01")]);
  // The trigger redelivered: nothing new.
  expect(await queueNotificationMail(productionDeps(), { programmeId: GZ, notificationId })).toBe(0);
  return docs[0]!.data();
}

describe("mail for every notification of issue 18.1, once", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await setMailPreferences(productionDeps(), { programmeId: GZ, address: "lianluo01@example.com", kinds: ["proceeding", "noticeOpened"] }, { uid: "member-gz-01", role: "unitMember", unitId: "gz-u01" });
  });
  afterAll(closeClients);

  it("GZ-4.4a: the rectification deadline 5 working days ahead is mailed once, however many sweeps serve that reminder; passed, the unit is told it is overdue (GZ-4.3b), once", async () => {
    const deadline = "2025-10-17";
    const ref = collections.proceedings(GZ).doc("mail-criticism");
    await ref.set({ kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [{ description: "季度报告逾期" }], automatic: false, openedOn: "2025-09-15", openedBy: staff, state: "issued", extensions: [], rectificationDeadline: deadline, nextDeadlineOn: deadline });
    const five = calendar.addWorkingDays(deadline, -5);
    // The reminder day and the day after (a sweep that serves the same reminder), each run twice.
    for (const day of [five, calendar.addWorkingDays(five, 1)]) for (let i = 0; i < 2; i++) await sweepDeadlines(depsAt(at(day, "00:30")), { asOf: day, programmeIds: [GZ] });
    const due = await oneMail(`rectification-due_mail-criticism_${deadline}_${five}`);
    expect(due).toMatchObject({ to: "lianluo01@example.com", kind: "proceeding", unitId: "gz-u01" });
    expect(due.message.subject).toContain("整改期限提醒");
    expect(due.message.text).toContain("2025年10月17日（含）");
    expect(due.message.text).toContain("还有 5 个工作日");
    expect(due.message.text).toContain("GZ-4.4a.2");

    // Past the deadline: overdue, and the unit is told; a later sweep finds nothing more to say.
    for (const day of ["2025-10-20", "2025-10-21"]) await sweepDeadlines(depsAt(at(day, "00:30")), { asOf: day, programmeIds: [GZ] });
    expect((await ref.get()).data()?.state).toBe("overdue");
    const overdue = await oneMail(`rectification-overdue_mail-criticism_${deadline}`);
    expect(overdue.message.text).toContain("已过期限 2025年10月17日");
    expect(overdue.message.text).toContain("GZ-4.3b");
  });

  it("GZ-4.4b.5 / GZ-4.4b.9: a clear-out proposed against the unit is mailed once; once in effect, so is the decision (never to re-apply)", async () => {
    await seedUnit(GZ, "gz-mail-2", 881, "邮件清退测试（演示）有限公司");
    await collections.members(GZ, "gz-mail-2").doc("member-mail-2").set({ uid: "member-mail-2", name: "联络员", addedAt: new Date("2025-01-01T00:00:00+08:00") });
    await setMailPreferences(productionDeps(), { programmeId: GZ, address: "qingtui@example.com", kinds: ["proceeding"] }, { uid: "member-mail-2", role: "unitMember", unitId: "gz-mail-2" });
    const { proceedingId } = await proposeProceeding(productionDeps(), { programmeId: GZ, kind: "clearOut", unitId: "gz-mail-2", ground: "GZ-4.4b.5", evidence: [{ description: "申报材料中的合同系伪造" }], complaintIds: [] }, staff);
    const proposedId = `${proceedingId}-proposed`;
    await eventually(async () => ((await mailsFor(proposedId)).length ? true : undefined), "the proposal's mail");
    const [proposed] = await mailsFor(proposedId);
    expect(proposed!.data()).toMatchObject({ to: "qingtui@example.com", kind: "proceeding", unitId: "gz-mail-2" });
    expect(proposed!.data().message.text).toContain("依据“伪造资料、弄虚作假”（GZ-4.4b.5），已对你单位提出清退");

    await seedDocument(GZ, `minutes-${proceedingId}`, "meetingMinutes");
    const today = shanghaiDate(new Date());
    await recordBureauMeeting(productionDeps(), { programmeId: GZ, proceedingId, heldOn: today, minutesDocumentId: `minutes-${proceedingId}`, decision: "confirmed" }, staff);
    await applyProceedingEvent(productionDeps(), { programmeId: GZ, proceedingId, event: { type: "takeEffect" } }, staff);
    const effective = await eventually(async () => {
      const docs = (await mailsTo("qingtui@example.com")).filter((d) => String(d.get("message.text")).includes("予以清退，且不得重新申请纳入"));
      return docs.length ? docs : undefined;
    }, "the clear-out decision's mail");
    await settle();
    expect(effective).toHaveLength(1);
    expect((await mailsTo("qingtui@example.com")).length).toBe(2);
    // A replayed step is refused by the machine: no second mail.
    await expect(applyProceedingEvent(productionDeps(), { programmeId: GZ, proceedingId, event: { type: "takeEffect" } }, staff)).rejects.toBeDefined();
    await settle();
    expect((await mailsTo("qingtui@example.com")).length).toBe(2);
  });

  let notice: { noticeId: string; startsOn: string; endsOn: string };

  it("GZ-4.6.3: a notice opening with the unit's change in it is mailed to the unit once, however often the notice cycle runs", async () => {
    const changeId = "mail-change-add";
    await collections.changes(GZ).doc(changeId).set({ unitId: "gz-u01", type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "邮件伙伴（演示）有限公司", uscc: makeUscc(882) }, documents: [] });
    for (const kind of ["businessLicence", "legalRepIdCopy", "auditReport", "creditChinaReport"] as DocumentKind[]) {
      await collections.documents(GZ).doc(`${changeId}-${kind}`).set({
        kind,
        ownerUnitId: "gz-u01",
        fileName: `${kind}.pdf`,
        storagePath: `programmes/${GZ}/documents/${changeId}-${kind}`,
        size: 1024,
        sha256: "a".repeat(64),
        contentType: "application/pdf",
        sensitive: false,
        stamped: false,
        ...(kind === "creditChinaReport" ? { issuedOn: "2025-11-01" } : {}),
        uploadedAt: at("2025-11-01"),
        uploadedBy: { uid: "member-gz-01", role: "unitMember" },
        programmeId: GZ,
        target: { type: "change", id: changeId, unitId: "gz-u01" },
        targetKey: `change/${changeId}`,
        version: 1,
        current: true,
      });
    }
    await submitChange(depsAt(at("2025-11-03")), { programmeId: GZ, changeId }, { uid: "member-gz-01", role: "unitMember", unitId: "gz-u01" });
    const r = await reviewChange(depsAt(at("2025-11-04")), { programmeId: GZ, changeId, decision: "approve" }, staff);
    notice = { noticeId: r.noticeId!, startsOn: r.startsOn!, endsOn: r.endsOn! };
    for (let i = 0; i < 2; i++) await runNoticeCycle(depsAt(at(notice.startsOn, "00:15")), { programmeId: GZ, asOf: notice.startsOn });
    expect((await collections.notices(GZ).doc(notice.noticeId).get()).data()?.state).toBe("open");
    const m = await oneMail(`notice-open_${notice.noticeId}_gz-u01`);
    expect(m.kind).toBe("noticeOpened");
    expect(m.message.text).toContain("邮件伙伴（演示）有限公司");
    expect(m.message.text).toContain("GZ-4.6.3");
    expect(m.message.text).toMatch(/公示期自 \d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日（5 个工作日）/);
  });

  it("GZ-4.6.3: the objector who left an e-mail address is mailed the decision and its reasons, once; one who left a phone number is not", async () => {
    const day = depsAt(at(notice.startsOn, "11:00"));
    const filer = { address: "203.0.113.20" };
    const byMail = await fileObjection(day, { programmeId: GZ, noticeId: notice.noticeId, name: "李四", contact: "lisi@example.com", text: "该伙伴与牵引单位存在关联交易" }, filer);
    const byPhone = await fileObjection(day, { programmeId: GZ, noticeId: notice.noticeId, name: "王五", contact: "13800000001", text: "反对" }, filer);
    const junk = await fileObjection(day, { programmeId: GZ, noticeId: notice.noticeId, name: "赵六", contact: "zhaoliu@example.com", text: "无关内容" }, filer);
    const decide = () => decideObjection(depsAt(at(notice.startsOn, "15:00")), { programmeId: GZ, noticeId: notice.noticeId, objectionId: byMail.objectionId, upheld: false, decision: "经核查无关联交易" }, staff, { webBase: "https://example.web.app" });
    await decide();
    await expect(decide()).rejects.toMatchObject({ refusal: { code: "ALREADY_DECIDED" } });
    await decideObjection(depsAt(at(notice.startsOn, "15:05")), { programmeId: GZ, noticeId: notice.noticeId, objectionId: byPhone.objectionId, upheld: false, decision: "未说明理由" }, staff);
    const mails = await mailsTo("lisi@example.com");
    expect(mails.map((d) => d.id)).toEqual([directMailId(GZ, "objectionDecided", `${notice.noticeId}_objections_${byMail.objectionId}`)]);
    const m = mails[0]!.data();
    expect(m).toMatchObject({ kind: "objectionDecided", programmeId: GZ, subjectPath: `programmes/${GZ}/notices/${notice.noticeId}/objections/${byMail.objectionId}` });
    expect(Object.keys(m.message).sort()).toEqual(["html", "subject", "text"]);
    expect(m.message.text).toContain("处理结果：认定不成立");
    expect(m.message.text).toContain("处理意见：经核查无关联交易");
    expect(m.message.text).toContain(`https://example.web.app/notices?p=${GZ}`);
    expect((await admin().db.collection("mail").where("kind", "==", "objectionDecided").get()).size).toBe(1);

    // Not admitted in a batch (and the batch replayed): the objector with an address is told, once.
    for (let i = 0; i < 2; i++) await notAdmitObjections(depsAt(at(notice.startsOn, "16:00")), { programmeId: GZ, noticeId: notice.noticeId, objectionIds: [junk.objectionId], reason: "与公示事项无关" }, staff);
    const told = await mailsTo("zhaoliu@example.com");
    expect(told).toHaveLength(1);
    expect(told[0]!.data().message.text).toContain("处理结果：不予受理");
  });

  it("GZ-3.3: a rating link issued with the enterprise's address is mailed to it, once per link; without an address nothing is mailed", async () => {
    await seedEnterprise(GZ, "gz-u01", "gz-mail-e1", 883, "邮件试点企业（演示）");
    const r = await issueSurveyLink(depsAt(at("2025-11-05")), { programmeId: GZ, enterpriseId: "gz-mail-e1", periodId: "2025-Q3", email: "qiye@example.com" }, staff, { webBase: "https://example.web.app" });
    const mails = await mailsTo("qiye@example.com");
    expect(mails).toHaveLength(1);
    const m = mails[0]!.data();
    expect(m).toMatchObject({ kind: "ratingLink", programmeId: GZ });
    expect(m.message.text).toContain(`https://example.web.app${r.link}`);
    expect(m.message.text).toContain("邮件试点企业（演示）");
    expect(m.message.text).toContain("2025年第三季度");
    const before = (await admin().db.collection("mail").where("kind", "==", "ratingLink").get()).size;
    await issueSurveyLink(depsAt(at("2025-11-05")), { programmeId: GZ, enterpriseId: "gz-mail-e1", periodId: "2025-Q3" }, staff);
    expect((await admin().db.collection("mail").where("kind", "==", "ratingLink").get()).size).toBe(before);
  });
});

// E-mail (issue 18): notifications that matter outside the app are queued in `mail` in the format
// of Firebase's "Trigger Email from Firestore" extension, for the members of the unit who opted in
// to their kind (setMailPreferences). Locally a real SMTP dev inbox (maildev) receives them
// through the small sender (scripts/local/mail.ts), which writes the delivery state back as the
// extension does; the test reads the inbox back over its HTTP API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { startDevInbox, startMailSender, type MailSender } from "../../scripts/local/mail.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { mailId } from "../../functions/src/domain/mailKinds.js";
import { guangzhou } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { collections } from "../../functions/src/store/collections.js";
import { productionDeps, type Deps } from "../../functions/src/usecases/deps.js";
import { queueNotificationMail } from "../../functions/src/usecases/queueNotificationMail.js";
import { reviewReport } from "../../functions/src/usecases/reviewReport.js";
import { setMailPreferences } from "../../functions/src/usecases/setMailPreferences.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { admin, clearFirestore, closeClients, eventually, signedInClient } from "../support/emulators.js";

const GZ = "gz-2025";
const calendar = makeCalendar();
const OFFSET = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
// Ports of the test's own inbox (npm start's are 2525/2580 + offset), so a running system is not met.
const PORTS = { smtp: 2535 + OFFSET, inbox: 2590 + OFFSET };
const at = (iso: string) => new Date(`${iso}+08:00`);
const clockAt = (iso: string): Deps => ({ ...productionDeps(), clock: () => at(iso) });
const unitMember = (uid: string) => ({ uid, role: "unitMember" as const, unitId: "gz-u01" });

const mailsOf = async (notificationId: string) => (await admin().db.collection("mail").where("notificationId", "==", notificationId).get()).docs;
const settle = () => new Promise((r) => setTimeout(r, 3000));

interface InboxMail {
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
}
async function inbox(): Promise<InboxMail[]> {
  const res = await fetch(`http://127.0.0.1:${PORTS.inbox}/email`);
  return (await res.json()) as InboxMail[];
}

describe("mail: reminders by e-mail in the Trigger Email extension's format, delivered locally to the dev inbox", () => {
  let stopInbox: () => Promise<void>;
  let sender: MailSender;

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    stopInbox = (await startDevInbox(PORTS)).stop;
    sender = startMailSender(admin().db, PORTS.smtp);
    for (const id of ["2025-Q3", "2025-Q4"]) await collections.periods(GZ).doc(id).set(newPeriod(id, guangzhou, calendar));
    await collections.taskBooks(GZ).doc("gz-u01_2025").set({ unitId: "gz-u01", year: 2025, targets: { enterprisesTransformed: 20, diagnoses: 40 }, otherTargets: [], signedOn: "2025-02-01" });
    // Two more members of gz-u01: one who opts out, one who opted in and has left the unit since.
    const addedAt = new Date("2025-01-01T00:00:00+08:00");
    await collections.members(GZ, "gz-u01").doc("member-gz-01b").set({ uid: "member-gz-01b", name: "退订的联络员", addedAt });
    await collections.members(GZ, "gz-u01").doc("member-gz-01c").set({ uid: "member-gz-01c", name: "已离开的联络员", addedAt });
  });
  afterAll(async () => {
    sender?.stop();
    await stopInbox?.();
    await closeClients();
  });

  it("a member opts in for themself through setMailPreferences (a bad address is refused in Chinese); another opts out; nobody gets mail before choosing", async () => {
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(member.call("setMailPreferences", { programmeId: GZ, address: "不是邮箱", kinds: ["reportReminder"] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("邮箱地址不是有效的电子邮箱地址") });
    await expect(member.call("setMailPreferences", { programmeId: GZ, address: "a@example.com", kinds: ["noSuchKind"] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("提醒类型的取值无效") });
    const set = await member.call<{ kinds: string[] }>("setMailPreferences", { programmeId: GZ, address: "lianluo01@example.com", kinds: ["reportReminder", "reportReturned", "reportReminder"] });
    expect(set.kinds).toEqual(["reportReminder", "reportReturned"]);
    expect((await collections.mailPreferences(GZ).doc(member.uid).get()).data()).toMatchObject({ memberUid: member.uid, unitId: "gz-u01", address: "lianluo01@example.com" });

    await setMailPreferences(productionDeps(), { programmeId: GZ, address: "tuiding@example.com", kinds: [] }, unitMember("member-gz-01b"));
    await setMailPreferences(productionDeps(), { programmeId: GZ, address: "likai@example.com", kinds: ["reportReminder", "reportReturned"] }, unitMember("member-gz-01c"));
    await collections.members(GZ, "gz-u01").doc("member-gz-01c").set({ uid: "member-gz-01c", name: "已离开的联络员", addedAt: new Date("2025-01-01T00:00:00+08:00"), removedAt: new Date("2025-06-01T00:00:00+08:00") });
    // A member who left may not set anything.
    await expect(setMailPreferences(productionDeps(), { programmeId: GZ, address: "likai@example.com", kinds: [] }, unitMember("member-gz-01c"))).rejects.toMatchObject({ refusal: { code: "MAIL_NOT_CURRENT_MEMBER" } });
  });

  it("the deadline sweep run twice queues each reminder once, only to the member who opted in; the document has the extension's format; a redelivered event queues nothing", async () => {
    // 2025-10-14 Tue: 5 working days before the 2025-Q3 deadline 2025-10-21.
    for (let i = 0; i < 2; i++) await sweepDeadlines(productionDeps(), { asOf: "2025-10-14", programmeIds: [GZ] });
    const notificationId = "remind_2025-Q3_gz-u01_2025-10-14";
    const [mail] = await eventually(async () => {
      const docs = await mailsOf(notificationId);
      return docs.length ? docs : undefined;
    }, "the reminder's mail");
    await settle();
    const docs = await mailsOf(notificationId);
    expect(docs.map((d) => d.id)).toEqual([mailId(GZ, notificationId, "member-gz-01")]);
    const data = mail!.data();
    expect(Object.keys(data.message).sort()).toEqual(["html", "subject", "text"]);
    expect(data).toMatchObject({ to: "lianluo01@example.com", programmeId: GZ, notificationId, unitId: "gz-u01", memberUid: "member-gz-01", kind: "reportReminder" });
    expect(typeof data.message.subject).toBe("string");
    expect(data.message.subject).toContain("广州");
    expect(data.message.text).toContain("2025年10月21日");
    expect(data.message.html).toMatch(/^<h2>/);
    // The same event delivered again (or the trigger retried): nothing new.
    expect(await queueNotificationMail(productionDeps(), { programmeId: GZ, notificationId })).toBe(0);
    expect(await mailsOf(notificationId)).toHaveLength(1);
    // Nobody in gz-u02 opted in: its reminder queues no mail.
    expect(await mailsOf("remind_2025-Q3_gz-u02_2025-10-14")).toHaveLength(0);
  });

  it("a report returned with reasons queues a mail that carries the reasons", async () => {
    await admin().db.doc(`programmes/${GZ}/reports/gz-u01_2025-Q4`).set({ unitId: "gz-u01", periodId: "2025-Q4", state: "submitted", metrics: { enterprisesTransformed: 18, diagnoses: 35 }, updatedBy: "member-gz-01", updatedAt: at("2026-01-05T10:00:00") });
    await eventually(async () => (await collections.evaluations(GZ).doc("gz-u01_2025-Q4").get()).data(), "the report's evaluation");
    await reviewReport(clockAt("2026-01-06T10:00:00"), { programmeId: GZ, reportId: "gz-u01_2025-Q4", decision: "return", reasons: [{ field: "咨询诊断", reason: "与诊断报告数量不符 <请核对>" }] }, { uid: "staff-gz", role: "staff" });
    const [mail] = await eventually(async () => {
      const docs = await mailsOf("report-returned-gz-u01_2025-Q4-0");
      return docs.length ? docs : undefined;
    }, "the returned report's mail");
    const data = mail!.data();
    expect(data).toMatchObject({ to: "lianluo01@example.com", kind: "reportReturned" });
    expect(data.message.text).toContain("与诊断报告数量不符 <请核对>");
    expect(data.message.html).toContain("与诊断报告数量不符 &lt;请核对&gt;");
    expect(data.message.html).not.toContain("<请核对>");
  });

  it("the local sender delivers the queue to the dev inbox and records delivery.state SUCCESS, as the extension does", async () => {
    const delivered = await eventually(async () => {
      const docs = (await admin().db.collection("mail").get()).docs;
      return docs.length >= 2 && docs.every((d) => d.get("delivery.state") === "SUCCESS") ? docs : undefined;
    }, "delivery of every mail");
    for (const d of delivered) expect(d.get("delivery")).toMatchObject({ state: "SUCCESS", attempts: 1, error: null });
    const received = await eventually(async () => {
      const all = await inbox();
      return all.length >= delivered.length ? all : undefined;
    }, "the mails in the dev inbox");
    expect(received).toHaveLength(delivered.length);
    for (const d of delivered) {
      const m = received.find((r) => r.subject === d.get("message.subject"));
      expect(m, d.id).toBeDefined();
      expect(m!.to.map((t) => t.address)).toEqual([d.get("to")]);
    }
    expect(received.map((r) => r.to[0]!.address)).not.toContain("tuiding@example.com");
    expect(received.map((r) => r.to[0]!.address)).not.toContain("likai@example.com");
  });

  it("a mail the SMTP server cannot take is marked delivery.state ERROR with the reason, and not sent again", async () => {
    sender.stop();
    // A port nobody listens on: the sender's SMTP connection is refused.
    const failing = startMailSender(admin().db, PORTS.inbox + 1);
    try {
      const ref = admin().db.collection("mail").doc("gz-2025~probe~member-gz-01");
      await ref.set({ to: "lianluo01@example.com", message: { subject: "无法投递的邮件", text: "t", html: "<p>t</p>" }, programmeId: GZ, notificationId: "probe", unitId: "gz-u01", memberUid: "member-gz-01", kind: "reportReminder", createdAt: new Date() });
      const delivery = await eventually(async () => {
        const d = (await ref.get()).get("delivery") as { state: string; attempts: number; error: string | null } | undefined;
        return d && d.state !== "PROCESSING" ? d : undefined;
      }, "the failed delivery");
      expect(delivery).toMatchObject({ state: "ERROR", attempts: 1 });
      expect(delivery.error).toMatch(/ECONNREFUSED|connect/);
      await failing.idle();
      expect((await inbox()).map((m) => m.subject)).not.toContain("无法投递的邮件");
    } finally {
      failing.stop();
    }
  });
});

// Issue 18.1 end to end in a real Chromium: a unit member opts in to 报告被退回 on the portal's
// 邮件提醒 card; the reviewer returns the unit's submitted report with a reason in the admin review
// drawer; the mail the notification queued reaches the dev inbox (maildev, at the inbox port
// scripts/emulators.mjs gives this offset, started here as `npm start` starts it, with the local
// sender that plays the Trigger Email extension) and carries the reason; the inbox page shows it.
import { expect, test } from "@playwright/test";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { shanghaiDate } from "../../functions/src/domain/dates.js";
import { periodOf } from "../../functions/src/domain/periods.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { newPeriod } from "../../functions/src/domain/reportSchedule.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { periodWord } from "../../functions/src/domain/words.js";
import { collections } from "../../functions/src/store/collections.js";
import { startDevInbox, startMailSender, type MailSender } from "../../scripts/local/mail.js";
import { admin, closeClients, eventually } from "../support/emulators.js";
import { choose, freshDemo, signIn } from "./session.js";

const GZ = "gz-2025";
const PERIOD = periodOf(shanghaiDate(new Date()), "quarterly");
const YEAR = PERIOD.slice(0, 4);
const REPORT = `gz-u01_${PERIOD}`;
const UNIT_NAME = "穗链智造科技（演示）有限公司";
const ADDRESS = "lianluo-e2e@example.com";
const REASON = "典型案例缺少佐证材料，请补充案例说明及验收记录。";

interface InboxMail {
  subject: string;
  text: string;
  to: { address: string }[];
}
/** The dev inbox's ports for this offset, as scripts/emulators.mjs derives them for `npm start` (plain JS: imported by name). */
const EMULATORS_SCRIPT = new URL("../../scripts/emulators.mjs", import.meta.url).href;
let mailPorts: { smtp: number; inbox: number };
const inbox = async (): Promise<InboxMail[]> => (await (await fetch(`http://127.0.0.1:${mailPorts.inbox}/email`)).json()) as InboxMail[];

/** The unit's report for this quarter, submitted as the portal submits it (the trigger scores it). */
async function seedSubmittedReport() {
  await collections.periods(GZ).doc(PERIOD).set(newPeriod(PERIOD, getPolicyPack("guangzhou"), makeCalendar()));
  await collections.taskBooks(GZ).doc(`gz-u01_${YEAR}`).set({ unitId: "gz-u01", year: Number(YEAR), targets: { enterprisesTransformed: 4, diagnoses: 4 }, otherTargets: [], signedOn: `${YEAR}-01-20` });
  for (let i = 1; i <= 4; i++) {
    await collections.enterprises(GZ).doc(`gz-u01-m${i}`).set({ name: `邮件试点企业${i}（演示）有限公司`, uscc: makeUscc(90_300 + i), servedBy: "gz-u01", diagnosisDone: false, onCloud: false, acceptance: "pending" });
  }
  await collections.reports(GZ).doc(REPORT).set({
    unitId: "gz-u01",
    periodId: PERIOD,
    state: "draft",
    metrics: { typicalCases: 1 },
    enterprises: Array.from({ length: 4 }, (_, i) => ({ enterpriseId: `gz-u01-m${i + 1}`, progress: `第 ${i + 1} 家企业改造进展`, contractSigned: true, diagnosisDone: true, levelAfter: 2 })),
    documentIds: [],
    late: false,
    returnedCount: 0,
    incomplete: false,
    missingFields: [],
    reviewReasons: [],
    updatedBy: "member-gz-01",
    updatedAt: new Date(),
  });
  await collections.reports(GZ).doc(REPORT).update({ state: "submitted", updatedAt: new Date() });
  await eventually(async () => (await collections.evaluations(GZ).doc(REPORT).get()).data(), "the evaluation draft of the submitted report");
}

let stopInbox: (() => Promise<void>) | undefined;
let sender: MailSender | undefined;
test.beforeAll(async () => {
  ({ mailPorts } = (await import(EMULATORS_SCRIPT)) as { mailPorts: { smtp: number; inbox: number } });
  await freshDemo();
  await seedSubmittedReport();
  stopInbox = (await startDevInbox(mailPorts)).stop;
  sender = startMailSender(admin().db, mailPorts.smtp);
});
test.afterAll(async () => {
  sender?.stop();
  await stopInbox?.();
  await closeClients();
});

test("GZ-3.4.1: a member opts in on the portal, the reviewer returns the report with a reason, and the mail with the reason arrives in the dev inbox", async ({ browser }) => {
  // The member opts in to returned reports at their own address.
  const member = await signIn(browser, "/portal", "member-gz-01");
  const card = member.page.getByTestId("mail-preferences");
  await card.getByRole("textbox", { name: "接收邮箱" }).fill(ADDRESS);
  await card.getByRole("checkbox", { name: /报告被退回/ }).check();
  await card.getByRole("button", { name: "保存邮件提醒设置" }).click();
  await expect(card).toContainText("邮件提醒设置已保存。");

  // The reviewer returns the report in the review drawer, with one reason.
  const staff = await signIn(browser, "/admin", "staff-gz");
  const page = staff.page;
  await page.getByRole("row", { name: new RegExp(`${UNIT_NAME}.*${periodWord(PERIOD)}`) }).getByRole("button", { name: `审阅${periodWord(PERIOD)}报告` }).click();
  const review = page.getByTestId("report-review");
  await expect(review).toBeVisible();
  await choose(page, "第 1 条：退回的内容", "典型案例");
  await page.getByLabel("第 1 条：退回理由").fill(REASON);
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(review.getByText("本报告已退回，等待单位修改后重新提交。")).toBeVisible();

  // The mail reaches the dev inbox (read over maildev's API), once, to the member's address, with the reason.
  const mail = await eventually(async () => (await inbox()).find((m) => m.to.some((t) => t.address === ADDRESS)), "the returned report's mail in the dev inbox");
  expect(mail.subject).toContain(`${periodWord(PERIOD)}报告被退回`);
  expect(mail.text).toContain(REASON);
  const queued = await admin().db.collection("mail").where("to", "==", ADDRESS).get();
  expect(queued.docs.map((d) => [d.get("kind"), d.get("delivery.state")])).toEqual([["reportReturned", "SUCCESS"]]);

  // The inbox page a developer opens shows it.
  const devInbox = await browser.newPage();
  await devInbox.goto(`http://127.0.0.1:${mailPorts.inbox}/`);
  await expect(devInbox.getByText(mail.subject).first()).toBeVisible();
  await devInbox.getByText(mail.subject).first().click();
  await devInbox.screenshot({ path: "artifacts/screenshots/dev-inbox-report-returned.png", fullPage: true });
  await devInbox.close();

  expect(member.errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await member.context.close();
  await staff.context.close();
});

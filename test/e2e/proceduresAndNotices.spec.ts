// Procedures in a real Chromium with real uploads: a Guangzhou clear-out confirmed at a bureau
// meeting (minutes uploaded) takes effect and is announced on the public page; an overdue
// rectification ends in a cancelled qualification (GZ-4.3b), announced the same way; a partner addition
// with its four documents goes through review and a public notice, where an objection is filed
// by the public and decided by staff; Dongguan staff set junk objections aside in bulk (不予受理);
// an issued criticism is circulated (通报批评, GZ-4.4a.0) to another unit's portal and the public page.
// The public announcement and the public 公示 card (before and after an objection) pass axe.
import { dateWord } from "../../functions/src/domain/words.js";
import { expect, test } from "@playwright/test";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { collections } from "../../functions/src/store/collections.js";
import { closeClients } from "../support/emulators.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { proposeProceeding } from "../../functions/src/usecases/proposeProceeding.js";
import { applyProceedingEvent } from "../../functions/src/usecases/applyProceedingEvent.js";
import { violations } from "./axe.js";
import { openNoticeWithObjections } from "./objectionFixtures.js";
import { freshDemo, pickByName, pickDate, screenshot, signIn, watchConsole } from "./session.js";

const GZ = "gz-2025";
// A small but real PDF: file-type recognises it from its bytes, as the upload endpoint requires.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: PDF });

test.beforeAll(async () => {
  await freshDemo();
});
test.afterAll(closeClients);




test("GZ-4.4b.9: a clear-out takes effect only after the bureau meeting is recorded with its minutes, and GZ-4.5 the announcement appears on the public page", async ({ browser }) => {
  const staff = await signIn(browser, "/admin", "staff-gz");
  await staff.page.getByRole("tab", { name: "批评与清退" }).click();
  await staff.page.getByRole("radio", { name: "清退" }).first().check();
  await pickByName(staff.page, "牵引单位", "羊城", /羊城云数信息（演示）有限公司/);
  await staff.page.getByLabel("依据条款").click();
  await staff.page.getByTitle("GZ-4.4b.5").click();
  await staff.page.getByLabel("事实依据").fill("核查发现其报送的改造合同系伪造。");
  await staff.page.getByRole("button", { name: /立\s*案/ }).click();
  await expect(staff.page.getByText("已立案。")).toBeVisible();

  // Only the allowed next steps are offered: no "take effect" before the meeting.
  await staff.page.getByRole("row", { name: /羊城云数信息.*GZ-4\.4b\.5/ }).click();
  const allowed = staff.page.getByTestId("allowed-events");
  await expect(allowed).toBeVisible();
  await expect(allowed.getByRole("button", { name: "清退生效" })).toHaveCount(0);
  await staff.page.locator('input[type="file"][aria-label="上传会议纪要"]').setInputFiles(pdf("局务会纪要.pdf"));
  await expect(staff.page.getByText("已上传：局务会纪要.pdf")).toBeVisible();
  await pickDate(staff.page, "会议日期", shanghaiDate(new Date()));
  await staff.page.getByRole("button", { name: /登\s*记/ }).click();

  // After the meeting: take effect.
  await expect(staff.page.getByRole("row", { name: /羊城云数信息.*局务会已确认/ })).toBeVisible();
  await staff.page.getByRole("row", { name: /羊城云数信息.*局务会已确认/ }).click();
  await staff.page.getByTestId("allowed-events").getByRole("button", { name: "清退生效" }).click();
  await expect(staff.page.getByText("清退生效：已完成")).toBeVisible();
  await screenshot(staff.page, "artifacts/screenshots/admin-proceedings.png", { fullPage: true });

  // The public sees the announcement with the unit's name and the reason.
  // A context of its own, as axe requires (and as another person's browser is).
  const pub = await (await browser.newContext()).newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  await pub.getByRole("tab", { name: "清退及取消资格公告" }).click();
  await expect(pub.getByTestId("announcement")).toContainText("羊城云数信息（演示）有限公司");
  await expect(pub.getByTestId("announcement")).toContainText("予以清退，不得重新申请纳入");
  // It reads as a bureau's 公告: a heading, the decision under its clause from its effective date, the issuing body, printable.
  const announcement = pub.getByTestId("announcement").filter({ hasText: "羊城云数信息（演示）有限公司" });
  await expect(announcement).toContainText("关于羊城云数信息（演示）有限公司的清退公告");
  await expect(announcement).toContainText(/根据试点工作规定（GZ-4\.4b\.\d+）.*特此公告。/);
  await expect(announcement).toContainText("广州市中小企业数字化转型城市试点（演示）工作小组");
  await expect(announcement.getByRole("button", { name: "打印本公告" })).toBeVisible();
  expect(await announcement.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  await screenshot(pub, "artifacts/screenshots/public-announcements.png", { fullPage: true });
  expect(await violations(pub, "公示公告/清退公告")).toEqual([]);
  expect((await collections.bans(GZ).doc((await collections.units(GZ).doc("gz-u02").get()).data()!.uscc).get()).exists).toBe(true);
  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await pub.context().close();
  await staff.context.close();
});

test("GZ-4.3b: staff cancel the qualification of a unit whose rectification is overdue, stating the facts; the public page announces 取消牵引单位资格", async ({ browser }) => {
  // A Guangzhou unit with a criticism whose rectification deadline has passed (the sweep marked it overdue).
  const today = shanghaiDate(new Date());
  const unitId = "gz-e2e-cancel";
  await collections.units(GZ).doc(unitId).set({ name: "珠江整改测试（演示）有限公司", uscc: makeUscc(80_101), status: "criticised", listedOn: "2025-01-15", batch: "第一批" });
  await collections.proceedings(GZ).doc("e2e-overdue").set({
    kind: "criticism",
    unitId,
    ground: "GZ-4.4a.3",
    evidence: [{ description: "季度进度滞后且未说明" }],
    automatic: false,
    openedOn: addDays(today, -40),
    openedBy: { uid: "staff-gz", role: "staff" },
    state: "overdue",
    rectificationDeadline: addDays(today, -1),
    extensions: [],
  });

  const staff = await signIn(browser, "/admin", "staff-gz");
  await staff.page.getByRole("tab", { name: "批评与清退" }).click();
  await staff.page.getByRole("row", { name: /珠江整改测试.*整改逾期，待决定/ }).click();
  const allowed = staff.page.getByTestId("allowed-events");
  await expect(allowed.getByRole("button", { name: "延长整改期限" })).toBeVisible();
  await allowed.getByLabel("取消牵引单位资格的理由").fill("逾期三个月仍未整改，情节严重");
  await allowed.getByRole("button", { name: "取消牵引单位资格" }).click();
  await expect(staff.page.getByText("取消牵引单位资格：已完成")).toBeVisible();
  await expect(staff.page.getByRole("row", { name: /珠江整改测试.*已取消牵引单位资格/ })).toBeVisible();

  const pub = await browser.newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  await pub.getByRole("tab", { name: "清退及取消资格公告" }).click();
  const entry = pub.getByTestId("announcement").filter({ hasText: "珠江整改测试（演示）有限公司" });
  await expect(entry).toContainText("取消牵引单位资格");
  await expect(entry).toContainText("根据试点工作规定（GZ-4.3b）");
  await expect(entry).toContainText(/事实和理由：.*逾期三个月仍未整改，情节严重/);
  await expect(entry).not.toContainText("不得重新申请纳入");
  expect((await collections.units(GZ).doc(unitId).get()).data()?.status).toBe("qualificationCancelled");
  expect((await collections.bans(GZ).doc(makeUscc(80_101)).get()).exists).toBe(false);
  expect((await collections.announcements(GZ).doc("e2e-overdue").get()).data()).toMatchObject({ outcome: "qualificationCancelled", ground: "GZ-4.3b", effectiveOn: today });
  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await staff.context.close();
});

test("GZ-4.4a.0: an issued criticism appears as a 通报 in another unit's portal and on the public page's 通报批评 tab, with its outcome once decided", async ({ browser }) => {
  // Staff open and issue a criticism of 穗链智造 (gz-u01), as the 批评与清退 page does.
  const deps = productionDeps();
  const actor = { uid: "staff-gz", role: "staff" as const };
  const { proceedingId } = await proposeProceeding(deps, { programmeId: GZ, kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.2", evidence: [{ description: "季度绩效报告逾期报送且附件不完整" }], complaintIds: [] }, actor);
  await applyProceedingEvent(deps, { programmeId: GZ, proceedingId, event: { type: "issue" } }, actor);
  const issued = (await collections.proceedings(GZ).doc(proceedingId).get()).data()!;
  const deadline = issued.kind === "criticism" ? issued.rectificationDeadline! : "";
  const inWords = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

  // Another unit of the programme reads it in its portal.
  const other = await signIn(browser, "/portal", "member-gz-02");
  await other.page.getByRole("tab", { name: "通报" }).click();
  const seen = other.page.getByTestId("circular").filter({ hasText: "穗链智造科技（演示）有限公司" });
  await expect(seen).toContainText("资料报送不及时、不完整、不规范（GZ-4.4a.2）");
  await expect(seen).toContainText("季度绩效报告逾期报送且附件不完整");
  await expect(seen).toContainText(inWords(deadline));
  await expect(seen).toContainText("整改中");
  await screenshot(other.page, "artifacts/screenshots/portal-circulars.png", { fullPage: true });

  // The deadline passes; staff continue the rectification with a new deadline (GZ-4.3b).
  await collections.proceedings(GZ).doc(proceedingId).set({ ...issued, rectificationDeadline: addDays(shanghaiDate(new Date()), -1) } as typeof issued);
  await applyProceedingEvent(deps, { programmeId: GZ, proceedingId, event: { type: "markOverdue" } }, actor);
  const extendedTo = addDays(shanghaiDate(new Date()), 20);
  await applyProceedingEvent(deps, { programmeId: GZ, proceedingId, event: { type: "extend", deadline: extendedTo } }, actor);

  // The public reads the 通报 with the outcome added.
  const pub = await browser.newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  await pub.getByRole("tab", { name: "通报批评" }).click();
  const entry = pub.getByTestId("circular").filter({ hasText: "穗链智造科技（演示）有限公司" });
  await expect(entry).toContainText("季度绩效报告逾期报送且附件不完整");
  await expect(entry).toContainText(`继续整改（延期至${inWords(extendedTo)}）`);
  await screenshot(pub, "artifacts/screenshots/public-circulars.png", { fullPage: true });
  // The portal follows live.
  await expect(seen).toContainText(`继续整改（延期至${inWords(extendedTo)}）`);
  expect(other.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await other.context.close();
});

test("GZ-4.6.1: a partner addition with its four uploaded documents is reviewed, noticed (GZ-4.6.3), objected to by the public and the objection decided", async ({ browser }) => {
  const unit = await signIn(browser, "/portal", "member-gz-01");
  await unit.page.getByRole("tab", { name: "变更申请" }).click();
  await unit.page.getByLabel("合作伙伴名称").fill("珠江数联新伙伴（演示）有限公司");
  await unit.page.getByLabel("合作伙伴统一社会信用代码").fill(makeUscc(80_001));
  await unit.page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();

  // Submitting without documents lists what is missing, in Chinese.
  await unit.page.getByRole("button", { name: "提交申请" }).click();
  await expect(unit.page.getByRole("alert").filter({ hasText: "营业执照" })).toBeVisible();

  await unit.page.locator('input[type="file"][aria-label="上传营业执照"]').setInputFiles(pdf("营业执照.pdf"));
  await expect(unit.page.getByText("已上传：营业执照.pdf")).toBeVisible();
  await unit.page.locator('input[type="file"][aria-label="上传法人身份证复印件"]').setInputFiles(pdf("身份证.pdf"));
  await expect(unit.page.getByText("已上传：身份证.pdf")).toBeVisible();
  await unit.page.locator('input[type="file"][aria-label="上传上年度财务审计报告或加盖公章的财务报表"]').setInputFiles(pdf("审计报告.pdf"));
  await expect(unit.page.getByText("已上传：审计报告.pdf")).toBeVisible();
  const queryDate = unit.page.getByPlaceholder("查询日期");
  await queryDate.click();
  await queryDate.fill(shanghaiDate(new Date()));
  await queryDate.press("Tab");
  await unit.page.locator('input[type="file"][aria-label="上传“信用中国”查询报告关键页"]').setInputFiles(pdf("信用报告.pdf"));
  await expect(unit.page.getByText("已上传：信用报告.pdf")).toBeVisible();
  await unit.page.getByRole("button", { name: "提交申请" }).click();
  await expect(unit.page.getByText("已提交，等待工作小组审核。")).toBeVisible();
  await screenshot(unit.page, "artifacts/screenshots/portal-change.png", { fullPage: true });

  // Staff approve it; it joins a notice batch.
  const staff = await signIn(browser, "/admin", "staff-gz");
  // Staff open the application, read its documents against the required list, and approve after
  // a confirmation that says it goes to the batch notice.
  await staff.page.getByRole("row", { name: /穗链智造科技.*新增合作伙伴/ }).getByRole("button", { name: "审阅新增合作伙伴申请" }).click();
  const review = staff.page.getByTestId("change-review");
  await expect(review.getByTestId("change-documents")).toContainText("营业执照");
  await expect(review.getByTestId("change-documents").getByText("缺少")).toHaveCount(0);
  await review.getByRole("button", { name: /^通\s*过$/ }).click();
  await expect(staff.page.getByText("本变更列入下一批", { exact: false })).toBeVisible();
  await staff.page.getByRole("button", { name: "确认通过" }).click();
  await expect(review.getByText("已通过。")).toBeVisible();
  await staff.page.keyboard.press("Escape");
  const change = (await collections.changes(GZ).where("unitId", "==", "gz-u01").get()).docs.map((d) => d.data()).find((c) => c.state === "inNotice" || c.state === "approved")!;
  const notice = (await collections.notices(GZ).doc(change.noticeId!).get()).data()!;
  // The notice cycle opens it on its start date, as the daily job will on that day (a staff member's
  // manual run cannot act as of a day that has not come, issue 16.3).
  await runNoticeCycle({ ...productionDeps(), clock: () => new Date(`${notice.startsOn}T00:15:00+08:00`) }, { programmeId: GZ, asOf: notice.startsOn });

  // The public objects during the notice.
  // A context of its own, as axe requires (and as another person's browser is).
  const pub = await (await browser.newContext()).newPage();
  const pubErrors = watchConsole(pub);
  await pub.goto("/notices?p=gz-2025");
  // It reads as a government 公示: the period in Chinese dates with its length, how to object, the issuing body.
  const card = pub.getByTestId("notice").filter({ hasText: notice.title }).first();
  await expect(card).toContainText(`公示期为${dateWord(notice.startsOn)}至${dateWord(notice.endsOn)}（${notice.length}个${notice.unit === "workingDays" ? "工作日" : "自然日"}）`);
  await expect(card).toContainText("以书面形式实名提出");
  await expect(card).toContainText("广州市中小企业数字化转型城市试点（演示）工作小组");
  await expect(card.getByRole("button", { name: "打印本公示" })).toBeVisible();
  expect(await card.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  const found = await violations(pub, "公示公告/变更公示");
  await pub.getByRole("button", { name: "对本公示提出异议" }).click();
  await pub.getByLabel("姓名或单位名称").fill("某市民");
  await pub.getByLabel("联系方式").fill("13800000000");
  await pub.getByLabel("异议内容").fill("该企业去年曾因拖欠服务费被投诉，请核查。");
  await pub.getByRole("button", { name: "提交异议" }).click();
  await expect(pub.getByText("异议已提交")).toBeVisible();
  await screenshot(pub, "artifacts/screenshots/public-notice-objection.png", { fullPage: true });
  found.push(...(await violations(pub, "公示公告/变更公示（异议已提交）")));
  expect(found).toEqual([]);

  // Staff decide the objection.
  await staff.page.getByRole("tab", { name: "公示" }).click();
  await staff.page.getByRole("button", { name: "异议不成立" }).click();
  await staff.page.getByRole("textbox", { name: "处理意见" }).fill("经核查，相关投诉已于当年办结，异议不成立。");
  await staff.page.getByRole("button", { name: "确 定" }).click();
  await expect(staff.page.getByText("异议不成立：已完成")).toBeVisible();
  await screenshot(staff.page, "artifacts/screenshots/admin-notices.png", { fullPage: true });

  // The one refusal the test provoked on purpose (submitting before the documents) is the only
  // failed request the unit's page may show.
  expect(unit.errors.filter((e) => !/submitChange|status of 400/.test(e))).toEqual([]);
  expect(unit.errors.filter((e) => /^400 POST .*submitChange$/.test(e))).toHaveLength(1);
  expect(staff.errors).toEqual([]);
  expect(pubErrors).toEqual([]);
  await pub.context().close();
  await unit.context.close();
  await staff.context.close();
});

test("DG-14: staff select junk objections, give one reason and confirm a dialog that states the consequence; each is 不予受理 and the rest stay pending", async ({ browser }) => {
  const DG = "dg-2025";
  const noticeId = `junk-notice-${Date.now()}`;
  const title = "东莞合作伙伴变更公示（批量不予受理）";
  const [first, second, third] = await openNoticeWithObjections(DG, noticeId, title, ["刷单甲", "刷单乙", "真实异议人"]);
  const staff = await signIn(browser, "/admin", "staff-dg");
  await staff.page.getByRole("tab", { name: "公示" }).click();
  const card = staff.page.locator(".ant-card").filter({ hasText: title });
  const button = card.getByRole("button", { name: /不予受理（已选/ });
  await expect(button).toBeDisabled();
  await card.getByRole("checkbox", { name: /选择 刷单甲 于/ }).check();
  await card.getByRole("checkbox", { name: /选择 刷单乙 于/ }).check();
  await expect(button).toHaveText(/已选 2 件/);
  await button.click();
  const dialog = staff.page.getByRole("dialog", { name: "批量不予受理" });
  await expect(dialog).toContainText("将对所选 2 件异议作出“不予受理”决定");
  await expect(dialog).toContainText("DG-14");
  await expect(dialog).toContainText("不再阻止本次公示结束");
  // No reason, no confirmation.
  await expect(dialog.getByRole("button", { name: "确认不予受理" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: /不予受理理由/ }).fill("内容为广告，与公示事项无关");
  await dialog.getByRole("button", { name: "确认不予受理" }).click();
  await expect(staff.page.getByText("已对 2 件异议作出不予受理决定")).toBeVisible();
  await expect(card.getByRole("row", { name: /刷单甲/ })).toContainText("不予受理");
  await expect(card.getByRole("row", { name: /刷单乙/ })).toContainText("内容为广告，与公示事项无关");
  await expect(card.getByRole("row", { name: /真实异议人/ })).toContainText("待处理");
  await screenshot(staff.page, "artifacts/screenshots/admin-objections-not-admitted.png", { fullPage: true });

  const states = await Promise.all([first, second, third].map(async (id) => (await collections.objections(DG, noticeId).doc(id!).get()).data()));
  expect(states.map((o) => [o?.state, o?.decision, o?.decidedBy?.uid])).toEqual([
    ["notAdmitted", "内容为广告，与公示事项无关", "staff-dg"],
    ["notAdmitted", "内容为广告，与公示事项无关", "staff-dg"],
    ["pending", undefined, undefined],
  ]);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});


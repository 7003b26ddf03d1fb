// Public objections under hostile input (issue 16, class 4), on the emulators:
// - a client that forges X-Forwarded-For (a different value every request) is still one address:
//   the sixth filing in the hour is refused, and exactly one address counter exists;
// - no counter is written for a notice that does not exist, is not open, has ended, or for a
//   filing refused for any other reason (the counters are written with the filing or not at all);
// - objections are 实名: name and contact are required, stored, and readable by staff only;
// - staff set aside junk in bulk with one reason (不予受理): each objection records reason, who and
//   when, one audit entry each under the notice clause, in one transaction; a replay changes
//   nothing; a batch touching an objection decided otherwise writes nothing; the notice closes
//   once nothing is pending.
import { deleteApp, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, doc, getDoc, getFirestore } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import type { Notice } from "../../functions/src/domain/schemas/index.js";
import { collections } from "../../functions/src/store/collections.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { fileObjection } from "../../functions/src/usecases/fileObjection.js";
import { runNoticeCycle } from "../../functions/src/usecases/runNoticeCycle.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, anonymousCall, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";
import { settledDocuments } from "../support/snapshot.js";
import { functionUrl } from "../support/uploads.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
const OBJECTOR = { name: "李四", contact: "13800000000" };
const today = shanghaiDate(new Date());

/** A notice fixture in `state`, whose window is around today unless given. */
function notice(state: Notice["state"], over: Partial<Notice> = {}): Notice {
  return { title: "伙伴变更公示（测试）", items: [{ changeId: "chg-a", unitName: "穗链智造科技（演示）有限公司", summary: "新增合作伙伴：某某（演示）有限公司" }], startsOn: addDays(today, -1), endsOn: addDays(today, 3), length: 5, unit: "workingDays", state, clause: "GZ-4.6.3", ...over };
}

async function rateLimitDocs() {
  return (await collections.rateLimits().get()).docs.map((d) => ({ id: d.id, count: d.data().count }));
}

/** The callable over plain HTTP, as any client on the internet may send it: its own headers included. */
async function postObjection(data: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(await functionUrl("fileObjection"), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ data }) });
  return { status: res.status, body: (await res.json()) as { result?: { objectionId: string }; error?: { status: string; message: string } } };
}

async function clearRateLimits() {
  const all = await collections.rateLimits().get();
  await Promise.all(all.docs.map((d) => d.ref.delete()));
}

describe("public objections: forged addresses, counters, 实名", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await collections.notices(GZ).doc("n-open").set(notice("open"));
    await collections.notices(GZ).doc("n-two").set(notice("open", { items: [...notice("open").items, { changeId: "chg-b", unitName: "羊城云数（演示）有限公司", summary: "新增目录条目" }] }));
    await collections.notices(GZ).doc("n-scheduled").set(notice("scheduled", { startsOn: addDays(today, 2), endsOn: addDays(today, 9) }));
    await collections.notices(GZ).doc("n-closed").set(notice("closed", { startsOn: addDays(today, -20), endsOn: addDays(today, -10) }));
    await collections.notices(GZ).doc("n-ended").set(notice("open", { startsOn: addDays(today, -20), endsOn: addDays(today, -1) }));
  });
  beforeEach(clearRateLimits);
  afterAll(closeClients);

  it("GZ-4.6.3: a client forging X-Forwarded-For with a new value on every request is still one address: the sixth filing in the hour is refused, one address counter", async () => {
    const forged = ["198.51.100.1", "198.51.100.2, 10.0.0.1", "203.0.113.99", "2001:db8::1", "1.1.1.1, 2.2.2.2, 3.3.3.3", "192.0.2.200"];
    for (let i = 0; i < 5; i++) {
      // Also the headers other platforms vouch for: the Functions runtime here trusts none of them.
      const r = await postObjection({ programmeId: GZ, noticeId: "n-open", ...OBJECTOR, text: `第 ${i + 1} 件异议` }, { "x-forwarded-for": forged[i]!, "x-fah-client-ip": forged[i]!, "fastly-client-ip": forged[i]! });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.result?.objectionId).toBeTruthy();
    }
    const sixth = await postObjection({ programmeId: GZ, noticeId: "n-open", ...OBJECTOR, text: "第 6 件异议" }, { "x-forwarded-for": forged[5]! });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toMatchObject({ status: "RESOURCE_EXHAUSTED", message: "提交过于频繁，请稍后再试：同一网络地址每小时最多提出 5 件异议" });
    const counters = await rateLimitDocs();
    expect(counters.filter((c) => c.id.startsWith("objection-addr-"))).toEqual([{ id: expect.any(String), count: 5 }]);
    expect(counters.filter((c) => c.id.startsWith("objection-notice-"))).toEqual([{ id: `objection-notice-${GZ}-n-open-${today.replace(/-/g, "")}`, count: 5 }]);
    expect((await collections.objections(GZ, "n-open").where("text", "==", "第 6 件异议").get()).size).toBe(0);
  });

  it("GZ-4.6.3: the same holds through the client SDK: a refused filing leaves the counters as they were", async () => {
    for (let i = 0; i < 5; i++) await anonymousCall("fileObjection", { programmeId: GZ, noticeId: "n-open", ...OBJECTOR, text: `SDK 第 ${i + 1} 件` });
    const before = await rateLimitDocs();
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: "n-open", ...OBJECTOR, text: "SDK 第 6 件" })).rejects.toMatchObject({ code: "functions/resource-exhausted" });
    expect(await rateLimitDocs()).toEqual(before);
  });

  it("GZ-4.6.3: no counter, no objection, no audit entry for a notice that does not exist, is scheduled, closed or past its end, for a wrong item, or an unknown programme", async () => {
    const before = await settledDocuments();
    const tries: [Record<string, unknown>, string, string][] = [
      [{ programmeId: GZ, noticeId: "no-such-notice" }, "functions/failed-precondition", "公示尚未开始"],
      [{ programmeId: GZ, noticeId: "n-scheduled" }, "functions/failed-precondition", "公示尚未开始"],
      [{ programmeId: GZ, noticeId: "n-closed" }, "functions/failed-precondition", "公示期已届满"],
      [{ programmeId: GZ, noticeId: "n-ended" }, "functions/failed-precondition", "公示期已届满"],
      [{ programmeId: GZ, noticeId: "n-open", changeId: "not-in-it" }, "functions/invalid-argument", "本次公示不包含该事项"],
      [{ programmeId: GZ, noticeId: "n-two" }, "functions/invalid-argument", "请指明异议针对的事项"],
      [{ programmeId: "no-such-programme", noticeId: "n-open" }, "functions/not-found", "未找到专项"],
    ];
    for (const [target, code, text] of tries) {
      // Many times over: a flood against a closed or imaginary notice costs reads only.
      for (let k = 0; k < 3; k++) await expect(anonymousCall("fileObjection", { ...target, ...OBJECTOR, text: "异议" }), JSON.stringify(target)).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
    }
    expect(await rateLimitDocs()).toEqual([]);
    expect(await settledDocuments()).toEqual(before);
  });

  it("GZ-4.6.3: objections are 实名: without a name or a usable contact the filing is refused naming the field, and nothing is counted", async () => {
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: "n-open", text: "匿名异议" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: "name：异议人姓名或单位名称必须是文字；contact：联系方式必须是文字" });
    await expect(anonymousCall("fileObjection", { programmeId: GZ, noticeId: "n-open", name: "王五", contact: "微信 wangwu", text: "异议" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: "contact：联系方式应为手机号码、固定电话（含区号）或电子邮箱" });
    expect(await rateLimitDocs()).toEqual([]);
  });

  it("GZ-4.6.3: name and contact are stored with the objection, for staff; the public cannot read it", async () => {
    const { objectionId } = await anonymousCall<{ objectionId: string }>("fileObjection", { programmeId: GZ, noticeId: "n-two", changeId: "chg-b", name: " 广州某某科技有限公司 ", contact: "020-8333 1234", text: "该目录条目报价虚高。" });
    expect((await collections.objections(GZ, "n-two").doc(objectionId).get()).data()).toMatchObject({ name: "广州某某科技有限公司", contact: "020-8333 1234", changeId: "chg-b", state: "pending" });
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    expect((await getDoc(doc(staff.db, `programmes/${GZ}/notices/n-two/objections/${objectionId}`))).data()).toMatchObject({ name: "广州某某科技有限公司", contact: "020-8333 1234" });
    const app = initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, "objection-public-reader");
    const publicDb = getFirestore(app);
    const f = hostPort("FIRESTORE_EMULATOR_HOST");
    connectFirestoreEmulator(publicDb, f.host, f.port);
    await expect(getDoc(doc(publicDb, `programmes/${GZ}/notices/n-two/objections/${objectionId}`))).rejects.toMatchObject({ code: "permission-denied" });
    await deleteApp(app);
  });
});

describe("staff set aside junk objections in bulk (不予受理)", () => {
  const NOTICE = "n-junk";
  let ids: string[] = [];
  const deps = productionDeps();
  const audit = async () => (await collections.audit(GZ).where("action", "==", "objection.notAdmitted").get()).docs.map((d) => ({ id: d.id, ...d.data() }));

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await collections.notices(GZ).doc(NOTICE).set(notice("open"));
    // Filed through the use case from distinct addresses (the flood a rotating client could leave before the fix).
    ids = [];
    for (let i = 0; i < 6; i++) ids.push((await fileObjection(deps, { programmeId: GZ, noticeId: NOTICE, ...OBJECTOR, text: `广告 ${i}：加微信领红包` }, { address: `203.0.113.${i + 1}` })).objectionId);
  });
  afterAll(closeClients);

  it("a unit member, and anyone not signed in, cannot set objections aside; nothing is written", async () => {
    const before = await settledDocuments();
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    const ask = { programmeId: GZ, noticeId: NOTICE, objectionIds: ids.slice(0, 1), reason: "广告" };
    await expect(member.call("notAdmitObjections", ask)).rejects.toMatchObject({ code: "functions/permission-denied", message: "只有本专项工作人员可以执行此操作。" });
    await expect(anonymousCall("notAdmitObjections", ask)).rejects.toMatchObject({ code: "functions/unauthenticated" });
    expect(await settledDocuments()).toEqual(before);
  });

  it("GZ-4.6.3: five junk objections are set aside with one reason: each records reason, who and when; one audit entry each under the notice clause; the notice still waits for the sixth", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const reason = "与公示事项无关的广告信息";
    const started = Date.now();
    await expect(staff.call("notAdmitObjections", { programmeId: GZ, noticeId: NOTICE, objectionIds: ids.slice(0, 5), reason })).resolves.toEqual({ notAdmitted: ids.slice(0, 5), alreadyNotAdmitted: [] });
    for (const id of ids.slice(0, 5)) {
      const o = (await collections.objections(GZ, NOTICE).doc(id).get()).data()!;
      expect(o).toMatchObject({ state: "notAdmitted", decision: reason, decidedBy: { uid: "staff-gz", role: "staff" }, name: OBJECTOR.name, contact: OBJECTOR.contact });
      expect(o.decidedAt!.getTime()).toBeGreaterThanOrEqual(started - 5_000);
    }
    expect((await collections.objections(GZ, NOTICE).doc(ids[5]!).get()).data()?.state).toBe("pending");
    const entries = await audit();
    expect(entries.map((e) => e.id).sort()).toEqual(ids.slice(0, 5).map((id) => `objection-${NOTICE}-${id}-notAdmitted`).sort());
    expect(entries.every((e) => e.clause === "GZ-4.6.3" && e.note === reason && e.actor.uid === "staff-gz")).toBe(true);
    // Dismissed junk no longer blocks closing; the one still pending does.
    await expect(staff.call("runNoticeCycle", { programmeId: GZ, asOf: today })).resolves.toEqual({ dryRun: false, asOf: today, outcomes: [] });
    const after = addDays((await collections.notices(GZ).doc(NOTICE).get()).data()!.endsOn, 1);
    await expect(runNoticeCycle({ ...deps, clock: () => new Date(`${after}T00:15:00+08:00`) }, { programmeId: GZ, asOf: after })).resolves.toEqual([{ noticeId: NOTICE, outcome: "refused", code: "OBJECTIONS_PENDING", message: "尚有未处理的异议，不能结束公示：1 件" }]);
  });

  it("the same request again (a retry, a double click, two at once) changes nothing and says so", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await settledDocuments();
    const again = { programmeId: GZ, noticeId: NOTICE, objectionIds: ids.slice(0, 5), reason: "与公示事项无关的广告信息" };
    const results = await Promise.all([staff.call("notAdmitObjections", again), staff.call("notAdmitObjections", again)]);
    expect(results).toEqual([
      { notAdmitted: [], alreadyNotAdmitted: ids.slice(0, 5) },
      { notAdmitted: [], alreadyNotAdmitted: ids.slice(0, 5) },
    ]);
    expect(await settledDocuments()).toEqual(before);
  });

  it("a batch that includes an objection already decided otherwise, or one that does not exist, is refused whole: nothing is written", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    const before = await settledDocuments();
    await expect(staff.call("notAdmitObjections", { programmeId: GZ, noticeId: NOTICE, objectionIds: [ids[5]!, ids[0]!], reason: "另一理由" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: `该事项已由他人处理，请刷新后查看：${ids[0]} 已不予受理` });
    await expect(staff.call("notAdmitObjections", { programmeId: GZ, noticeId: NOTICE, objectionIds: [ids[5]!, "no-such-objection"], reason: "广告" })).rejects.toMatchObject({ code: "functions/not-found", message: "未找到该异议或该异议已处理：no-such-objection" });
    await expect(staff.call("notAdmitObjections", { programmeId: GZ, noticeId: "no-such-notice", objectionIds: [ids[5]!], reason: "广告" })).rejects.toMatchObject({ code: "functions/not-found" });
    await expect(staff.call("decideObjection", { programmeId: GZ, noticeId: NOTICE, objectionId: ids[0]!, upheld: true, decision: "改判" })).rejects.toMatchObject({ message: "该事项已由他人处理，请刷新后查看：该异议已不予受理" });
    expect(await settledDocuments()).toEqual(before);
  });

  it("GZ-4.6.3: once the last one is decided the notice closes after its window", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await staff.call("notAdmitObjections", { programmeId: GZ, noticeId: NOTICE, objectionIds: [ids[5]!], reason: "重复提交" });
    const after = addDays((await collections.notices(GZ).doc(NOTICE).get()).data()!.endsOn, 1);
    const outcomes = await runNoticeCycle({ ...deps, clock: () => new Date(`${after}T00:15:00+08:00`) }, { programmeId: GZ, asOf: after });
    expect(outcomes).toEqual([expect.objectContaining({ noticeId: NOTICE, outcome: "closed" })]);
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

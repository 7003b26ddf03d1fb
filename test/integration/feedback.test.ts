// Complaints and pilot-enterprise ratings feed the partner thresholds (DG-16.2, DG-16.3); rating
// links are one-use, hashed, and work without an account (GZ-3.3).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, anonymousCall, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { auditOf, seedEnterprise, seedPartner } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const DG = "dg-2025";
const GZ = "gz-2025";
type Staff = Awaited<ReturnType<typeof signedInClient>>;
let dgStaff: Staff;
let gzStaff: Staff;

async function proposalsFor(programmeId: string, partnerId: string) {
  const snap = await collections.proceedings(programmeId).where("kind", "==", "partnerRemoval").get();
  return snap.docs.filter((d) => (d.data() as { partnerId?: string }).partnerId === partnerId);
}

async function complaint(partnerId: string, summary: string) {
  const { complaintId } = await dgStaff.call<{ complaintId: string }>("fileComplaint", { programmeId: DG, unitId: "dg-u01", partnerId, receivedOn: "2025-05-06", summary });
  return complaintId;
}

const tokenOf = (link: string) => link.replace(/^\/survey\//, "");

describe("complaints and ratings", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    await seedPartner(DG, "dg-u01", "dg-p1", 201, "莞城软件（演示）有限公司");
    await seedPartner(DG, "dg-u01", "dg-p2", 202, "松湖云控（演示）有限公司");
    await seedPartner(DG, "dg-u01", "dg-p3", 203, "虎门物联（演示）有限公司");
    await seedPartner(GZ, "gz-u01", "gz-p1", 204, "天河数智（演示）有限公司");
    for (let i = 1; i <= 6; i++) await seedEnterprise(DG, "dg-u01", `dg-e${i}`, 300 + i, `东莞试点企业${i}（演示）`);
    await seedEnterprise(GZ, "gz-u01", "gz-e1", 320, "广州试点企业1（演示）");
    dgStaff = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    gzStaff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
  });
  afterAll(closeClients);

  it("DG-16.2: two complaints closed as not effectively resolved propose the partner's removal once; a third adds no second proposal", async () => {
    const c1 = await complaint("dg-p1", "上线延误三个月，未按合同交付");
    const c2 = await complaint("dg-p1", "售后无人响应");
    const c3 = await complaint("dg-p1", "数据迁移丢失订单");
    const resolved = await complaint("dg-p1", "培训安排不合理");

    await dgStaff.call("closeComplaint", { programmeId: DG, complaintId: resolved, effectivelyResolved: true, resolution: "已重新安排培训，企业认可" });
    await dgStaff.call("closeComplaint", { programmeId: DG, complaintId: c1, effectivelyResolved: false, resolution: "协调后仍未交付" });
    expect(await proposalsFor(DG, "dg-p1")).toHaveLength(0);

    const second = await dgStaff.call<{ proposals: string[] }>("closeComplaint", { programmeId: DG, complaintId: c2, effectivelyResolved: false, resolution: "企业仍不满意" });
    expect(second.proposals).toHaveLength(1);
    const third = await dgStaff.call<{ proposals: string[] }>("closeComplaint", { programmeId: DG, complaintId: c3, effectivelyResolved: false, resolution: "未解决" });
    expect(third.proposals).toHaveLength(0);

    const proposals = await proposalsFor(DG, "dg-p1");
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.data()).toMatchObject({ kind: "partnerRemoval", ground: "DG-16.2", state: "proposed", automatic: true, unitId: "dg-u01", partnerId: "dg-p1" });
    expect(JSON.stringify(proposals[0]!.data().evidence)).toContain(c1);

    const stats = (await collections.partnerStats(DG).doc("dg-p1").get()).data();
    expect(stats?.unresolvedComplaintIds).toEqual([c1, c2, c3]);
    const audit = await auditOf(DG, proposals[0]!.ref.path);
    expect(audit).toEqual([expect.objectContaining({ action: "proceeding.proposed", clause: "DG-16.2", actor: expect.objectContaining({ role: "system" }) })]);
    const closedAudit = await auditOf(DG, `programmes/${DG}/complaints/${c2}`);
    expect(closedAudit.map((a) => a.action).sort()).toEqual(["complaint.closed", "complaint.filed"]);
    expect(closedAudit.every((a) => a.clause === "DG-16.2")).toBe(true);
  });

  it("DG-16.2: closing the same complaint again is refused as already decided and counts nothing", async () => {
    const c = await complaint("dg-p3", "响应慢");
    await dgStaff.call("closeComplaint", { programmeId: DG, complaintId: c, effectivelyResolved: false, resolution: "未解决" });
    await expect(dgStaff.call("closeComplaint", { programmeId: DG, complaintId: c, effectivelyResolved: false, resolution: "未解决" })).rejects.toMatchObject({
      code: "functions/failed-precondition",
      message: expect.stringContaining("该事项已由他人处理"),
    });
    expect((await collections.partnerStats(DG).doc("dg-p3").get()).data()?.unresolvedComplaintIds).toEqual([c]);
    expect(await proposalsFor(DG, "dg-p3")).toHaveLength(0);
  });

  it("GZ-4.4a.1: a Guangzhou complaint is recorded under GZ-4.4a.1 and can ground a criticism that cites it", async () => {
    const { complaintId } = await gzStaff.call<{ complaintId: string }>("fileComplaint", { programmeId: GZ, unitId: "gz-u01", partnerId: "gz-p1", enterpriseId: "gz-e1", receivedOn: "2025-05-06", summary: "诊断报告敷衍，企业投诉" });
    await gzStaff.call("closeComplaint", { programmeId: GZ, complaintId, effectivelyResolved: false, resolution: "未解决" });
    expect((await auditOf(GZ, `programmes/${GZ}/complaints/${complaintId}`)).every((a) => a.clause === "GZ-4.4a.1")).toBe(true);
    // Guangzhou has no partner-removal clause: nothing is proposed against the partner.
    expect(await proposalsFor(GZ, "gz-p1")).toHaveLength(0);
    await expect(gzStaff.call("openProceeding", { programmeId: GZ, kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.1", evidence: [{ description: "试点企业投诉未解决" }] })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("关联") });
    const opened = await gzStaff.call<{ proceedingId: string; allowedEvents: string[] }>("openProceeding", { programmeId: GZ, kind: "criticism", unitId: "gz-u01", ground: "GZ-4.4a.1", evidence: [{ description: "试点企业投诉未解决" }], complaintIds: [complaintId] });
    expect(opened.allowedEvents.sort()).toEqual(["dismiss", "issue"]);
  });

  it("GZ-3.3: a rating link is 256 random bits, stored only as its SHA-256, and shows the anonymous rater the unit and its partners", async () => {
    const { link, expiresOn } = await gzStaff.call<{ link: string; expiresOn: string }>("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-e1", periodId: "2025-Q2" });
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hash = createHash("sha256").update(token).digest("hex");
    const stored = await collections.surveyTokens(GZ).get();
    expect(stored.docs.map((d) => d.id)).toEqual([hash]);
    expect(JSON.stringify(stored.docs[0]!.data())).not.toContain(token);

    const survey = await anonymousCall<Record<string, unknown>>("getSurvey", { token });
    expect(survey).toMatchObject({ state: "valid", periodId: "2025-Q2", expiresOn, unit: { name: "穗链智造科技（演示）有限公司" }, enterprise: { name: "广州试点企业1（演示）" }, partners: [{ id: "gz-p1", name: "天河数智（演示）有限公司" }] });

    await expect(anonymousCall("submitRating", { token, ratings: [{ value: "satisfied" }, { partnerId: "gz-p1", value: "basicallySatisfied", comment: "响应较快" }] })).resolves.toEqual({ rated: 2, proposals: 0 });
    const ratings = (await collections.ratings(GZ).get()).docs.map((d) => d.data());
    expect(ratings).toHaveLength(2);
    expect(ratings).toContainEqual(expect.objectContaining({ enterpriseId: "gz-e1", unitId: "gz-u01", value: "satisfied", periodId: "2025-Q2", tokenId: hash }));
    const audit = await auditOf(GZ, `programmes/${GZ}/surveyTokens/${hash}`);
    expect(audit.map((a) => [a.action, a.clause])).toEqual(expect.arrayContaining([["survey.issued", "GZ-3.3"], ["survey.rated", "GZ-3.3"]]));
  });

  it("GZ-3.3: a rating link works once — the second use is refused in Chinese and the page says it was used", async () => {
    const { link } = await dgStaff.call<{ link: string }>("issueSurveyLink", { programmeId: DG, enterpriseId: "dg-e6", periodId: "2025" });
    const token = tokenOf(link);
    await anonymousCall("submitRating", { token, ratings: [{ value: "satisfied" }] });
    await expect(anonymousCall("submitRating", { token, ratings: [{ value: "dissatisfied" }] })).rejects.toMatchObject({ code: "functions/failed-precondition", message: "该评价链接已使用，每个链接只能评价一次" });
    await expect(anonymousCall("getSurvey", { token })).resolves.toEqual({ state: "used", message: "该评价链接已使用，每个链接只能评价一次。" });
    await expect(anonymousCall("getSurvey", { token: "x".repeat(43) })).resolves.toEqual({ state: "invalid", message: "该评价链接无效，请核对链接是否完整。" });
    const ratings = (await collections.ratings(DG).where("enterpriseId", "==", "dg-e6").get()).docs.map((d) => d.data().value);
    expect(ratings).toEqual(["satisfied"]);
  });

  it("GZ-3.3: an expired link shows its state and refuses a rating", async () => {
    const { link } = await dgStaff.call<{ link: string }>("issueSurveyLink", { programmeId: DG, enterpriseId: "dg-e5", periodId: "2025" });
    const token = tokenOf(link);
    const ref = collections.surveyTokens(DG).doc(createHash("sha256").update(token).digest("hex"));
    const stored = (await ref.get()).data()!;
    await ref.set({ ...stored, expiresOn: "2025-01-31" });
    await expect(anonymousCall("getSurvey", { token })).resolves.toMatchObject({ state: "expired", message: expect.stringContaining("已过期") });
    await expect(anonymousCall("submitRating", { token, ratings: [{ value: "satisfied" }] })).rejects.toMatchObject({ message: expect.stringContaining("已过期") });
  });

  it("DG-16.3: two 'dissatisfied' ratings of a partner by pilot enterprises propose its removal (once)", async () => {
    const rate = async (enterpriseId: string, value: string) => {
      const { link } = await dgStaff.call<{ link: string }>("issueSurveyLink", { programmeId: DG, enterpriseId, periodId: "2025" });
      return anonymousCall<{ proposals: number }>("submitRating", { token: tokenOf(link), ratings: [{ value: "basicallySatisfied" }, { partnerId: "dg-p2", value }] });
    };
    expect(await rate("dg-e1", "dissatisfied")).toMatchObject({ proposals: 0 });
    expect(await rate("dg-e2", "satisfied")).toMatchObject({ proposals: 0 });
    expect(await rate("dg-e3", "dissatisfied")).toMatchObject({ proposals: 1 });
    expect(await rate("dg-e4", "dissatisfied")).toMatchObject({ proposals: 0 });
    const proposals = await proposalsFor(DG, "dg-p2");
    expect(proposals.map((p) => p.data())).toEqual([expect.objectContaining({ ground: "DG-16.3", state: "proposed", automatic: true })]);
    expect((await collections.partnerStats(DG).doc("dg-p2").get()).data()?.dissatisfiedRatingIds).toHaveLength(3);
  });

  it("DG-16.3: a rating of a partner the link does not cover is refused and the link stays usable", async () => {
    const { link } = await gzStaff.call<{ link: string }>("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-e1", periodId: "2025-Q3" });
    const token = tokenOf(link);
    await expect(anonymousCall("submitRating", { token, ratings: [{ partnerId: "dg-p2", value: "dissatisfied" }] })).rejects.toMatchObject({ message: expect.stringContaining("不属于该评价链接") });
    await expect(anonymousCall("getSurvey", { token })).resolves.toMatchObject({ state: "valid" });
  });

  it("GZ-1.3: a pilot enterprise's rating link is tied to the unit that serves it; an unknown enterprise gets no link", async () => {
    await seedEnterprise(GZ, "gz-u02", "gz-e2", 321, "广州试点企业2（演示）");
    const { link } = await gzStaff.call<{ link: string }>("issueSurveyLink", { programmeId: GZ, enterpriseId: "gz-e2", periodId: "2025-Q2" });
    await expect(anonymousCall("getSurvey", { token: tokenOf(link) })).resolves.toMatchObject({ state: "valid", unit: { name: "羊城云数信息（演示）有限公司" }, partners: [] });
    await expect(gzStaff.call("issueSurveyLink", { programmeId: GZ, enterpriseId: "nobody", periodId: "2025-Q2" })).rejects.toMatchObject({ code: "functions/not-found" });
  });

  it("DG-3: a Dongguan pilot enterprise's rating is stored against the unit on its record", async () => {
    await seedEnterprise(DG, "dg-u01", "dg-e9", 309, "东莞试点企业9（演示）");
    const { link } = await dgStaff.call<{ link: string }>("issueSurveyLink", { programmeId: DG, enterpriseId: "dg-e9", periodId: "2025" });
    await anonymousCall("submitRating", { token: tokenOf(link), ratings: [{ value: "basicallySatisfied" }] });
    const rows = (await collections.ratings(DG).where("enterpriseId", "==", "dg-e9").get()).docs.map((d) => d.data());
    expect(rows).toEqual([expect.objectContaining({ unitId: "dg-u01", value: "basicallySatisfied", periodId: "2025" })]);
  });

  it("only staff issue links and record complaints; bad input is refused naming the field", async () => {
    const member = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
    await expect(member.call("issueSurveyLink", { programmeId: DG, enterpriseId: "dg-e1", periodId: "2025" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    await expect(anonymousCall("fileComplaint", { programmeId: DG, unitId: "dg-u01", receivedOn: "2025-05-06", summary: "x" })).rejects.toMatchObject({ code: "functions/unauthenticated" });
    await expect(dgStaff.call("closeComplaint", { programmeId: DG, complaintId: "c", resolution: "" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringMatching(/effectivelyResolved：是否有效解决必须是是\/否.*resolution：处理结果不能为空/) });
    await expect(anonymousCall("submitRating", { token: "short", ratings: [] })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("评价链接无效") });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

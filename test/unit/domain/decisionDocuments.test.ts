// What each decision document (决定文书) states, from the facts: the regulation's wording of the
// ground, the facts, the clause, the calculation and the deadline counted in working days.
import { describe, expect, it } from "vitest";
import {
  changeLines,
  changeReview,
  listSubjectId,
  parseListSubjectId,
  publicNotice,
  publishedList,
  clearOutAnnouncement,
  clearOutDecision,
  criticismNotice,
  deadlineSentence,
  evaluationResult,
  overdueDecision,
  verificationSeed,
  verificationUrl,
  type DecisionDocumentContent,
} from "../../../functions/src/domain/decisionDocuments.js";
import { dateWord, nouns } from "../../../functions/src/domain/words.js";
import { calendar, dg, gz } from "./fixtures.js";

const issuing = { programmeName: "广州市中小企业数字化转型城市试点", pack: gz };
/** Every line of the document as text, in order (what a reader of the PDF sees, without layout). */
function documentLines(c: DecisionDocumentContent): string[] {
  const body = c.blocks.flatMap((b): string[] => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return [b.text];
      case "list":
        return b.items.map((item, i) => `${i + 1}. ${item}`);
      case "scores":
        return [...b.rows.flatMap((r) => [`${r.label}（权重 ${r.weight}）：${r.score} 分`, `计分说明：${r.explanation}`]), `${nouns.total}：${b.total} 分`];
    }
  });
  return [c.title, ...(c.addressee ? [c.addressee] : []), ...body, c.issuer, dateWord(c.issuedOn)];
}

const text = (c: Parameters<typeof documentLines>[0]) => documentLines(c).join("\n");

describe("decision documents", () => {
  it("GZ-4.4a.2: the 通报批评及限期整改通知 states the ground in the regulation's words, the facts, the circulation clause and the deadline in working days", () => {
    const deadline = calendar.addWorkingDays("2026-11-02", 20);
    const c = criticismNotice({
      ...issuing,
      unitId: "u1",
      unitName: "广州示例科技有限公司",
      ground: "GZ-4.4a.2",
      facts: ["2026年第三季度报告逾期 5 个工作日报送"],
      issuedOn: "2026-11-02",
      rectificationDeadline: deadline,
      workingDays: calendar.workingDaysBetween("2026-11-02", deadline),
      circulationClause: gz.clauses.circulation,
    });
    const all = text(c);
    expect(c.title).toBe("通报批评及限期整改通知");
    expect(all).toContain("广州示例科技有限公司：");
    expect(all).toContain("GZ-4.4a.2（资料报送不及时、不完整、不规范）");
    expect(all).toContain("2026年第三季度报告逾期 5 个工作日报送");
    expect(all).toContain(`自2026年11月2日起20个工作日内（即${deadline.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日")}前）`);
    expect(all).toContain("GZ-4.4a.0");
    expect(all).toContain(`${gz.name}`);
    expect(all).toContain("广州市中小企业数字化转型城市试点工作小组");
    expect(c.clauses[0]).toBe("GZ-4.4a.2");
    expect(c.issuedOn).toBe("2026-11-02");
  });

  it("GZ-4.3b: a criticism notice warns that an unfinished rectification leads to continued rectification or cancellation", () => {
    const c = criticismNotice({ ...issuing, unitId: "u1", unitName: "甲", ground: "GZ-4.4a.5", facts: [], issuedOn: "2026-11-02", rectificationDeadline: "2026-11-30", workingDays: undefined, circulationClause: null });
    const all = text(c);
    expect(all).toContain("GZ-4.3b");
    expect(all).toContain("继续整改或取消牵引单位资格");
    // No working-day count where the calendar cannot give one: the date alone.
    expect(deadlineSentence("2026-11-02", "2026-11-30", undefined)).toBe("2026年11月30日前");
    expect(all).toContain("（未载明具体事实）");
  });

  it("GZ-3.3: the 绩效评价结果告知书 shows every dimension's score with its explanation, the total, the band and the approval (GZ-3.4.2)", () => {
    const c = evaluationResult({
      ...issuing,
      unitId: "u1",
      unitName: "广州示例科技有限公司",
      periodId: "2026-Q3",
      dimensions: [
        { label: "完成改造试点企业数量", weight: 30, score: 24, explanation: "完成 8 家，按序时目标 10 家计 80%" },
        { label: "试点企业满意度", weight: 20, score: 18.5, explanation: "问卷 12 份，满意 11 份" },
      ],
      total: 42.5,
      band: "不合格",
      passed: false,
      rank: 3,
      reporting: "late",
      approvedOn: "2026-11-27",
    });
    const all = text(c);
    expect(all).toContain("2026年第三季度");
    expect(all).toContain("完成改造试点企业数量（权重 30）：24 分");
    expect(all).toContain("计分说明：完成 8 家，按序时目标 10 家计 80%");
    expect(all).toContain("试点企业满意度（权重 20）：18.5 分");
    expect(all).toContain("总分42.5分，等级“不合格”，评价结果：不达标");
    expect(all).toContain("2026年11月27日审定");
    expect(all).toContain("GZ-4.4b.3（累计两次绩效评价不达标）");
    expect(c.clauses).toEqual([gz.clauses.evaluation, gz.clauses.evaluationApproval]);
    expect(c.issuedOn).toBe("2026-11-27");
  });

  it("GZ-4.4b.9: the 清退决定 names the ground, the facts, the bureau meeting that confirmed it and that the unit may not re-apply", () => {
    const c = clearOutDecision({ ...issuing, unitId: "u1", unitName: "甲公司", uscc: "91440101MA59XXXX0X", ground: "GZ-4.4b.5", facts: ["申报材料中的合同系伪造"], bureauMeeting: { heldOn: "2026-12-01", decision: "confirmed" }, effectiveOn: "2026-12-03" });
    const all = text(c);
    expect(all).toContain("GZ-4.4b.5（伪造资料、弄虚作假）");
    expect(all).toContain("申报材料中的合同系伪造");
    expect(all).toContain("2026年12月1日，局务会审议确认");
    expect(all).toContain("自2026年12月3日起对你单位予以清退，不得重新申请纳入");
    expect(all).toContain("GZ-4.5");
    expect(c.clauses).toEqual(["GZ-4.4b.5", "GZ-4.4b.9"]);
  });

  it("DG-10: a Dongguan clear-out without a bureau meeting says none was needed and cites Dongguan's own clauses", () => {
    const c = clearOutDecision({ programmeName: "东莞试点", pack: dg, unitId: "u1", unitName: "乙公司", uscc: "91441900MA5XXXXX0X", ground: dg.clearOut.grounds[0]!, facts: ["自行要求退出"], effectiveOn: "2026-12-03" });
    const all = text(c);
    expect(all).toContain("本清退无须经局务会审议");
    expect(all).toContain(dg.name);
    expect(all).toContain(dg.clearOut.announcementClause);
    expect(all).not.toContain("GZ-");
    expect(all).toContain(`东莞试点${dg.workGroupName}`);
  });

  it("GZ-4.3b: the 整改逾期处理决定 states the missed deadline and the decision — continue with a new deadline, or cancel with the reason", () => {
    const base = { ...issuing, unitId: "u1", unitName: "甲公司", ground: "GZ-4.4a.1", issuedOn: "2026-10-09", missedDeadline: "2026-11-06" };
    const ext = text(overdueDecision({ ...base, outcome: { kind: "extended", decidedOn: "2026-11-10", deadline: "2026-11-24", workingDays: 10 } }));
    expect(ext).toContain("责令于2026年11月6日前完成整改");
    expect(ext).toContain("未在规定时间内完成整改");
    expect(ext).toContain("继续整改");
    expect(ext).toContain("自2026年11月10日起10个工作日内（即2026年11月24日前）");
    const cancel = overdueDecision({ ...base, outcome: { kind: "qualificationCancelled", decidedOn: "2026-11-10", reason: "整改报告两次退回仍未补正" } });
    expect(text(cancel)).toContain("取消你单位牵引单位资格。理由：整改报告两次退回仍未补正");
    expect(cancel.clauses[0]).toBe("GZ-4.3b");
    expect(cancel.issuedOn).toBe("2026-11-10");
  });

  it("GZ-4.5: the 清退公告 names the unit, its credit code, the reason and that it may not re-apply; it has no addressee", () => {
    const c = clearOutAnnouncement({ ...issuing, unitId: "u1", outcome: "clearOut", unitName: "甲公司", uscc: "91440101MA59XXXX0X", ground: "GZ-4.4b.2", reason: "未按规定参加绩效评价", effectiveOn: "2026-12-03" });
    const all = text(c);
    expect(c.title).toBe("清退公告");
    expect(c.addressee).toBeUndefined();
    expect(all).toContain("统一社会信用代码：91440101MA59XXXX0X");
    expect(all).toContain("原因：未按规定参加绩效评价");
    expect(all).toContain("予以清退，不得重新申请纳入");
    expect(c.clauses[0]).toBe("GZ-4.5");
    const cancelled = clearOutAnnouncement({ ...issuing, unitId: "u1", outcome: "qualificationCancelled", unitName: "甲公司", uscc: "91440101MA59XXXX0X", ground: "GZ-4.3b", reason: "逾期未整改", effectiveOn: "2026-12-03" });
    expect(cancelled.title).toBe("取消牵引单位资格公告");
  });

  it("GZ-4.6.2: the 变更审核意见 states the unit, what changes before → after, the documents approved with their versions, the decision and the notice that follows (GZ-4.6.3)", () => {
    const c = changeReview({
      ...issuing,
      unitId: "u1",
      unitName: "广州示例科技有限公司",
      changeType: "partnerAdd",
      submittedOn: "2026-11-02",
      lines: changeLines({ type: "partnerAdd", name: "广州生态伙伴有限公司", uscc: "91440101MA59XXXX0X" }),
      documents: [{ name: "营业执照《执照.pdf》", version: 2 }],
      decision: "approve",
      reasons: "材料齐全",
      decidedOn: "2026-11-05",
      clause: "GZ-4.6.2",
      notice: { title: "牵引单位产业生态联合体新增企业名单公示（2026年11月9日）", startsOn: "2026-11-09", endsOn: "2026-11-13", length: 5, unit: "workingDays", clause: "GZ-4.6.3" },
    });
    const all = text(c);
    expect(c.title).toBe("变更审核意见");
    expect(all).toContain("广州示例科技有限公司：");
    expect(all).toContain("于2026年11月2日依据《" + gz.name + "》GZ-4.6.1提交的新增合作伙伴申请");
    expect(all).toContain("依据《" + gz.name + "》GZ-4.6.2审核");
    expect(all).toContain("产业生态合作伙伴：（无） → 广州生态伙伴有限公司（统一社会信用代码：91440101MA59XXXX0X）");
    expect(all).toContain("营业执照《执照.pdf》（第2版）");
    expect(all).toContain("审核结论：通过。理由：材料齐全");
    expect(all).toContain("公示期自2026年11月9日至2026年11月13日（5个工作日）");
    expect(c.clauses).toEqual(["GZ-4.6.2", "GZ-4.6.3"]);
    expect(c.issuedOn).toBe("2026-11-05");
    expect(c.unitId).toBe("u1");
  });

  it("DG-13: a returned unit change states each field before → after, the reasons and that the unit resubmits; no documents were approved", () => {
    const c = changeReview({
      programmeName: "东莞试点",
      pack: dg,
      unitId: "u2",
      unitName: "东莞示例有限公司",
      changeType: "unitInfo",
      lines: changeLines({ type: "unitInfo", changes: [{ field: "name", from: "东莞旧名有限公司", to: "东莞示例有限公司" }, { field: "address", to: "东莞市南城街道1号" }], effectiveOn: "2026-11-01" }),
      documents: [],
      decision: "return",
      reasons: "营业执照复印件未加盖公章",
      decidedOn: "2026-11-05",
      clause: "DG-13",
    });
    const all = text(c);
    expect(all).toContain("名称：东莞旧名有限公司 → 东莞示例有限公司");
    expect(all).toContain("住所：（未填写） → 东莞市南城街道1号");
    expect(all).toContain("审核结论：退回补正。理由：营业执照复印件未加盖公章");
    expect(all).toContain("（本次审核未通过任何材料）");
    expect(all).toContain("补正后重新提交");
    expect(all).not.toContain("GZ-");
    expect(c.clauses).toEqual(["DG-13"]);
  });

  it("DG-14: the 公示 states the issuing body, every item, the 5-day period from–to and how to object before it ends", () => {
    const c = publicNotice({
      programmeName: "东莞试点",
      pack: dg,
      title: "合作伙伴、产品和服务目录变更公示（2026年11月9日）",
      items: [
        { unitName: "东莞示例有限公司", summary: "新增产业生态合作伙伴：东莞伙伴有限公司（91441900MA5XXXXX0X）" },
        { unitName: "东莞乙公司", summary: "新增产品和服务目录条目：云MES", outcome: "withdrawn" },
      ],
      startsOn: "2026-11-09",
      endsOn: "2026-11-13",
      length: 5,
      unit: "calendarDays",
      clause: "DG-14",
      objectionUrl: "https://example.web.app/notices?p=dg-2025",
    });
    const all = text(c);
    expect(c.title).toBe("合作伙伴、产品和服务目录变更公示（2026年11月9日）");
    expect(c.addressee).toBeUndefined();
    expect(c.unitId).toBeUndefined();
    expect(all).toContain("东莞示例有限公司：新增产业生态合作伙伴：东莞伙伴有限公司（91441900MA5XXXXX0X）");
    expect(all).toContain("云MES（已撤回）");
    expect(all).toContain("自2026年11月9日至2026年11月13日，共5个自然日");
    expect(all).toContain("请于2026年11月13日前在https://example.web.app/notices?p=dg-2025实名提出");
    expect(all).toContain("公示期满无异议的，工作专班发布变更后的名单");
    expect(all).toContain(`东莞试点${dg.workGroupName}`);
    expect(c.clauses).toEqual(["DG-14"]);
    expect(c.issuedOn).toBe("2026-11-09");
  });

  it("GZ-4.6.3: the 名单 names the list, its version, the publication date, the notice it followed and every entry", () => {
    const v = {
      version: 3,
      publishedOn: "2026-11-16",
      publishedAt: new Date("2026-11-16T02:00:00Z"),
      clause: "GZ-4.6.3",
      noticeId: "n1",
      changeIds: ["c1"],
      entries: [
        { partnerId: "p1", unitId: "u1", unitName: "广州示例科技有限公司", name: "广州生态伙伴有限公司", uscc: "91440101MA59XXXX0X" },
        { partnerId: "p2", unitId: "u1", unitName: "广州示例科技有限公司", name: "广州另一伙伴有限公司", uscc: "91440101MA59YYYY0Y" },
      ],
    };
    const c = publishedList({ ...issuing, list: "partners", version: v, noticeTitle: "牵引单位产业生态联合体新增企业名单公示（2026年11月9日）" });
    const all = text(c);
    expect(c.title).toBe("合作伙伴名单（第3版）");
    expect(all).toContain("于2026年11月16日发布合作伙伴名单第3版");
    expect(all).toContain("GZ-4.6.3");
    expect(all).toContain("经“牵引单位产业生态联合体新增企业名单公示（2026年11月9日）”公示无异议后发布");
    expect(all).toContain("合作伙伴名单（共2项）");
    expect(all).toContain("1. 广州示例科技有限公司 — 广州生态伙伴有限公司（统一社会信用代码：91440101MA59XXXX0X）");
    expect(all).toContain("2. 广州示例科技有限公司 — 广州另一伙伴有限公司");
    expect(c.issuedOn).toBe("2026-11-16");
    expect(listSubjectId("catalogue", 2)).toBe("catalogue.2");
    expect(parseListSubjectId("unitChanges.12")).toEqual({ list: "unitChanges", version: 12 });
    expect(parseListSubjectId("partners.0")).toBeUndefined();
    expect(parseListSubjectId("units.1")).toBeUndefined();
  });

  it("GZ-4.7: catalogue and partner-removal changes read before → after from the unit's own filing", () => {
    expect(changeLines({ type: "catalogue", action: "modify", name: "云MES", category: "软件", priceMin: 1000, priceMax: 5000 })).toEqual([{ item: "产品和服务目录（修改）", before: "现行目录所列“云MES”", after: "云MES（软件，价格1000至5000元）" }]);
    expect(changeLines({ type: "catalogue", action: "remove", name: "云MES" })[0]).toMatchObject({ before: "云MES", after: "下架" });
    expect(changeLines({ type: "partnerRemove", partnerId: "p1", reason: "合作到期" }, "广州生态伙伴有限公司")).toEqual([{ item: "产业生态合作伙伴", before: "广州生态伙伴有限公司", after: "取消合作（原因：合作到期）" }]);
  });

  it("the same facts give the same content and verification seed; different facts a different seed", () => {
    const facts = { ...issuing, unitId: "u1", unitName: "甲", uscc: "91440101MA59XXXX0X", ground: "GZ-4.4b.5", facts: ["伪造"], effectiveOn: "2026-12-03" };
    expect(verificationSeed("p", "s", clearOutDecision(facts))).toBe(verificationSeed("p", "s", clearOutDecision({ ...facts })));
    expect(verificationSeed("p", "s", clearOutDecision(facts))).not.toBe(verificationSeed("p", "s", clearOutDecision({ ...facts, facts: ["伪造合同"] })));
    expect(verificationUrl("https://example.web.app/", "abc")).toBe("https://example.web.app/verify?d=abc");
  });
});

describe("which decision documents a proceeding calls for", () => {
  it("GZ-4.4a / GZ-4.3b / GZ-4.4b / GZ-4.5: a document only once its decision is made", async () => {
    const { proceedingDecisionDocuments: of } = await import("../../../functions/src/domain/decisionDocuments.js");
    expect(of({ kind: "criticism", state: "proposed" })).toEqual([]);
    expect(of({ kind: "criticism", state: "issued", extensions: [] })).toEqual(["criticismNotice"]);
    expect(of({ kind: "criticism", state: "issued", extensions: ["2026-12-01"] })).toEqual(["criticismNotice", "overdueDecision"]);
    expect(of({ kind: "criticism", state: "qualificationCancelled", extensions: [] })).toEqual(["criticismNotice", "overdueDecision", "clearOutAnnouncement"]);
    expect(of({ kind: "clearOut", state: "confirmed" })).toEqual([]);
    expect(of({ kind: "clearOut", state: "announced" })).toEqual(["clearOutDecision", "clearOutAnnouncement"]);
    expect(of({ kind: "partnerRemoval", state: "removed" })).toEqual([]);
  });
});

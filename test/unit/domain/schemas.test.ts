import { describe, expect, it } from "vitest";
import {
  auditEntrySchema,
  awardSchema,
  catalogueItemSchema,
  changeApplicationSchema,
  complaintSchema,
  documentMetaSchema,
  pilotEnterpriseSchema,
  reviewChangeRequestSchema,
  taskBookSchema,
  unitSchema,
} from "../../../functions/src/domain/schemas/index.js";
import { makeUscc } from "../../../functions/src/domain/uscc.js";

function messages(r: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return (r.error?.issues ?? []).map((i) => i.message).join("；");
}

const uscc = makeUscc(7);

describe("document schemas", () => {
  it("GZ-1.2: a unit needs a valid USCC, a known status, its listed date and batch", () => {
    const ok = unitSchema.safeParse({ name: "甲公司", uscc, status: "listed", listedOn: "2025-01-10", batch: "第一批" });
    expect(ok.success).toBe(true);
    const bad = unitSchema.safeParse({ name: "甲公司", uscc: "91350100M000100Y44", status: "active", listedOn: "2025-13-01" });
    expect(bad.success).toBe(false);
    const text = messages(bad);
    expect(text).toContain("统一社会信用代码");
    expect(text).toContain("单位状态");
    expect(text).toContain("纳入名单日期");
    expect(text).toContain("批次");
  });

  it("DG-2: the same unit registry (statuses incl. cleared out and withdrawn) serves Dongguan", () => {
    for (const status of ["clearedOut", "withdrawn", "rectifying"]) {
      expect(unitSchema.safeParse({ name: "乙公司", uscc, status, listedOn: "2025-03-01", batch: "第二批" }).success).toBe(true);
    }
  });

  it("GZ-1.3: a pilot enterprise is served by a unit", () => {
    const r = pilotEnterpriseSchema.safeParse({ name: "试点企业", uscc: makeUscc(8) });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain("服务的牵引单位编号");
  });

  it("DG-3: a pilot enterprise record carries its serving unit and contract", () => {
    const r = pilotEnterpriseSchema.safeParse({ name: "试点企业", uscc: makeUscc(8), servedBy: "u1", contractSignedOn: "2025-04-01" });
    expect(r.success).toBe(true);
  });

  it("GZ-2.2.4: a diagnosed enterprise must have the diagnosis date and report file", () => {
    const r = pilotEnterpriseSchema.safeParse({ name: "试点企业", uscc: makeUscc(8), servedBy: "u1", diagnosisDone: true });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain("诊断报告");
    const ok = pilotEnterpriseSchema.safeParse({
      name: "试点企业", uscc: makeUscc(8), servedBy: "u1", diagnosisDone: true, diagnosisOn: "2025-05-06", diagnosisReportId: "d1",
    });
    expect(ok.success).toBe(true);
  });

  it("DG-6.3: the diagnosis report requirement applies to Dongguan enterprises too (levels 1–4 only)", () => {
    const r = pilotEnterpriseSchema.safeParse({ name: "试点企业", uscc: makeUscc(9), servedBy: "u1", levelBefore: 0, levelAfter: 5 });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain("应为 1–4 级");
  });

  it("GZ-2.2.12: an acceptance verdict needs its date", () => {
    const r = pilotEnterpriseSchema.safeParse({ name: "试点企业", uscc: makeUscc(8), servedBy: "u1", acceptance: "failed" });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain("验收日期");
  });

  it("DG-6.2: a catalogue item has a category, a price range with min ≤ max and a partner", () => {
    const base = { unitId: "u1", name: "设备联网套件", category: "生产管控", priceMin: 5000, priceMax: 20000, partnerId: "p1", status: "pending" };
    expect(catalogueItemSchema.safeParse(base).success).toBe(true);
    const r = catalogueItemSchema.safeParse({ ...base, priceMin: 30000 });
    expect(messages(r)).toContain("最低价格不能高于最高价格");
  });

  it("DG-5.3: catalogue items carry an approval status", () => {
    const r = catalogueItemSchema.safeParse({ unitId: "u1", name: "x", category: "c", priceMin: 0, priceMax: 1, status: "live" });
    expect(messages(r)).toContain("目录审定状态");
  });

  it("GZ-3.2: a task book holds named target metrics with target values", () => {
    const ok = taskBookSchema.safeParse({ unitId: "u1", year: 2025, targets: { enterprisesTransformed: 40, diagnoses: 60 }, signedOn: "2025-02-10" });
    expect(ok.success).toBe(true);
    const bad = taskBookSchema.safeParse({ unitId: "u1", year: 2025, targets: { enterprisesTransformed: -1, madeUp: 3 }, signedOn: "2025-02-10" });
    expect(bad.success).toBe(false);
  });

  it("DG-7: the Dongguan task-book metrics (enterprises, cloud, level uplift, platform, solutions, cases, diagnoses) are all storable", () => {
    const targets = { enterprisesTransformed: 30, cloudEnterprises: 50, level2Share: 0.8, platforms: 1, solutions: 5, typicalCases: 2, diagnoses: 40 };
    expect(taskBookSchema.safeParse({ unitId: "u1", year: 2025, targets, signedOn: "2025-02-10" }).success).toBe(true);
  });

  it("DG-5.7: an award is recorded with its kind, subject, date and the deciding person", () => {
    const by = { uid: "s1", role: "staff" };
    expect(awardSchema.safeParse({ year: 2025, kind: "excellentProduct", subjectId: "c1", subjectName: "设备联网套件", decidedOn: "2026-01-20", by }).success).toBe(true);
    expect(messages(awardSchema.safeParse({ year: 2025, kind: "best", subjectId: "c1", subjectName: "x", decidedOn: "2026-01-20" }))).toContain("评选类别");
  });

  it("GZ-2.1: an audit entry must name the person, the action and the clause format", () => {
    const r = auditEntrySchema.safeParse({ at: new Date(0), action: "approve", entity: "programmes/p/changes/c", clause: "4.6.2" });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain("条款编号格式无效");
  });

  it("DG-5.4: change applications come in unit, partner and catalogue kinds", () => {
    const partnerAdd = { type: "partnerAdd", name: "丙公司", uscc: makeUscc(11) };
    expect(changeApplicationSchema.safeParse({ unitId: "u1", type: "partnerAdd", state: "draft", payload: partnerAdd }).success).toBe(true);
    const r = changeApplicationSchema.safeParse({ unitId: "u1", type: "merger", state: "draft", payload: { type: "merger" } });
    expect(messages(r)).toContain("变更类型无效");
  });

  it("a closed complaint must say whether it was effectively resolved (feeds DG-16.2)", () => {
    const r = complaintSchema.safeParse({ unitId: "u1", receivedOn: "2025-03-01", summary: "响应慢", status: "closed" });
    expect(messages(r)).toContain("是否有效解决");
  });

  it("document metadata refuses unsupported content types and oversize files", () => {
    const r = documentMetaSchema.safeParse({
      kind: "businessLicence", fileName: "a.exe", storagePath: "x", size: 30 * 1024 * 1024, sha256: "0".repeat(64),
      contentType: "application/x-msdownload", sensitive: true, uploadedAt: new Date(0), uploadedBy: { uid: "m1", role: "unitMember" },
    });
    expect(messages(r)).toContain("文件类型");
    expect(messages(r)).toContain("20 MB");
  });

  it("GZ-4.6.2: returning or rejecting a change requires a comment", () => {
    const r = reviewChangeRequestSchema.safeParse({ programmeId: "p", changeId: "c", decision: "return" });
    expect(messages(r)).toContain("审核意见");
    expect(reviewChangeRequestSchema.safeParse({ programmeId: "p", changeId: "c", decision: "approve" }).success).toBe(true);
  });
});

describe("ids a client sends", () => {
  it("refuse what Firestore cannot name, with the field in Chinese", async () => {
    const { idOf } = await import("../../../functions/src/domain/schemas/common.js");
    const id = idOf("报告编号");
    for (const bad of [".", "..", "__x__", "a/b", "a\u0000b", "a\nb", "a\rb", ""]) {
      const r = id.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error?.issues[0]?.message).toContain("报告编号");
    }
    for (const good of ["gz-u01", "2026-Q4", "gz-u01_2026-Q4", "_a", "a__"]) expect(id.safeParse(good).success, good).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { type ChangeContext, changeMachine, publishedListOf, changeReviewDecided } from "../../../functions/src/domain/change.machine.js";
import { changeStates } from "../../../functions/src/domain/states.js";
import type { ChangeType } from "../../../functions/src/domain/policy/index.js";
import { missingDocuments } from "../../../functions/src/domain/requiredDocuments.js";
import { reviewBatchId } from "../../../functions/src/domain/reviewBatches.js";
import { base, codeOf, dg, gz, okNext } from "./fixtures.js";

function ctx(pack = gz, changeType: ChangeType = "partnerAdd", missing: string[] = []): ChangeContext {
  return { ...base(pack), changeType, missingDocuments: missing };
}

describe("required documents", () => {
  const today = "2025-06-10";
  const gzFour = [
    { kind: "businessLicence" as const },
    { kind: "legalRepIdCopy" as const },
    { kind: "stampedFinancialStatements" as const },
    { kind: "creditChinaReport" as const, issuedOn: "2025-06-01" },
  ];

  it("GZ-4.6.1: a partner addition needs licence, ID copy, audit report or stamped statements, and a Credit China report", () => {
    expect(missingDocuments("partnerAdd", gzFour, gz, today)).toEqual([]);
    expect(missingDocuments("partnerAdd", [], gz, today)).toEqual([
      "营业执照",
      "法人身份证复印件",
      "上年度财务审计报告或加盖公章的财务报表",
      "“信用中国”查询报告关键页",
    ]);
    // an audit report satisfies the same slot as stamped statements
    const withAudit = gzFour.map((d) => (d.kind === "stampedFinancialStatements" ? { kind: "auditReport" as const } : d));
    expect(missingDocuments("partnerAdd", withAudit, gz, today)).toEqual([]);
  });

  it("GZ-4.6.1: a Credit China report older than the pack's freshness window does not count", () => {
    const stale = gzFour.map((d) => (d.kind === "creditChinaReport" ? { ...d, issuedOn: "2025-05-10" } : d)); // 31 days before
    expect(missingDocuments("partnerAdd", stale, gz, today)).toEqual(["“信用中国”查询报告关键页（须为 30 天内出具）"]);
    const edge = gzFour.map((d) => (d.kind === "creditChinaReport" ? { ...d, issuedOn: "2025-05-11" } : d)); // 30 days before
    expect(missingDocuments("partnerAdd", edge, gz, today)).toEqual([]);
  });

  it("DG-13: a unit change needs the stamped 变更申请书 with the licence, ID copy, local team list and social-security proof", () => {
    const docs = [
      { kind: "changeApplicationLetter" as const, stamped: true },
      { kind: "businessLicence" as const, stamped: true },
      { kind: "legalRepIdCopy" as const, stamped: true },
      { kind: "localServiceTeamList" as const, stamped: true },
      { kind: "socialSecurityProof" as const, stamped: false },
    ];
    expect(missingDocuments("unitInfo", docs, dg, today)).toEqual(["社保证明（须加盖公章）"]);
    expect(missingDocuments("unitInfo", docs.slice(0, 3), dg, today)).toHaveLength(2);
    expect(missingDocuments("unitInfo", docs.slice(1), dg, today)).toEqual(["变更申请书", "社保证明（须加盖公章）"]);
  });
});

describe("change application machine", () => {
  it("GZ-4.6.1: submission is refused until the required documents are attached", () => {
    const t = changeMachine.transition("draft", { type: "submit" }, ctx(gz, "partnerAdd", ["营业执照"]));
    expect(codeOf(t)).toBe("DOCUMENTS_MISSING");
    expect(t.ok ? "" : t.message).toContain("营业执照");
    expect(okNext(changeMachine.transition("draft", { type: "submit" }, ctx())).clause).toBe("GZ-4.6.1");
  });

  it("GZ-4.6.2: staff approve, return for completion or reject, with comments for the latter two", () => {
    expect(codeOf(changeMachine.transition("submitted", { type: "return", comment: "" }, ctx()))).toBe("COMMENT_REQUIRED");
    expect(codeOf(changeMachine.transition("submitted", { type: "reject", comment: "  " }, ctx()))).toBe("COMMENT_REQUIRED");
    const back = okNext(changeMachine.transition("submitted", { type: "return", comment: "审计报告缺页" }, ctx()));
    expect([back.next, back.clause]).toEqual(["returned", "GZ-4.6.2"]);
    expect(okNext(changeMachine.transition("returned", { type: "submit" }, ctx())).next).toBe("submitted");
    expect(okNext(changeMachine.transition("submitted", { type: "reject", comment: "不符合条件" }, ctx())).next).toBe("rejected");
  });

  it("GZ-4.6.3: an approved partner addition waits for the batch notice and is published only after it", () => {
    const a = okNext(changeMachine.transition("submitted", { type: "approve" }, ctx()));
    expect(a.next).toBe("approved");
    expect(a.effects).toEqual([{ type: "addToNoticeBatch" }]);
    expect(okNext(changeMachine.transition("approved", { type: "enterNotice", noticeId: "n1" }, ctx())).next).toBe("inNotice");
    const p = okNext(changeMachine.transition("inNotice", { type: "noticeConcluded" }, ctx()));
    expect(p.next).toBe("published");
    expect(p.effects).toEqual([{ type: "applyChange", list: "partners" }]);
    expect(okNext(changeMachine.transition("inNotice", { type: "objectionUpheld" }, ctx())).next).toBe("withdrawn");
  });

  it("DG-13: an approved unit change is published on the change list without a notice", () => {
    const t = okNext(changeMachine.transition("submitted", { type: "approve" }, ctx(dg, "unitInfo")));
    expect([t.next, t.clause]).toEqual(["published", "DG-13"]);
    expect(t.effects).toContainEqual({ type: "applyChange", list: "unitChanges" });
  });

  it("DG-14: partner and catalogue changes in Dongguan go through the notice", () => {
    for (const type of ["partnerAdd", "partnerRemove", "catalogue"] as const) {
      const t = okNext(changeMachine.transition("submitted", { type: "approve" }, ctx(dg, type)));
      expect(t.next).toBe("approved");
    }
    const p = okNext(changeMachine.transition("inNotice", { type: "noticeConcluded" }, ctx(dg, "catalogue")));
    expect(p.clause).toBe("DG-14");
    expect(p.effects).toContainEqual({ type: "applyChange", list: "catalogue" });
  });

  it("DG-5.4: the work group reviews unit, partner and catalogue changes alike", () => {
    expect(okNext(changeMachine.transition("submitted", { type: "return", comment: "补充材料" }, ctx(dg, "catalogue"))).clause).toBe("DG-5.4");
    expect(okNext(changeMachine.transition("submitted", { type: "return", comment: "补充材料" }, ctx(dg, "unitInfo"))).clause).toBe("DG-13");
  });

  it("refuses a notice for a change type the pack does not put on notice", () => {
    expect(codeOf(changeMachine.transition("approved", { type: "enterNotice", noticeId: "n1" }, ctx(dg, "unitInfo")))).toBe("PROCEDURE_NOT_IN_POLICY");
  });

  it("refuses events from the wrong state", () => {
    expect(codeOf(changeMachine.transition("draft", { type: "approve" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(changeMachine.transition("published", { type: "objectionUpheld" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
    expect(codeOf(changeMachine.transition("rejected", { type: "submit" }, ctx()))).toBe("EVENT_NOT_ALLOWED");
  });
});

describe("review batches", () => {
  it("GZ-4.7: Guangzhou change applications are grouped into periodic (monthly) review batches by submission day", () => {
    expect(reviewBatchId("2025-03-02", gz)).toBe("2025-03");
    expect(reviewBatchId("2025-03-31", gz)).toBe("2025-03");
    expect(reviewBatchId("2025-04-01", gz)).toBe("2025-04");
  });

  it("DG-15: Dongguan reviews changes in yearly batches", () => {
    expect(reviewBatchId("2025-03-02", dg)).toBe("2025");
    expect(reviewBatchId("2025-12-31", dg)).toBe("2025");
    expect(reviewBatchId("2026-01-01", dg)).toBe("2026");
  });
});

describe("final and decided states", () => {
  const left = (state: string) => Object.values(changeMachine.table).some((rules) => rules.some((r) => (r.from as readonly string[]).includes(state)));

  it("GZ-4.6 / DG-14: rejected, published and withdrawn are final: the machine declares them and no event leaves them", () => {
    expect(changeStates.filter((s) => changeMachine.isTerminal(s))).toEqual(["rejected", "published", "withdrawn"]);
    expect(changeStates.filter((s) => !left(s))).toEqual(["rejected", "published", "withdrawn"]);
  });

  it("GZ-4.6.2: a second review decision is already decided in every state but a draft or a submitted application", () => {
    expect(changeStates.filter(changeReviewDecided)).toEqual(["returned", "rejected", "approved", "inNotice", "published", "withdrawn"]);
  });

  it("GZ-4.6.3 / DG-13 / DG-14: each change type is published on its own list", () => {
    expect([publishedListOf("partnerAdd"), publishedListOf("partnerRemove"), publishedListOf("catalogue"), publishedListOf("unitInfo")]).toEqual(["partners", "partners", "catalogue", "unitChanges"]);
  });
});

// The PDF adapter: a decision document in Chinese with the CJK font embedded as a subset, readable
// text (pdfjs-dist extracts what a viewer shows), and the same content giving the same bytes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeLines, changeReview, criticismNotice, evaluationResult, publicNotice, publishedList } from "../../functions/src/domain/decisionDocuments.js";
import { dongguan, guangzhou } from "../../functions/src/domain/policy/index.js";
import { renderDecisionPdf } from "../../functions/src/files/decisionPdf.js";
import { embeddedFontNames, readPdf } from "../support/pdfText.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const issuing = { programmeName: "广州市中小企业数字化转型城市试点", pack: guangzhou };
const content = criticismNotice({
  ...issuing,
  unitId: "u1",
  unitName: "广州示例科技有限公司",
  ground: "GZ-4.4a.2",
  facts: ["2026年第三季度报告逾期 5 个工作日报送", "补报材料缺少试点企业进展"],
  issuedOn: "2026-11-02",
  rectificationDeadline: "2026-11-30",
  workingDays: 20,
  circulationClause: "GZ-4.4a.0",
});
const url = "https://example.web.app/verify?d=0123456789abcdef0123456789abcdef";

describe("decision PDF", () => {
  it("GZ-4.4a.2: the rendered 通报批评 reads back with its facts, clause and deadline; the CJK font is a subset", async () => {
    const pdf = await renderDecisionPdf({ content, verificationUrl: url, verificationId: "0123456789abcdef0123456789abcdef" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const r = await readPdf(pdf);
    expect(r.title).toBe("通报批评及限期整改通知");
    expect(r.compact).toContain("通报批评及限期整改通知");
    expect(r.compact).toContain("广州示例科技有限公司：");
    expect(r.compact).toContain("2026年第三季度报告逾期5个工作日报送");
    expect(r.compact).toContain("GZ-4.4a.2（资料报送不及时、不完整、不规范）");
    expect(r.compact).toContain("自2026年11月2日起20个工作日内（即2026年11月30日前）");
    expect(r.compact).toContain(url);
    const fonts = embeddedFontNames(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    // A subset's name carries a six-letter tag (ABCDEF+Name); only the glyphs used are embedded.
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSans/);
    expect(pdf.length).toBeLessThan(300_000);
  });

  it("the same content gives the same bytes; another date gives other bytes", async () => {
    const input = { content, verificationUrl: url, verificationId: "0123456789abcdef0123456789abcdef" };
    const [a, b] = [await renderDecisionPdf(input), await renderDecisionPdf(input)];
    expect(sha(a)).toBe(sha(b));
    const later = await renderDecisionPdf({ ...input, content: { ...content, issuedOn: "2026-11-03" } });
    expect(sha(later)).not.toBe(sha(a));
  });

  it("GZ-3.3: an evaluation's calculation reads back dimension by dimension", async () => {
    const c = evaluationResult({
      ...issuing,
      unitId: "u1",
      unitName: "广州示例科技有限公司",
      periodId: "2026-Q3",
      dimensions: [
        { label: "完成改造试点企业数量", weight: 30, score: 24, explanation: "完成 8 家，按序时目标 10 家计 80%" },
        { label: "试点企业满意度", weight: 20, score: 18.5, explanation: "问卷 12 份，满意 11 份" },
      ],
      total: 82.5,
      band: "良好",
      passed: true,
      approvedOn: "2026-11-27",
    });
    const r = await readPdf(await renderDecisionPdf({ content: c, verificationUrl: url, verificationId: "x" }));
    expect(r.compact).toContain("完成改造试点企业数量");
    expect(r.compact).toContain("计分说明：完成8家，按序时目标10家计80%");
    expect(r.compact).toContain("18.5分");
    expect(r.compact).toContain("总分：82.5分");
  });
  it("GZ-4.6.2: the rendered 变更审核意见 reads back with the change before → after, the approved version, the decision and the notice", async () => {
    const c = changeReview({
      ...issuing,
      unitId: "u1",
      unitName: "广州示例科技有限公司",
      changeType: "partnerAdd",
      submittedOn: "2026-11-02",
      lines: changeLines({ type: "partnerAdd", name: "广州生态伙伴有限公司", uscc: "91440101MA59XXXX0X" }),
      documents: [{ name: "营业执照《执照.pdf》", version: 2 }],
      decision: "approve",
      decidedOn: "2026-11-05",
      clause: "GZ-4.6.2",
      notice: { title: "牵引单位产业生态联合体新增企业名单公示（2026年11月9日）", startsOn: "2026-11-09", endsOn: "2026-11-13", length: 5, unit: "workingDays", clause: "GZ-4.6.3" },
    });
    const r = await readPdf(await renderDecisionPdf({ content: c, verificationUrl: url, verificationId: "x" }));
    expect(r.title).toBe("变更审核意见");
    expect(r.compact).toContain("产业生态合作伙伴：（无）→广州生态伙伴有限公司（统一社会信用代码：91440101MA59XXXX0X）");
    expect(r.compact).toContain("营业执照《执照.pdf》（第2版）");
    expect(r.compact).toContain("审核结论：通过。");
    expect(r.compact).toContain("GZ-4.6.2");
    expect(r.compact).toContain("公示期自2026年11月9日至2026年11月13日（5个工作日）");
    expect(r.compact).toContain(url);
  });

  it("DG-14: the rendered 公示 reads back with its items, the period and how to object", async () => {
    const c = publicNotice({
      programmeName: "东莞市中小企业数字化转型城市试点",
      pack: dongguan,
      title: "合作伙伴、产品和服务目录变更公示（2026年11月9日）",
      items: [{ unitName: "东莞示例有限公司", summary: "新增产业生态合作伙伴：东莞伙伴有限公司（91441900MA5XXXXX0X）" }],
      startsOn: "2026-11-09",
      endsOn: "2026-11-13",
      length: 5,
      unit: "calendarDays",
      clause: "DG-14",
      objectionUrl: "https://example.web.app/notices?p=dg-2025",
    });
    const r = await readPdf(await renderDecisionPdf({ content: c, verificationUrl: url, verificationId: "x" }));
    expect(r.title).toBe("合作伙伴、产品和服务目录变更公示（2026年11月9日）");
    expect(r.compact).toContain("东莞示例有限公司：新增产业生态合作伙伴：东莞伙伴有限公司（91441900MA5XXXXX0X）");
    expect(r.compact).toContain("自2026年11月9日至2026年11月13日，共5个自然日");
    expect(r.compact).toContain("请于2026年11月13日前在https://example.web.app/notices?p=dg-2025实名提出");
    expect(r.compact).toContain("DG-14");
  });

  it("GZ-4.6.3: the rendered 名单 reads back with its version, date and entries", async () => {
    const c = publishedList({
      ...issuing,
      list: "catalogue",
      version: {
        version: 2,
        publishedOn: "2026-11-16",
        publishedAt: new Date("2026-11-16T02:00:00Z"),
        clause: "GZ-4.7",
        changeIds: [],
        entries: [{ itemId: "i1", unitId: "u1", unitName: "广州示例科技有限公司", name: "云MES", category: "软件", priceMin: 1000, priceMax: 5000 }],
      },
    });
    const r = await readPdf(await renderDecisionPdf({ content: c, verificationUrl: url, verificationId: "x" }));
    expect(r.title).toBe("产品和服务目录（第2版）");
    expect(r.compact).toContain("于2026年11月16日发布产品和服务目录第2版");
    expect(r.compact).toContain("广州示例科技有限公司—云MES（软件，1000至5000元）");
    expect(r.compact).toContain("GZ-4.7");
  });
});

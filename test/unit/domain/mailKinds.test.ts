import { describe, expect, it } from "vitest";
import { directMailId, escapeHtml, isEmailAddress, isMailKind, mailId, mailKinds, mailKindWords, mailMessage, mailRecipients, objectionDecidedMessage, ratingLinkMessage } from "../../../functions/src/domain/mailKinds.js";
import { setMailPreferencesRequestSchema } from "../../../functions/src/domain/schemas/mail.js";

const pref = (memberUid: string, kinds: string[], unitId = "u1") => ({ memberUid, unitId, address: `${memberUid}@example.com`, kinds });

describe("mail kinds (issue 18)", () => {
  it("every mailed kind has its Chinese name; staff-only and unknown kinds are not mailed", () => {
    expect(Object.keys(mailKindWords).sort()).toEqual([...mailKinds].sort());
    expect(isMailKind("reportReminder")).toBe(true);
    expect(isMailKind("somethingElse")).toBe(false);
  });

  it("recipients: opted in to the kind, of the notified unit, still a member, each once", () => {
    const prefs = [pref("a", ["reportReminder"]), pref("b", []), pref("c", ["reportReminder"]), pref("d", ["reportReminder"], "u2"), pref("a", ["reportReminder"])];
    expect(mailRecipients("reportReminder", "u1", prefs, new Set(["a", "b", "d"])).map((p) => p.memberUid)).toEqual(["a"]);
    expect(mailRecipients("reportReturned", "u1", prefs, new Set(["a", "b", "c"]))).toEqual([]);
    expect(mailRecipients("notMailed", "u1", [pref("a", ["notMailed"])], new Set(["a"]))).toEqual([]);
  });

  it("one mail id per programme, notification and member", () => {
    expect(mailId("gz-2025", "remind_2025-Q3_gz-u01_2025-10-14", "m1")).toBe("gz-2025~remind_2025-Q3_gz-u01_2025-10-14~m1");
  });

  it("the message: subject with the programme's name, text as written, html escaped, absolute link when the web's origin is known", () => {
    const m = mailMessage({ title: "报告被退回", body: "咨询诊断：<script>alert(1)</script> & 其他\n第二行", link: "/portal/reports/2025-Q3" }, "广州 <试点>", "http://127.0.0.1:5000/");
    expect(m.subject).toBe("【广州 <试点>】报告被退回");
    expect(m.text).toContain("咨询诊断：<script>alert(1)</script> & 其他");
    expect(m.text).toContain("查看详情：http://127.0.0.1:5000/portal/reports/2025-Q3");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他");
    expect(m.html).toContain("<p>第二行</p>");
    expect(m.html).toContain('href="http://127.0.0.1:5000/portal/reports/2025-Q3"');
    expect(m.html).toContain("广州 &lt;试点&gt;");
    expect(mailMessage({ title: "t", body: "b" }, "p").text).not.toContain("查看详情");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("the request: an address that is one, kinds from the list, in Chinese when not", () => {
    expect(setMailPreferencesRequestSchema.safeParse({ programmeId: "gz", address: " a@example.com ", kinds: [] }).data?.address).toBe("a@example.com");
    const bad = setMailPreferencesRequestSchema.safeParse({ programmeId: "gz", address: "a@b", kinds: ["x"] });
    expect(bad.error?.issues.map((i) => i.message).join(" ")).toMatch(/邮箱地址不是有效的电子邮箱地址[\s\S]*提醒类型的取值无效/);
  });

  it("GZ-4.6.3: the objector is told the outcome and the reasons of their objection; only an e-mail address is one (a phone number is not)", () => {
    const m = objectionDecidedMessage({ noticeTitle: "新增企业名单公示", filedOn: "2025-11-05", outcome: "认定不成立", reasons: "经核查无关联交易", clause: "GZ-4.6.3" }, "广州试点", "/notices?p=gz", "https://example.web.app");
    expect(m.subject).toBe("【广州试点】异议处理结果：新增企业名单公示");
    expect(m.text).toContain("您于 2025年11月5日 对“新增企业名单公示”提出的异议已处理（GZ-4.6.3）");
    expect(m.text).toContain("处理结果：认定不成立");
    expect(m.text).toContain("处理意见：经核查无关联交易");
    expect(m.text).toContain("https://example.web.app/notices?p=gz");
    expect(isEmailAddress(" lisi@example.com ")).toBe(true);
    expect(isEmailAddress("13800000000")).toBe(false);
    expect(isEmailAddress("020-12345678")).toBe(false);
    expect(isEmailAddress(undefined)).toBe(false);
    expect(directMailId("gz", "objectionDecided", "n1_objections_o1")).toBe("gz~objectionDecided~n1_objections_o1");
  });

  it("GZ-3.3: a rating link mail names the enterprise, the unit, the period and the last day the link works", () => {
    const m = ratingLinkMessage({ enterpriseName: "甲企业", unitName: "乙牵引单位", periodWord: "2025年第三季度", expiresOn: "2025-11-30" }, "广州试点", "/survey/abc", "https://example.web.app");
    expect(m.subject).toBe("【广州试点】请对乙牵引单位的服务进行评价");
    expect(m.text).toContain("甲企业：");
    expect(m.text).toContain("2025年第三季度");
    expect(m.text).toContain("有效期至 2025年11月30日");
    expect(m.text).toContain("https://example.web.app/survey/abc");
  });
});

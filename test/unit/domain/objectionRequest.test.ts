// 公示 objections are 实名 (issue 16, class 4): a filing names the objector (a person or an
// organisation) and a phone number or e-mail address to reach them, refused in Chinese naming
// the field when missing or unusable. Bulk "not admitted" requests are bounded and named.
import { describe, expect, it } from "vitest";
import { isContact } from "../../../functions/src/domain/schemas/common.js";
import { fileObjectionRequestSchema, notAdmitObjectionsRequestSchema } from "../../../functions/src/domain/schemas/requests.js";

const base = { programmeId: "gz-2025", noticeId: "n1", text: "该企业存在失信记录，请核查。" };
const messages = (data: unknown) => fileObjectionRequestSchema.safeParse(data).error?.issues.map((i) => `${i.path.join(".")}：${i.message}`) ?? [];

describe("实名 objections", () => {
  it("GZ-4.6.3: without a name or a contact the filing is refused, each field named in Chinese", () => {
    expect(messages(base)).toEqual(["name：异议人姓名或单位名称必须是文字", "contact：联系方式必须是文字"]);
    expect(messages({ ...base, name: "  ", contact: "" })).toEqual(["name：异议人姓名或单位名称不能为空", "contact：联系方式不能为空"]);
    expect(messages({ ...base, name: "张", contact: "随便" })).toEqual(["name：异议人姓名或单位名称至少 2 个字", "contact：联系方式应为手机号码、固定电话（含区号）或电子邮箱"]);
  });

  it("GZ-4.6.3: a person or an organisation, reachable by mobile, fixed line or e-mail, is accepted (trimmed)", () => {
    for (const contact of ["13800000000", "+86 138 0000 0000", "138-0000-0000", "020-83331234", "(0769)22221234", "83331234", "citizen@example.com", " 张三@例子.中国 "]) {
      expect(fileObjectionRequestSchema.safeParse({ ...base, name: "张三", contact }).success, contact).toBe(true);
    }
    expect(fileObjectionRequestSchema.parse({ ...base, name: " 广州某某科技有限公司 ", contact: " 13800000000 " })).toMatchObject({ name: "广州某某科技有限公司", contact: "13800000000" });
  });

  it("what is neither a phone number nor an e-mail address is not a contact", () => {
    for (const bad of ["12345", "1380000000", "23800000000", "0000000", "a@b", "@example.com", "a b@example.com", "微信 zhangsan", "x".repeat(20)]) expect(isContact(bad), bad).toBe(false);
  });
});

describe("not admitted in bulk", () => {
  const ask = { programmeId: "gz-2025", noticeId: "n1", reason: "与公示事项无关的广告" };
  const issues = (data: unknown) => notAdmitObjectionsRequestSchema.safeParse(data).error?.issues.map((i) => `${i.path.join(".")}：${i.message}`) ?? [];

  it("one to 200 distinct objections with one reason", () => {
    expect(issues({ ...ask, objectionIds: ["o1"] })).toEqual([]);
    expect(issues({ ...ask, objectionIds: Array.from({ length: 200 }, (_, i) => `o${i}`) })).toEqual([]);
    expect(issues({ ...ask, objectionIds: [] })).toEqual(["objectionIds：请至少选择一件异议"]);
    expect(issues({ ...ask, objectionIds: Array.from({ length: 201 }, (_, i) => `o${i}`) })).toEqual(["objectionIds：一次最多处理 200 件异议"]);
    expect(issues({ ...ask, objectionIds: ["o1", "o1"] })).toEqual(["objectionIds：异议编号不能重复"]);
    expect(issues({ ...ask, objectionIds: ["..", "a/b"] })).toEqual(["objectionIds.0：异议编号不是有效的编号（不能是“.”“..”或以双下划线开头并结尾）", "objectionIds.1：异议编号不能包含“/”"]);
    expect(issues({ ...ask, reason: " ", objectionIds: ["o1"] })).toEqual(["reason：不予受理理由不能为空"]);
  });
});

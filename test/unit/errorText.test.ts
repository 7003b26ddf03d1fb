// What a person reads when something fails on a page: Chinese, never the SDK's English.
import { describe, expect, it } from "vitest";
import { CallError, errorText } from "../../web/src/shared/errorText.js";

describe("error sentences on the pages", () => {
  it("the security rules' refusal reads as Chinese, a function's Chinese refusal is shown as it is, and unknown English becomes a Chinese sentence", () => {
    expect(errorText(Object.assign(new Error("Missing or insufficient permissions."), { code: "permission-denied" }))).toMatch(/^没有权限保存/);
    expect(errorText(new CallError("该事项已由他人处理，请刷新后查看", "aborted"))).toBe("该事项已由他人处理，请刷新后查看");
    expect(errorText(new Error("Failed to fetch"))).toBe("操作失败，请稍后重试。");
    expect(errorText(Object.assign(new Error("x"), { code: "firestore/unavailable" }))).toBe("网络连接中断，请检查网络后重试。");
  });
});

// Turning any failure into one readable Chinese sentence, without loading any Firebase SDK (the
// portal's forms use it for Firestore refusals, the callables for theirs).

export class CallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// Firestore's own refusals (the security rules, the network) come in English; people here read
// what they mean instead.
const FIRESTORE_ERRORS: Record<string, string> = {
  "permission-denied": "没有权限保存：该记录当前不可修改（已提交、已审定、报送期已关闭，或专项已验收结束为只读），或填写的内容不符合要求；如刚调整过角色，请重新登录。",
  unavailable: "网络连接中断，请检查网络后重试。",
  "deadline-exceeded": "服务器响应超时，请稍后重试。",
  "resource-exhausted": "操作过于频繁，请稍后再试。",
  unauthenticated: "登录已失效，请重新登录。",
};

/** One readable Chinese sentence for any failure. */
export function errorText(err: unknown): string {
  if (err instanceof CallError) return err.message;
  const code = String((err as { code?: unknown } | null)?.code ?? "").replace(/^(firestore|functions)\//, "");
  if (FIRESTORE_ERRORS[code]) return FIRESTORE_ERRORS[code];
  const message = err instanceof Error ? err.message : String(err);
  return /[\u4e00-\u9fff]/.test(message) ? message : "操作失败，请稍后重试。";
}

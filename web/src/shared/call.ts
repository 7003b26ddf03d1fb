// Calls a callable function. Our functions answer refusals with Chinese messages already; this
// turns any failure into one readable sentence for the page.
import { httpsCallable } from "firebase/functions";
import { CallError } from "./errorText";
import { functions } from "./functionsClient";

export { CallError, errorText } from "./errorText";

export async function call<T = unknown>(name: string, data: unknown): Promise<T> {
  try {
    // The callable protocol sends `undefined` as null, which the schemas rightly refuse for an
    // optional field; a JSON round trip drops undefined fields instead.
    return (await httpsCallable<unknown, T>(functions, name)(JSON.parse(JSON.stringify(data ?? {})))).data;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const code = (e.code ?? "unknown").replace(/^functions\//, "");
    const readable = code === "internal" || code === "unavailable" || !e.message || /^[\x20-\x7e]+$/.test(e.message) ? "服务暂时不可用，请稍后重试。" : e.message;
    throw new CallError(readable, code);
  }
}

// Shared test context builders (not a test file).
import { makeCalendar } from "../../../functions/src/domain/calendar.js";
import type { Transition } from "../../../functions/src/domain/machine.js";
import { dongguan, guangzhou } from "../../../functions/src/domain/policy/index.js";

export const calendar = makeCalendar();
export const gz = guangzhou;
export const dg = dongguan;

export function base(pack = gz, today = "2025-06-10") {
  return { pack, today, programmeEndsOn: null };
}

/** The refusal code of a transition, or "ok". */
export function codeOf(t: Transition<string> | { ok: boolean; code?: string }): string {
  return t.ok ? "ok" : (t as { code: string }).code;
}

export function okNext<S extends string>(t: Transition<S>): { next: S; clause: string; effects: { type: string }[] } {
  if (!t.ok) throw new Error(`expected ok, got ${t.code}: ${t.message}`);
  return t;
}

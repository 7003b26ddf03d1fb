// What the settings page decides in the browser before asking the server: which periods a new
// version may start from, and what is wrong with a draft — the same zod schema the function
// parses the proposal with, each message prefixed with the setting or dimension it concerns.
import type { Cadence } from "@domain/policy/schema";
import { nextPeriod, periodOf, type PeriodId } from "@domain/periods";
import { SETTING_LABELS, settingsProposalSchema, settingsValuesSchema, type SettingKey, type SettingsValues } from "@domain/settings";
import { t } from "../../shared/strings";

const s = t.settings;

/** How many future periods the effective-from choice offers: two years ahead. */
const AHEAD: Record<Cadence, number> = { quarterly: 8, halfYearly: 4, annual: 2 };

/** Periods a new version may take effect from: after the current one (which may already hold evaluations). */
export function futurePeriods(cadence: Cadence, today: string): PeriodId[] {
  const out: PeriodId[] = [];
  let p = periodOf(today, cadence);
  for (let i = 0; i < AHEAD[cadence]; i++) out.push((p = nextPeriod(p)));
  return out;
}

function where(values: SettingsValues, path: readonly PropertyKey[]): string {
  const [key, sub, i] = path;
  if (key === "scoring" && sub === "dimensions" && typeof i === "number") return s.where.dimension(values.scoring.dimensions[i]?.label ?? "");
  if (key === "scoring" && sub === "bands" && typeof i === "number") return s.where.band(i + 1);
  if (key === "scoring" && sub === "passMark") return s.where.setting(s.passMark);
  if (typeof key === "string" && key !== "scoring" && key in SETTING_LABELS) return s.where.setting(SETTING_LABELS[key as SettingKey]);
  return "";
}

/** The draft's problems the browser can see by itself, in Chinese; empty when it may be sent. */
export function draftProblems(values: SettingsValues, reason: string): string[] {
  const out: string[] = [];
  const parsed = settingsValuesSchema.safeParse(values);
  if (!parsed.success) for (const issue of parsed.error.issues) out.push(`${where(values, issue.path)}${issue.message}`);
  const why = settingsProposalSchema.shape.reason.safeParse(reason);
  if (!why.success) out.push(...why.error.issues.map((i) => i.message));
  return [...new Set(out)];
}

// A programme's settings as governed data (GZ-3.4.2 工作小组制定评价指标). The policy pack holds
// what the regulation fixes (grounds, the two-failed-evaluations and DG-16 thresholds, the bureau
// meeting, DG-14's 5 calendar days, GZ-4.8's 10 working days, who decides); the settings hold what
// the regulation leaves to the bureau (indicators, weights, bands, pass mark, lengths, counts).
// Settings are numbered versions, each effective from a period: a new version never rewrites an
// approved conclusion or a closed period, because those keep the inputs and totals they were
// decided on and only periods from `effectiveFrom` on are scored with it.
import { z } from "zod";
import { type PeriodId } from "./periods.js";
import { periodLengthSchema, reviewBatchSchema, scoringModelSchema, type PeriodLength, type PolicyPack, type ScoringPart } from "./policy/schema.js";
import { isDutyMetric, packDuties } from "./duties.js";
import { metricWords, percentWord, reviewBatchWords } from "./words.js";
import { actorSchema, clauseIdField, count, idOf, instant, periodIdOf, text } from "./schemas/common.js";

const positiveLength = periodLengthSchema.refine((l) => l.length > 0, { message: "期限长度必须大于 0" });

/** The bureau's choices. Every key here is editable unless the pack marks it fixed (`fixedSettings`). */
export const settingsValuesSchema = z.object({
  scoring: scoringModelSchema,
  reportDeadline: positiveLength,
  /** Absent from versions adopted before it was a setting: those keep the pack's window. */
  evaluationWindow: positiveLength.optional(),
  notice: positiveLength,
  rectification: positiveLength,
  lowestRankedCount: z.number({ error: "约谈名单人数必须是数字" }).int("约谈名单人数必须是整数").min(0, "约谈名单人数不能为负"),
  reviewBatch: reviewBatchSchema,
  creditReportFreshnessDays: z.number({ error: "信用报告有效天数必须是数字" }).int("信用报告有效天数必须是整数").positive("信用报告有效天数必须大于 0"),
  /**
   * GZ-4.4a.3 进度滞后: below which share of the period's pro-rata target progress counts as
   * lagging (the regulation does not say how far behind is "behind"). Absent from versions adopted
   * before it was a setting: those keep the pack's threshold.
   */
  progressLagFraction: z.number({ error: "进度滞后判定比例必须是数字" }).gt(0, "进度滞后判定比例必须大于 0").max(1, "进度滞后判定比例不能超过 100%").optional(),
});
export type SettingsValues = z.infer<typeof settingsValuesSchema>;
export type SettingKey = keyof SettingsValues;

export const SETTING_LABELS: Record<SettingKey, string> = {
  scoring: "评价指标、权重、等级与合格线",
  reportDeadline: "报送截止期限（期末后）",
  evaluationWindow: "评价截止期限（报送截止日后）",
  notice: "公示期",
  rectification: "整改期限",
  lowestRankedCount: "排名落后约谈名单人数",
  reviewBatch: "变更审核批次",
  creditReportFreshnessDays: "“信用中国”查询报告有效天数",
  progressLagFraction: "进度滞后判定线（占按期目标的比例）",
};

export const settingsVersionSchema = z.object({
  version: count("版本号"),
  values: settingsValuesSchema,
  /** First period scored with these values (a period id such as 2027-Q1 or 2027). */
  effectiveFrom: periodIdOf("生效期次"),
  reason: text("修改理由", 500),
  clause: clauseIdField(),
  createdBy: actorSchema,
  createdAt: instant("创建时间"),
});
export type SettingsVersion = z.infer<typeof settingsVersionSchema>;

/** Version 1 of a programme: exactly what its pack says. */
export function settingsFromPack(pack: PolicyPack): SettingsValues {
  const { scoring, reportDeadline, evaluationWindow, notice, rectification, lowestRankedCount, reviewBatch, creditReportFreshnessDays } = pack;
  return { scoring, reportDeadline, evaluationWindow, notice, rectification, lowestRankedCount, reviewBatch, creditReportFreshnessDays, progressLagFraction: pack.thresholds.progressLagFraction };
}

/**
 * Version 1 of a programme that has stored none: the pack's own values from the programme's first
 * year. The functions decide with it and the admin page shows it, so both read the same version.
 */
export function initialSettingsVersion(pack: PolicyPack, startsOn: string): SettingsVersion {
  return {
    version: 1,
    values: settingsFromPack(pack),
    effectiveFrom: startsOn.slice(0, 4),
    reason: "政策包初始设置",
    clause: pack.clauses.evaluationApproval,
    createdBy: { uid: "system", role: "system", name: "政策包" },
    createdAt: new Date(`${startsOn}T00:00:00+08:00`),
  };
}

/** The pack as decisions see it for a period: the regulation's fixed parts plus that period's settings. */
export function packWithSettings(pack: PolicyPack, values: SettingsValues): PolicyPack {
  const { progressLagFraction, evaluationWindow, ...rest } = values;
  return {
    ...pack,
    ...rest,
    evaluationWindow: evaluationWindow ?? pack.evaluationWindow,
    thresholds: { ...pack.thresholds, progressLagFraction: progressLagFraction ?? pack.thresholds.progressLagFraction },
  };
}

/** The version in force for a period: the highest-numbered one whose effectiveFrom is not after it (ids of one cadence sort as text). */
export function settingsFor<V extends Pick<SettingsVersion, "version" | "effectiveFrom">>(versions: readonly V[], periodId: PeriodId): V | undefined {
  return [...versions].filter((v) => v.effectiveFrom <= periodId).sort((a, b) => b.version - a.version)[0];
}

/** The pack a period is decided with: the regulation's fixed parts plus the settings in force for that period. */
export function packForPeriod(pack: PolicyPack, versions: readonly Pick<SettingsVersion, "version" | "effectiveFrom" | "values">[], periodId: PeriodId): PolicyPack {
  const v = settingsFor(versions, periodId);
  return v ? packWithSettings(pack, v.values) : pack;
}

const lengthText = (l: PeriodLength) => `${l.length} 个${l.unit === "workingDays" ? "工作日" : "自然日"}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Problems with a proposed version, in Chinese naming the setting; empty when it may be adopted. */
export function settingsProblems(pack: PolicyPack, current: SettingsValues, proposed: SettingsValues): string[] {
  const problems: string[] = [];
  for (const [key, clause] of Object.entries(pack.fixedSettings) as [SettingKey, string][]) {
    if (!same(current[key], proposed[key])) problems.push(`${SETTING_LABELS[key]}由 ${clause} 规定，不能修改`);
  }
  // GZ-2.2.6–2.2.10 / DG-6.5–6.8: a duty may be added to the model only if this regulation lists it, and once.
  const allowed = packDuties(pack);
  const metrics = proposed.scoring.dimensions.flatMap((d) => d.parts.flatMap((p) => (p.kind === "metric" ? [p.metric] : [])));
  for (const m of new Set(metrics)) {
    if (isDutyMetric(m) && !allowed.includes(m)) problems.push(`“${metricWords[m]}”不是本专项管理规定所列的牵引单位职责，不能纳入评价指标`);
    if (metrics.filter((x) => x === m).length > 1) problems.push(`评价指标“${metricWords[m]}”只能计分一次`);
  }
  const bands = proposed.scoring.bands;
  if ((bands[0]?.min ?? 101) > 100) problems.push("最高等级的分数线不能超过 100");
  if (proposed.scoring.passMark <= 0) problems.push("合格线必须大于 0");
  return problems;
}

export interface SettingsDiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
}

export interface SettingRow {
  label: string;
  text: string;
}

const partWord = (p: ScoringPart) => `${p.kind === "metric" ? metricWords[p.metric] : p.label} ${p.points}`;

/**
 * One setting in words, row by row, keyed: the scoring model is several rows (the pass mark, each
 * dimension by its name, the bands); every other setting is one row under its own label.
 */
export function describeSetting(key: SettingKey, v: SettingsValues): Record<string, SettingRow> {
  if (key !== "scoring") {
    const value = v[key];
    const text =
      value === undefined ? "（按政策包）"
      : typeof value === "object" ? lengthText(value)
      : key === "reviewBatch" ? reviewBatchWords[v.reviewBatch]
      : key === "progressLagFraction" ? `按期目标的 ${percentWord(Number(value))}`
      : String(value);
    return { [key]: { label: SETTING_LABELS[key], text } };
  }
  const rows: Record<string, SettingRow> = { passMark: { label: "合格线", text: `${v.scoring.passMark} 分` } };
  for (const d of v.scoring.dimensions) rows[`dim:${d.id}`] = { label: `评价维度：${d.label}`, text: `${d.weight} 分（${d.parts.map(partWord).join("、")}）` };
  rows.bands = { label: "等级划分", text: v.scoring.bands.map((b) => `${b.label} ≥${b.min}`).join("，") };
  return rows;
}

/** The side-by-side comparison staff see before adopting: only what changes. */
export function settingsDiff(current: SettingsValues, proposed: SettingsValues): SettingsDiffRow[] {
  const out: SettingsDiffRow[] = [];
  for (const key of Object.keys(SETTING_LABELS) as SettingKey[]) {
    const before = describeSetting(key, current);
    const after = describeSetting(key, proposed);
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[k]?.text === after[k]?.text) continue;
      const label = (after[k] ?? before[k])!.label;
      out.push({ key: k, label, before: before[k]?.text ?? "（无）", after: after[k]?.text ?? "（删除）" });
    }
  }
  return out;
}

/** What staff send to preview or adopt a version: the values, from when, and why. */
export const settingsProposalSchema = z.object({
  programmeId: idOf("专项编号"),
  values: settingsValuesSchema,
  effectiveFrom: settingsVersionSchema.shape.effectiveFrom,
  reason: text("修改理由", 500),
  /** The closed period to run the what-if on (preview only). */
  whatIfPeriodId: periodIdOf("试算期次").optional(),
});
export type SettingsProposal = z.infer<typeof settingsProposalSchema>;

/** The what-if of a proposal exported as Excel: the same proposal, with the closed period required. */
export const exportWhatIfRequestSchema = settingsProposalSchema.extend({ whatIfPeriodId: periodIdOf("试算期次") });
export type ExportWhatIfRequest = z.infer<typeof exportWhatIfRequestSchema>;

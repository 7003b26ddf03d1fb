// GZ-3.4.2 工作小组制定评价指标: staff preview a proposed settings version (problems, a worded diff
// against the version in force, and a what-if on a closed period), and programme administrators
// adopt it from a period that has not been evaluated yet — so no closed period and no approved
// conclusion is ever rescored.
import { shanghaiDate } from "../domain/dates.js";
import { refused } from "../domain/errors.js";
import { getPolicyPack } from "../domain/policy/index.js";
import type { PolicyPack } from "../domain/policy/schema.js";
import type { Actor } from "../domain/schemas/index.js";
import { packWithSettings, settingsDiff, settingsFor, settingsProblems, type ExportWhatIfRequest, type SettingsProposal, type SettingsVersion } from "../domain/settings.js";
import { whatIf, type WhatIfUnit } from "../domain/whatIf.js";
import { periodWord } from "../domain/words.js";
import type { Transaction } from "firebase-admin/firestore";
import { appendAudit, appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { loadSettingsVersions } from "../store/settings.js";
import type { Deps } from "./deps.js";
import { whatIfWorkbook } from "./whatIfWorkbook.js";

const latest = (versions: readonly SettingsVersion[]) => versions[versions.length - 1]!;

async function load(deps: Deps, programmeId: string, tx?: Transaction) {
  const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
  return { ctx, versions: ctx.settings };
}

/**
 * What a preview needs of the programme: its pack and settings versions (no calendar: nothing in
 * a preview counts working days), so a what-if costs two reads besides its evaluations.
 */
async function loadForPreview(programmeId: string) {
  const programme = (await collections.programmes().doc(programmeId).get()).data();
  if (!programme) refused("PROGRAMME_NOT_FOUND", programmeId);
  const pack = getPolicyPack(programme.packId);
  return { programme, pack, versions: await loadSettingsVersions(programmeId, pack, programme.startsOn) };
}

/**
 * A closed period's evaluations, each with the unit's approved failed evaluations in other
 * periods (GZ-4.4b.3's cumulative ground). The failures are asked for by state and period, so
 * drafts and the period's own evaluations (already read) are not read a second time.
 */
async function whatIfUnits(programmeId: string, periodId: string): Promise<WhatIfUnit[]> {
  const [evaluations, failures] = await Promise.all([
    collections.evaluations(programmeId).where("periodId", "==", periodId).get(),
    collections.evaluations(programmeId).where("passed", "==", false).where("state", "==", "approved").where("periodId", "!=", periodId).get(),
  ]);
  const failedElsewhere = new Map<string, number>();
  for (const d of failures.docs) {
    const e = d.data();
    failedElsewhere.set(e.unitId, (failedElsewhere.get(e.unitId) ?? 0) + 1);
  }
  return evaluations.docs.map((d) => d.data()).map((e) => ({ unitId: e.unitId, failedElsewhere: failedElsewhere.get(e.unitId) ?? 0, evaluation: e }));
}

function problemsOf(pack: PolicyPack, versions: readonly SettingsVersion[], proposal: SettingsProposal) {
  return settingsProblems(pack, latest(versions).values, proposal.values);
}

/** The preview and, on a closed period, its what-if with the settings version that period was decided with. */
async function previewWithContext(proposal: SettingsProposal) {
  const { programme, pack, versions } = await loadForPreview(proposal.programmeId);
  const current = latest(versions);
  const result = { currentVersion: current.version, problems: problemsOf(pack, versions, proposal), diff: settingsDiff(current.values, proposal.values) };
  if (!proposal.whatIfPeriodId) return { programme, pack, inForce: current, preview: { ...result, whatIf: null } };
  const period = (await collections.periods(proposal.programmeId).doc(proposal.whatIfPeriodId).get()).data();
  if (period?.state !== "closed") refused("WHAT_IF_PERIOD_NOT_CLOSED", proposal.whatIfPeriodId);
  const inForce = settingsFor(versions, proposal.whatIfPeriodId) ?? versions[0]!;
  const units = await whatIfUnits(proposal.programmeId, proposal.whatIfPeriodId);
  const whatIfResult = whatIf(units, packWithSettings(pack, inForce.values), packWithSettings(pack, proposal.values));
  return { programme, pack, inForce, preview: { ...result, whatIf: { periodId: proposal.whatIfPeriodId, ...whatIfResult } } };
}

export async function previewSettings(_deps: Deps, proposal: SettingsProposal) {
  return (await previewWithContext(proposal)).preview;
}

/**
 * The what-if as an Excel workbook (one row per unit by name, the changed ones highlighted, and a
 * summary sheet), returned as base64 with a Chinese file name. Audited: it carries every unit's
 * scores under a model not adopted.
 */
export async function exportWhatIf(deps: Deps, input: ExportWhatIfRequest, actor: Actor) {
  const now = deps.clock();
  const { programmeId, whatIfPeriodId: periodId } = input;
  const { programme, pack, inForce, preview } = await previewWithContext(input);
  const what = preview.whatIf!;
  const refs = what.rows.map((r) => collections.units(programmeId).doc(r.unitId));
  const names = new Map((refs.length ? await deps.db.getAll(...refs) : []).map((s) => [s.id, s.data()?.name ?? s.id]));
  const buffer = await whatIfWorkbook({
    programmeName: programme.name,
    periodId,
    inForceVersion: inForce.version,
    effectiveFrom: input.effectiveFrom,
    reason: input.reason,
    problems: preview.problems,
    rows: what.rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? r.unitId })),
    counts: what.counts,
    generatedOn: shanghaiDate(now),
  });
  const fileName = `${programme.name}_${periodWord(periodId)}_设置试算.xlsx`;
  const changed = what.rows.filter((r) => r.changed.length > 0).length;
  await appendAuditOnce(programmeId, `whatif-export-${periodId}-${now.getTime()}`, {
    at: now,
    actor,
    action: "settings.whatIfExported",
    entity: collections.periods(programmeId).doc(periodId).path,
    after: { fileName, rows: what.rows.length, changed, counts: what.counts, effectiveFrom: input.effectiveFrom },
    clause: pack.clauses.evaluationApproval,
    note: `导出${periodWord(periodId)}设置试算：${what.rows.length} 家单位，${changed} 家有变化`,
  });
  return { fileName, contentBase64: buffer.toString("base64"), rows: what.rows.length };
}

export async function adoptSettings(deps: Deps, proposal: SettingsProposal, actor: Actor) {
  const now = deps.clock();
  const { programmeId, effectiveFrom } = proposal;
  return deps.db.runTransaction(async (tx) => {
    const { ctx, versions } = await load(deps, programmeId, tx);
    const problems = problemsOf(ctx.pack, versions, proposal);
    if (problems.length > 0) refused("SETTINGS_INVALID", problems.join("；"));
    // Any evaluation (draft or approved) at or after effectiveFrom was scored with the version in force.
    const evaluated = await tx.get(collections.evaluations(programmeId).where("periodId", ">=", effectiveFrom).limit(1));
    if (!evaluated.empty) refused("SETTINGS_EFFECTIVE_TOO_EARLY", `${effectiveFrom} 已有评价结果`);
    const current = latest(versions);
    const next: SettingsVersion = { version: current.version + 1, values: proposal.values, effectiveFrom, reason: proposal.reason, clause: ctx.pack.clauses.evaluationApproval, createdBy: actor, createdAt: now };
    // The pack's own version 1 is written with the first adopted one, so the history is complete.
    if (versions.length === 1) tx.create(collections.settingsVersions(programmeId).doc(String(current.version)), current);
    tx.create(collections.settingsVersions(programmeId).doc(String(next.version)), next);
    appendAudit(tx, programmeId, `settings-v${next.version}`, {
      at: now,
      actor,
      action: "settings.adopted",
      entity: collections.settingsVersions(programmeId).doc(String(next.version)).path,
      before: { version: current.version },
      after: { version: next.version, effectiveFrom, changes: settingsDiff(current.values, proposal.values) },
      clause: next.clause,
      note: `自 ${effectiveFrom} 起采用第 ${next.version} 版设置：${proposal.reason}`,
    });
    return { version: next.version, effectiveFrom };
  });
}

// GZ-3.4.2 工作小组制定评价指标: staff preview a proposed settings version (problems, a worded diff
// against the version in force, and a what-if on a closed period), and programme administrators
// adopt it from a period that has not been evaluated yet — so no closed period and no approved
// conclusion is ever rescored.
import { refused } from "../domain/errors.js";
import type { Actor } from "../domain/schemas/index.js";
import { packWithSettings, settingsDiff, settingsFor, settingsProblems, type SettingsProposal, type SettingsVersion } from "../domain/settings.js";
import { whatIf, type WhatIfUnit } from "../domain/whatIf.js";
import type { Transaction } from "firebase-admin/firestore";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext, type ProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";

const latest = (versions: readonly SettingsVersion[]) => versions[versions.length - 1]!;

async function load(deps: Deps, programmeId: string, tx?: Transaction) {
  const ctx = await loadProgrammeContext(programmeId, tx, deps.calendar);
  return { ctx, versions: ctx.settings };
}

/** A closed period's evaluations, each with the unit's failed evaluations in other periods. */
async function whatIfUnits(programmeId: string, periodId: string): Promise<WhatIfUnit[]> {
  const [evaluations, failures] = await Promise.all([
    collections.evaluations(programmeId).where("periodId", "==", periodId).get(),
    collections.evaluations(programmeId).where("passed", "==", false).get(),
  ]);
  const failedElsewhere = new Map<string, number>();
  for (const d of failures.docs) {
    const e = d.data();
    if (e.state === "approved" && e.periodId !== periodId) failedElsewhere.set(e.unitId, (failedElsewhere.get(e.unitId) ?? 0) + 1);
  }
  return evaluations.docs.map((d) => d.data()).map((e) => ({ unitId: e.unitId, failedElsewhere: failedElsewhere.get(e.unitId) ?? 0, evaluation: e }));
}

function problemsOf(ctx: ProgrammeContext, versions: readonly SettingsVersion[], proposal: SettingsProposal) {
  return settingsProblems(ctx.pack, latest(versions).values, proposal.values);
}

export async function previewSettings(deps: Deps, proposal: SettingsProposal) {
  const { ctx, versions } = await load(deps, proposal.programmeId);
  const current = latest(versions);
  const result = { currentVersion: current.version, problems: problemsOf(ctx, versions, proposal), diff: settingsDiff(current.values, proposal.values) };
  if (!proposal.whatIfPeriodId) return { ...result, whatIf: null };
  const period = (await collections.periods(proposal.programmeId).doc(proposal.whatIfPeriodId).get()).data();
  if (period?.state !== "closed") refused("WHAT_IF_PERIOD_NOT_CLOSED", proposal.whatIfPeriodId);
  const inForce = settingsFor(versions, proposal.whatIfPeriodId) ?? versions[0]!;
  const units = await whatIfUnits(proposal.programmeId, proposal.whatIfPeriodId);
  return { ...result, whatIf: { periodId: proposal.whatIfPeriodId, ...whatIf(units, packWithSettings(ctx.pack, inForce.values), packWithSettings(ctx.pack, proposal.values)) } };
}

export async function adoptSettings(deps: Deps, proposal: SettingsProposal, actor: Actor) {
  const now = deps.clock();
  const { programmeId, effectiveFrom } = proposal;
  return deps.db.runTransaction(async (tx) => {
    const { ctx, versions } = await load(deps, programmeId, tx);
    const problems = problemsOf(ctx, versions, proposal);
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

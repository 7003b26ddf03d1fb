// A platform calendar administrator enters (or corrects) a year's State Council holiday
// arrangement. It moves working-day deadlines in every programme, so it is one write of the
// arrangement plus one audit entry in each programme's own trail — nobody's deadlines move
// silently — all in one transaction. Then every report deadline that waited for this year is
// counted on it, programme by programme, each in its own trail (periodDeadlines.ts); should that
// step fail midway, the next daily sweep counts what is left, so nothing stays pending unseen.
import { libraryCoveredYears } from "../domain/calendar.js";
import { refused } from "../domain/errors.js";
import { arrangementProblems, type EnterHolidayArrangementRequest } from "../domain/holidayArrangement.js";
import type { Actor } from "../domain/schemas/index.js";
import { policyPacks } from "../domain/policy/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { settlePendingDeadlines } from "./periodDeadlines.js";

export async function enterHolidayArrangement(deps: Deps, input: EnterHolidayArrangementRequest, actor: Actor) {
  if (libraryCoveredYears().includes(input.year)) refused("HOLIDAY_YEAR_BUILT_IN", `${input.year} 年`);
  const problems = arrangementProblems(input);
  if (problems.length > 0) refused("HOLIDAY_ARRANGEMENT_INVALID", problems.join("；"));
  const now = deps.clock();
  const entered = await deps.db.runTransaction(async (tx) => {
    const ref = collections.holidayArrangements().doc(String(input.year));
    const [before, programmes] = await Promise.all([tx.get(ref), tx.get(collections.programmes())]);
    const previous = before.data();
    const revision = previous ? previous.revision + 1 : 0;
    const { note, ...arrangement } = input;
    tx.set(ref, { ...arrangement, note, enteredBy: actor, enteredAt: now, revision });
    for (const p of programmes.docs) {
      // Issue 14 item 10: cited under each programme's own report-deadline clause (its deadlines are counted on this calendar).
      const packId: unknown = p.get("packId");
      const clause = typeof packId === "string" && Object.hasOwn(policyPacks, packId) ? policyPacks[packId]!.clauses.report : undefined;
      appendAudit(tx, p.id, `holidays-${input.year}-r${revision}`, {
        at: now,
        actor,
        action: previous ? "calendar.arrangementCorrected" : "calendar.arrangementEntered",
        entity: ref.path,
        before: previous ? { holidays: previous.holidays, workingDays: previous.workingDays, reference: previous.reference } : undefined,
        after: { holidays: arrangement.holidays, workingDays: arrangement.workingDays, reference: arrangement.reference },
        ...(clause ? { clause } : {}),
        note: `${input.year} 年全国节假日安排（${arrangement.reference}）${previous ? "已更正" : "已录入"}：${note}。本专项的工作日期限按此计算。`,
      });
    }
    return { year: input.year, revision, programmeIds: programmes.docs.map((p) => p.id) };
  });
  const settled = [];
  for (const programmeId of entered.programmeIds) settled.push(await settlePendingDeadlines(deps, programmeId, now, actor));
  return { year: entered.year, revision: entered.revision, programmes: entered.programmeIds.length, settled };
}

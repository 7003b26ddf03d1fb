// The public files an objection to an open notice (GZ-4.6.3, DG-14): no account, so the filing
// is counted against fixed-window limits per network address and per notice, and stored for staff
// as pending. One transaction: the notice is checked first (it exists, is open, the item is in
// it), then the counters are read and checked, then counters, objection and audit entry are
// written together — a refused filing, for whatever reason, writes nothing, not even a counter.
// Nothing here is readable by the public.
import { createHash } from "node:crypto";
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { noticeMachine } from "../domain/notice.machine.js";
import { checkRateLimits, objectionRateLimitRules, rateLimitSubject } from "../domain/rateLimits.js";
import type { fileObjectionRequestSchema, Notice, Objection } from "../domain/schemas/index.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { readNotice } from "../store/notices.js";
import { readRateLimitCounts } from "../store/objections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import type { Deps } from "./deps.js";
import { noticeContext } from "./machineContexts.js";

export type FileObjectionInput = z.infer<typeof fileObjectionRequestSchema>;

/** Who files: the public, known only by the network address the request came from. */
export interface ObjectionFiler {
  address: string;
}

export async function fileObjection(deps: Deps, input: FileObjectionInput, filer: ObjectionFiler) {
  const now = deps.clock();
  const today = shanghaiDate(now);
  return deps.db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(input.programmeId, tx, deps.calendar);
    const { notice } = await readNotice(tx, input.programmeId, input.noticeId);
    // A notice not yet published is, to the public, a notice that does not exist yet.
    if (!notice || notice.state === "scheduled") throw new Refused(refuse("NOTICE_NOT_STARTED"));
    if (notice.state === "closed") throw new Refused(refuse("NOTICE_ENDED", `截止日期 ${notice.endsOn}`));
    const t = noticeMachine.transition(notice.state, { type: "fileObjection" }, noticeContext(ctx, today, notice));
    if (!t.ok) throw new Refused(t);
    const changeId = objectionTarget(notice, input.changeId);
    await consumeObjectionRateLimits(tx, input, filer.address, now);
    const ref = collections.objections(input.programmeId, input.noticeId).doc();
    const objection: Objection = { noticeId: input.noticeId, changeId, filedOn: today, filedAt: now, name: input.name, contact: input.contact, text: input.text, state: "pending" };
    tx.create(ref, objection);
    // Who filed it stays out of the log (personal data lives only in the objection record).
    appendAudit(tx, input.programmeId, `objection-${input.noticeId}-${ref.id}-filed`, { at: now, actor: { uid: "public", role: "public" }, action: "objection.filed", entity: ref.path, after: { state: "pending", changeId }, clause: t.clause });
    return { objectionId: ref.id, state: "pending" as const };
  });
}

/** The item the objection concerns: the one named, or the only one; refused when unclear. */
function objectionTarget(notice: Notice, named: string | undefined): string {
  const itemIds = notice.items.map((i) => i.changeId);
  if (named !== undefined && !itemIds.includes(named)) refused("OBJECTION_TARGET_REQUIRED", `changeId：本次公示不包含该事项（${named}）`);
  return named ?? (itemIds.length === 1 ? itemIds[0]! : refused("OBJECTION_TARGET_REQUIRED", itemIds.join("、")));
}

/** The address is kept only as a hash: enough to count, not to identify. */
const addressHash = (address: string) => createHash("sha256").update(`objection-address:${address}`).digest("hex").slice(0, 32);

/** Inside the filing's transaction, after its checks: counts the filing against every rule, or refuses (resource-exhausted). */
async function consumeObjectionRateLimits(tx: Transaction, input: FileObjectionInput, address: string, now: Date) {
  const rules = objectionRateLimitRules(now, addressHash(rateLimitSubject(address)), input.programmeId, input.noticeId);
  const { refs, counts } = await readRateLimitCounts(tx, rules.map((r) => r.key));
  const refusal = checkRateLimits(rules, counts);
  if (refusal) throw new Refused(refusal);
  refs.forEach((ref, i) => tx.set(ref, { count: counts[i]! + 1, windowKey: rules[i]!.key, updatedAt: now }));
}

// Objections from the public during a notice (GZ-4.6.3, DG-14): no account, so the filing is
// rate-limited per network address and per notice with fixed-window counters (rateLimits,
// closed to every client), then stored for staff as pending. Nothing here is readable by the public.
import { createHash } from "node:crypto";
import { shanghaiDate } from "../domain/dates.js";
import { refuse, Refused, refused } from "../domain/errors.js";
import { noticeMachine } from "../domain/notice.machine.js";
import { checkRateLimits, objectionRateLimitRules } from "../domain/rateLimits.js";
import type { Objection } from "../domain/schemas/index.js";
import { db } from "./admin.js";
import { appendAudit } from "./audit.js";
import { collections } from "./collections.js";
import { loadProgrammeContext } from "./programmeContext.js";

/** The address is kept only as a hash: enough to count, not to identify. */
export const addressHash = (address: string) => createHash("sha256").update(`objection-address:${address}`).digest("hex").slice(0, 32);

/** Counts one attempt against every rule, or refuses (resource-exhausted) without counting. */
export async function consumeObjectionRateLimits(programmeId: string, noticeId: string, address: string, now: Date) {
  const rules = objectionRateLimitRules(now, addressHash(address), programmeId, noticeId);
  await db.runTransaction(async (tx) => {
    const refs = rules.map((r) => collections.rateLimits().doc(r.key));
    const counts = (await tx.getAll(...refs)).map((s) => (s.data() as { count?: number } | undefined)?.count ?? 0);
    const refusal = checkRateLimits(rules, counts);
    if (refusal) throw new Refused(refusal);
    refs.forEach((ref, i) => tx.set(ref, { count: counts[i]! + 1, windowKey: rules[i]!.key, updatedAt: now }));
  });
}

export interface ObjectionInput {
  programmeId: string;
  noticeId: string;
  changeId?: string;
  name?: string;
  contact?: string;
  text: string;
}

export async function fileObjectionAt(req: ObjectionInput, address: string, now: Date) {
  await consumeObjectionRateLimits(req.programmeId, req.noticeId, address, now);
  const today = shanghaiDate(now);
  return db.runTransaction(async (tx) => {
    const ctx = await loadProgrammeContext(req.programmeId, tx);
    const notice = (await tx.get(collections.notices(req.programmeId).doc(req.noticeId))).data();
    // A notice not yet published is, to the public, a notice that does not exist yet.
    if (!notice || notice.state === "scheduled") throw new Refused(refuse("NOTICE_NOT_STARTED"));
    if (notice.state === "closed") throw new Refused(refuse("NOTICE_ENDED", `截止日期 ${notice.endsOn}`));
    const t = noticeMachine.transition(notice.state, { type: "fileObjection" }, { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn, startsOn: notice.startsOn, endsOn: notice.endsOn, pendingObjectionIds: [] });
    if (!t.ok) throw new Refused(t);
    const itemIds = notice.items.map((i) => i.changeId);
    if (req.changeId !== undefined && !itemIds.includes(req.changeId)) refused("OBJECTION_TARGET_REQUIRED", `changeId：本次公示不包含该事项（${req.changeId}）`);
    const changeId = req.changeId ?? (itemIds.length === 1 ? itemIds[0] : undefined);
    if (changeId === undefined) refused("OBJECTION_TARGET_REQUIRED", itemIds.join("、"));
    const ref = collections.objections(req.programmeId, req.noticeId).doc();
    const objection: Objection = {
      noticeId: req.noticeId,
      changeId,
      filedOn: today,
      filedAt: now,
      text: req.text,
      state: "pending",
      ...(req.name ? { name: req.name } : {}),
      ...(req.contact ? { contact: req.contact } : {}),
    };
    tx.create(ref, objection);
    // Who filed it stays out of the log (personal data lives only in the objection record).
    appendAudit(tx, req.programmeId, `objection-${req.noticeId}-${ref.id}-filed`, { at: now, actor: { uid: "public", role: "public" }, action: "objection.filed", entity: ref.path, after: { state: "pending", changeId }, clause: t.clause });
    return { objectionId: ref.id, state: "pending" as const };
  });
}

// Staff decide an objection while the notice is open: upheld (its item is withdrawn when the
// notice closes) or dismissed (GZ-4.6.3, DG-14). The first decision stands. An objector who left
// an e-mail address is mailed the decision (usecases/objectionMail.ts).
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { Refused, refused } from "../domain/errors.js";
import { noticeMachine } from "../domain/notice.machine.js";
import type { Actor, decideObjectionRequestSchema } from "../domain/schemas/index.js";
import { objectionOutcomeWords } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { readNoticeOrRefuse } from "../store/notices.js";
import { readObjection } from "../store/objections.js";
import { inProgrammeTransaction, type Deps } from "./deps.js";
import { noticeContext } from "./machineContexts.js";
import { queueObjectionMail, readObjectionMail } from "./objectionMail.js";

export type DecideObjectionInput = z.infer<typeof decideObjectionRequestSchema>;

export async function decideObjection(deps: Deps, input: DecideObjectionInput, actor: Actor, opts: { webBase?: string } = {}) {
  const { programmeId, noticeId, objectionId } = input;
  return inProgrammeTransaction(deps, programmeId, async (tx, ctx, now) => {
    const notice = await readNoticeOrRefuse(tx, programmeId, noticeId);
    const { ref, objection } = await readObjection(tx, programmeId, noticeId, objectionId);
    if (objection.state !== "pending") refused("ALREADY_DECIDED", `该异议已${objectionOutcomeWords[objection.state]}`);
    const event = { type: "decideObjection" as const, objectionId, upheld: input.upheld, decision: input.decision };
    const t = noticeMachine.transition(notice.state, event, noticeContext(ctx, shanghaiDate(now), notice, [objectionId]));
    if (!t.ok) throw new Refused(t);
    const next = { ...objection, state: input.upheld ? ("upheld" as const) : ("dismissed" as const), decision: input.decision, decidedBy: actor, decidedAt: now };
    const mail = await readObjectionMail(tx, programmeId, ref.path, objection);
    // ---- writes ----
    tx.set(ref, next);
    queueObjectionMail(tx, mail, { programmeId, programmeName: ctx.programme.name, notice, objection: next, objectionPath: ref.path, clause: t.clause, now, ...(opts.webBase ? { webBase: opts.webBase } : {}) });
    appendAudit(tx, programmeId, `objection-${noticeId}-${objectionId}-decided`, {
      at: now,
      actor,
      action: input.upheld ? "objection.upheld" : "objection.dismissed",
      entity: ref.path,
      before: { state: "pending" },
      after: { state: next.state, changeId: objection.changeId ?? null },
      clause: t.clause,
      note: input.decision,
    });
    return { state: next.state };
  });
}

// Staff set aside junk objections to an open notice — many at once, with one reason — as not
// admitted (不予受理, GZ-4.6.3 / DG-14): each is decided with that reason, by whom and when, and
// audited on its own under the notice's clause. Not admitted is a decision like any other, so
// the notice may close once nothing is pending. One transaction: all or none. A replay of the
// same request changes nothing and says so; an objection someone decided otherwise meanwhile
// refuses the whole batch. Each objector who left an e-mail address is mailed the decision.
import type { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { Refused, refused } from "../domain/errors.js";
import { noticeMachine } from "../domain/notice.machine.js";
import type { Actor, notAdmitObjectionsRequestSchema } from "../domain/schemas/index.js";
import { objectionOutcomeWords } from "../domain/words.js";
import { appendAudit } from "../store/audit.js";
import { readNoticeOrRefuse } from "../store/notices.js";
import { readObjectionsById } from "../store/objections.js";
import { inProgrammeTransaction, type Deps } from "./deps.js";
import { noticeContext } from "./machineContexts.js";
import { queueObjectionMail, readObjectionMail } from "./objectionMail.js";

export type NotAdmitObjectionsInput = z.infer<typeof notAdmitObjectionsRequestSchema>;

export async function notAdmitObjections(deps: Deps, input: NotAdmitObjectionsInput, actor: Actor, opts: { webBase?: string } = {}) {
  const { programmeId, noticeId, reason } = input;
  return inProgrammeTransaction(deps, programmeId, async (tx, ctx, now) => {
    const notice = await readNoticeOrRefuse(tx, programmeId, noticeId);
    const found = await readObjectionsById(tx, programmeId, noticeId, input.objectionIds);
    const missing = found.filter((f) => !f.objection).map((f) => f.id);
    if (missing.length) refused("OBJECTION_NOT_FOUND", missing.join("、"));
    const rows = found.map((f) => ({ ...f, objection: f.objection! }));
    // The same batch again: already not admitted with this very reason.
    const replayed = rows.filter((r) => r.objection.state === "notAdmitted" && r.objection.decision === reason).map((r) => r.id);
    const decided = rows.filter((r) => r.objection.state !== "pending" && !replayed.includes(r.id));
    if (decided.length) refused("ALREADY_DECIDED", decided.map((r) => `${r.id} 已${objectionOutcomeWords[r.objection.state as keyof typeof objectionOutcomeWords]}`).join("；"));
    const pending = rows.filter((r) => r.objection.state === "pending");
    if (pending.length === 0) return { notAdmitted: [] as string[], alreadyNotAdmitted: replayed };
    const ids = pending.map((r) => r.id);
    const t = noticeMachine.transition(notice.state, { type: "notAdmitObjections", objectionIds: ids, reason }, noticeContext(ctx, shanghaiDate(now), notice, ids));
    if (!t.ok) throw new Refused(t);
    const mails = await Promise.all(pending.map((r) => readObjectionMail(tx, programmeId, r.ref.path, r.objection)));
    // ---- writes ----
    for (const [i, { id, ref, objection }] of pending.entries()) {
      const next = { ...objection, state: "notAdmitted" as const, decision: reason, decidedBy: actor, decidedAt: now };
      tx.set(ref, next);
      queueObjectionMail(tx, mails[i], { programmeId, programmeName: ctx.programme.name, notice, objection: next, objectionPath: ref.path, clause: t.clause, now, ...(opts.webBase ? { webBase: opts.webBase } : {}) });
      appendAudit(tx, programmeId, `objection-${noticeId}-${id}-notAdmitted`, {
        at: now,
        actor,
        action: "objection.notAdmitted",
        entity: ref.path,
        before: { state: "pending" },
        after: { state: "notAdmitted", changeId: objection.changeId ?? null, batchSize: ids.length },
        clause: t.clause,
        note: reason,
      });
    }
    return { notAdmitted: ids, alreadyNotAdmitted: replayed };
  });
}

// Issue 18: a notification was created → queue one mail per member of its unit who opted in to
// its kind (domain/mailKinds.ts), in the `mail` collection in the format of Firebase's "Trigger
// Email from Firestore" extension, which sends it (locally: scripts/local/mail.ts).
// Idempotent: a mail's id is fixed by programme, notification and member, and one that exists is
// never written again, so a redelivered event (or a notification rewritten by a re-run job, which
// is an update and fires nothing) queues nothing new. A notification, preference or programme it
// cannot read is recorded for staff (jobProblems) and skipped.
import type { Transaction } from "firebase-admin/firestore";
import { mailId, mailMessage, mailRecipients, type MailPreference } from "../domain/mailKinds.js";
import { isMailKind } from "../domain/mailKinds.js";
import { systemActor } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { prepareProblems, ProblemLog, unreadable } from "../store/jobProblems.js";
import type { Deps } from "./deps.js";

export interface NotificationCreation {
  programmeId: string;
  notificationId: string;
  /** Where links in the mail point (the web app's origin); relative links when unknown. */
  webBase?: string;
}

const JOB = "onNotificationCreated";

/** How many mails it queued (0 on a redelivery, a kind not mailed, or nobody opted in). */
export async function queueNotificationMail(deps: Deps, c: NotificationCreation): Promise<number> {
  const now = deps.clock();
  return deps.db.runTransaction(async (tx) => {
    const log = new ProblemLog(); // per attempt
    const planned = await plan(tx, c, log);
    const refs = planned.map((m) => collections.mail().doc(mailId(c.programmeId, c.notificationId, m.to.memberUid)));
    const existing = refs.length ? await tx.getAll(...refs) : [];
    const writeProblems = await prepareProblems(tx, { programmeId: c.programmeId, job: JOB, now, actor: systemActor(JOB) }, log.notes);

    // Writes only from here on.
    writeProblems();
    let queued = 0;
    planned.forEach((m, i) => {
      if (existing[i]!.exists) return;
      tx.create(refs[i]!, { to: m.to.address, message: m.message, programmeId: c.programmeId, notificationId: c.notificationId, unitId: m.to.unitId, memberUid: m.to.memberUid, kind: m.kind, createdAt: now });
      queued++;
    });
    return queued;
  });
}

async function plan(tx: Transaction, c: NotificationCreation, log: ProblemLog) {
  const n = log.read(await tx.get(collections.notifications(c.programmeId).doc(c.notificationId)));
  if (n === unreadable || !n || !n.toUnitId || !isMailKind(n.kind)) return [];
  const kind = n.kind;
  const prefs: MailPreference[] = [];
  for (const d of (await tx.get(collections.mailPreferences(c.programmeId).where("unitId", "==", n.toUnitId))).docs) {
    const p = log.read(d);
    if (p !== unreadable) prefs.push(p);
  }
  const wanting = prefs.filter((p) => p.kinds.includes(kind));
  if (wanting.length === 0) return [];
  const memberSnaps = await tx.getAll(...wanting.map((p) => collections.members(c.programmeId, p.unitId).doc(p.memberUid)));
  const active = new Set<string>();
  memberSnaps.forEach((s, i) => {
    const m = log.read(s);
    if (m && m !== unreadable && !m.removedAt) active.add(wanting[i]!.memberUid);
  });
  const programme = log.read(await tx.get(collections.programmes().doc(c.programmeId)));
  const name = programme && programme !== unreadable ? programme.name : c.programmeId;
  const message = mailMessage(n, name, c.webBase);
  return mailRecipients(kind, n.toUnitId, wanting, active).map((to) => ({ to, kind, message }));
}

// Local e-mail (issue 18): a real SMTP dev inbox (maildev: SMTP, a web page and a JSON API) and a
// small sender that delivers the `mail` queue to it the way Firebase's "Trigger Email from
// Firestore" extension does in production: it picks up each mail that has no `delivery` yet,
// marks it PROCESSING (attempts + 1) in a transaction, so two senders never send one twice,
// sends it over SMTP, and writes back `delivery.state` SUCCESS or ERROR with `error` and
// `endTime`. No code of ours sends mail deployed: the extension does.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { FieldValue, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import nodemailer from "nodemailer";

const require = createRequire(import.meta.url);

export const DEV_MAIL_FROM = "数字化转型牵引单位管理系统（本地） <noreply@traction.local>";

interface MailDevServer {
  listen(cb?: (err?: Error) => void): void;
  close(cb?: (err?: Error) => void): void;
  on(event: string, cb: (...args: unknown[]) => void): void;
}

/** Starts maildev on 127.0.0.1: SMTP on `smtp`, the inbox page and its REST API (/email) on `inbox`. One per process (maildev keeps its store in the module). */
export async function startDevInbox(p: { smtp: number; inbox: number }): Promise<{ url: string; stop: () => Promise<void> }> {
  // maildev's web server has no error handler (a taken port would crash the process) and its SMTP
  // listen never answers on one: so a taken port is found out first, and said.
  for (const port of [p.smtp, p.inbox]) if (!(await portFree(port))) throw new Error(`端口 ${port} 已被占用`);
  const maildev = require("maildev") as (options: Record<string, unknown>) => MailDevServer;
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  const server = maildev({ smtp: p.smtp, web: p.inbox, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
  // maildev exits the process on SIGINT/SIGTERM; whoever started it decides when to stop (npm start saves first).
  for (const sig of ["SIGINT", "SIGTERM"] as const) for (const l of process.listeners(sig)) if (!before[sig].includes(l)) process.off(sig, l);
  await new Promise<void>((res, rej) => server.listen((err) => (err ? rej(err) : res())));
  return { url: `http://127.0.0.1:${p.inbox}/`, stop: () => new Promise<void>((res) => server.close(() => res())) };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const probe = createServer();
    probe.once("error", () => res(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => res(true)));
  });
}

export interface MailSender {
  stop: () => void;
  /** Resolves when every mail seen so far has been handled (for tests). */
  idle: () => Promise<void>;
}

/** Delivers every mail in `mail` without a delivery record to the SMTP server on `smtpPort`. */
export function startMailSender(db: Firestore, smtpPort: number, from = DEV_MAIL_FROM): MailSender {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
  const inFlight = new Set<Promise<void>>();
  const unsubscribe = db.collection("mail").onSnapshot(
    (snap) => {
      for (const change of snap.docChanges()) {
        if (change.type === "removed" || change.doc.get("delivery") !== undefined) continue;
        const job = deliver(db, change.doc.ref, transport, from).finally(() => inFlight.delete(job));
        inFlight.add(job);
      }
    },
    (err) => console.error(`✖ 本地邮件发送程序无法读取 mail 集合：${err.message}`),
  );
  return {
    stop: () => {
      unsubscribe();
      transport.close();
    },
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

async function deliver(db: Firestore, ref: DocumentReference, transport: nodemailer.Transporter, from: string): Promise<void> {
  // Claim it: only the sender that moves it out of "no delivery" sends it.
  const claimed = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists || snap.get("delivery") !== undefined) return undefined;
    tx.update(ref, { delivery: { state: "PROCESSING", attempts: 1, startTime: FieldValue.serverTimestamp(), error: null, leaseExpireTime: null } });
    return snap.data() as { to: string | string[]; message?: { subject?: string; text?: string; html?: string } };
  });
  if (!claimed) return;
  try {
    const info = await transport.sendMail({ from, to: claimed.to, subject: claimed.message?.subject, text: claimed.message?.text, html: claimed.message?.html });
    await ref.update({
      "delivery.state": "SUCCESS",
      "delivery.endTime": FieldValue.serverTimestamp(),
      "delivery.info": { messageId: info.messageId ?? null, accepted: (info.accepted ?? []).map(String), rejected: (info.rejected ?? []).map(String), response: info.response ?? null },
    });
  } catch (err) {
    await ref.update({ "delivery.state": "ERROR", "delivery.endTime": FieldValue.serverTimestamp(), "delivery.error": err instanceof Error ? err.message : String(err) });
  }
}

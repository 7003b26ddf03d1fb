// Issue 18: the notifications that matter outside the app also go out by e-mail. The mail is a
// document in the top-level `mail` collection in the format of Firebase's "Trigger Email from
// Firestore" extension (`to`, `message.subject`, `message.text`, `message.html`); the extension
// (deployed) or scripts/local/mail.ts (locally) sends it. Pure decisions only: which kinds
// are mailed, who of a unit's members gets one, and what it says. A member gets no mail until
// they opt in (an address and the kinds they want). Only notifications to a unit are mailed: the
// staff's own (toStaff, e.g. a rectification turned overdue) have no per-person preferences yet.
// Besides, two mails go to an address a person gave for the purpose (directMailKinds below).
import { dateWord } from "./words.js";

/** Notification kinds that may be mailed, in the order the portal lists them. */
export const mailKinds = ["reportReminder", "reportReturned", "reportRefused", "proceeding", "noticeOpened", "interviewCandidate"] as const;
export type MailKind = (typeof mailKinds)[number];

/** What each kind is called where a member chooses their reminders. */
export const mailKindWords = {
  reportReminder: "报告报送截止提醒（截止前若干个工作日）",
  reportReturned: "报告被退回（附退回理由）",
  reportRefused: "报告未被受理",
  proceeding: "通报批评、整改期限提醒与逾期、清退的提议与生效",
  noticeOpened: "本单位的变更列入公示（公示期内可被提出异议）",
  interviewCandidate: "约谈名单",
} as const satisfies Record<MailKind, string>;

export const isMailKind = (kind: string): kind is MailKind => (mailKinds as readonly string[]).includes(kind);

/**
 * Mail to an address a person gave for the purpose, not a member's preference: the decision on an
 * objection to the objector who left an e-mail address as contact, and a rating link to the pilot
 * enterprise's address staff entered. Queued where the decision or link is made, under a fixed id.
 */
export const directMailKinds = ["objectionDecided", "ratingLink"] as const;
export type DirectMailKind = (typeof directMailKinds)[number];
export const allMailKinds = [...mailKinds, ...directMailKinds] as const;

/** An e-mail address (what the extension can send to); a phone number is not one. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export const isEmailAddress = (s: string | undefined): s is string => s !== undefined && EMAIL_PATTERN.test(s.trim());

/** A direct mail's id: one per programme and subject (the objection, the link), so a replay writes nothing new. */
export const directMailId = (programmeId: string, kind: DirectMailKind, subjectId: string) => `${programmeId}~${kind}~${subjectId}`;

/** GZ-4.6.3 / DG-14: the objector is told the outcome of their objection and the reasons. */
export function objectionDecidedMessage(o: { noticeTitle: string; filedOn: string; outcome: string; reasons: string; clause: string }, programmeName: string, link: string, webBase?: string): MailMessage {
  return mailMessage(
    {
      title: `异议处理结果：${o.noticeTitle}`,
      body: `您于 ${dateWord(o.filedOn)} 对“${o.noticeTitle}”提出的异议已处理（${o.clause}）。\n处理结果：${o.outcome}\n处理意见：${o.reasons.trim()}`,
      link,
    },
    programmeName,
    webBase,
  );
}

/** GZ-3.3 / DG-16.3: a pilot enterprise is asked to rate the unit serving it, by a one-use link valid until a day. */
export function ratingLinkMessage(r: { enterpriseName: string; unitName: string; periodWord: string; expiresOn: string }, programmeName: string, link: string, webBase?: string): MailMessage {
  return mailMessage(
    {
      title: `请对${r.unitName}的服务进行评价`,
      body: `${r.enterpriseName}：\n请对牵引单位${r.unitName}${r.periodWord}为贵企业提供的数字化转型服务进行满意度评价。评价链接仅可使用一次，有效期至 ${dateWord(r.expiresOn)}。`,
      link,
    },
    programmeName,
    webBase,
  );
}

/** A member's choice: where to write and which kinds. */
export interface MailPreference {
  memberUid: string;
  unitId: string;
  address: string;
  kinds: readonly string[];
}

/** Who of the unit's members gets a mail of `kind`: opted in to it, still a member, each once. */
export function mailRecipients(kind: string, unitId: string, prefs: readonly MailPreference[], activeMembers: ReadonlySet<string>): MailPreference[] {
  if (!isMailKind(kind)) return [];
  const seen = new Set<string>();
  return prefs.filter((p) => {
    if (p.unitId !== unitId || !activeMembers.has(p.memberUid) || !p.kinds.includes(kind) || seen.has(p.memberUid)) return false;
    seen.add(p.memberUid);
    return true;
  });
}

/** The mail's id: one per notification and member, so a redelivered event writes nothing new. */
export const mailId = (programmeId: string, notificationId: string, memberUid: string) => `${programmeId}~${notificationId}~${memberUid}`;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

/** The message for one notification: subject with the programme's name, body, link (absolute when a base is known). */
export function mailMessage(n: { title: string; body: string; link?: string }, programmeName: string, webBase?: string): MailMessage {
  const link = n.link ? (webBase ? `${webBase.replace(/\/+$/, "")}${n.link}` : n.link) : undefined;
  const footer = "此邮件由数字化转型牵引单位管理系统自动发送；如不再需要，可在单位门户的“邮件提醒”中修改。";
  const text = [n.title, "", n.body, ...(link ? ["", `查看详情：${link}`] : []), "", `——${programmeName}`, footer].join("\n");
  const paragraphs = n.body.split(/\n+/).map((line) => `<p>${escapeHtml(line)}</p>`).join("");
  const html = [
    `<h2>${escapeHtml(n.title)}</h2>`,
    paragraphs,
    link ? `<p><a href="${escapeHtml(link)}">查看详情</a></p>` : "",
    `<p>——${escapeHtml(programmeName)}</p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
  ].join("");
  return { subject: `【${programmeName}】${n.title}`, text, html };
}

// Issue 18: e-mail. A member's mail preferences (programmes/{p}/mailPreferences/{uid}, written by
// setMailPreferences for the caller only) and the queued mail (top-level `mail`, the format of
// Firebase's "Trigger Email from Firestore" extension plus our own fields, which it ignores).
import { z } from "zod";
import { allMailKinds, EMAIL_PATTERN, mailKinds } from "../mailKinds.js";
import { actorSchema, enumOf, idOf, instant } from "./common.js";

export const emailAddress = (field: string) =>
  z
    .string({ error: `${field}必须是文字` })
    .trim()
    .min(1, `${field}不能为空`)
    .max(254, `${field}过长`)
    .regex(EMAIL_PATTERN, `${field}不是有效的电子邮箱地址`);

const kindList = z.array(enumOf("提醒类型", mailKinds), { error: "提醒类型必须是列表" }).max(mailKinds.length, "提醒类型过多");

export const mailPreferenceSchema = z.object({
  memberUid: idOf("成员账号编号"),
  unitId: idOf("牵引单位编号"),
  address: emailAddress("邮箱地址"),
  /** The kinds this member wants by mail; empty = none. */
  kinds: kindList,
  updatedAt: instant("修改时间"),
  updatedBy: actorSchema,
});
export type MailPreferenceRecord = z.infer<typeof mailPreferenceSchema>;

/** A member sets their own preferences: an address and the kinds (an empty list opts out). */
export const setMailPreferencesRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  address: emailAddress("邮箱地址"),
  kinds: kindList,
});

/** The extension's delivery record, which it (or the local sender) writes back. */
export const mailDeliverySchema = z.object({
  state: z.enum(["PENDING", "PROCESSING", "RETRY", "SUCCESS", "ERROR"]),
  attempts: z.number().int().min(0),
  error: z.string().nullable().optional(),
  startTime: instant("开始时间").optional(),
  endTime: instant("结束时间").optional(),
  leaseExpireTime: instant("租约到期时间").nullable().optional(),
  info: z.unknown().optional(),
});

export const mailSchema = z.object({
  to: emailAddress("收件地址"),
  message: z.object({ subject: z.string().min(1), text: z.string(), html: z.string() }),
  programmeId: idOf("专项编号"),
  /** A member's mail: the notification it carries, the unit and the member (absent on a direct mail). */
  notificationId: idOf("通知编号").optional(),
  unitId: idOf("牵引单位编号").optional(),
  memberUid: idOf("成员账号编号").optional(),
  /** A direct mail (directMailKinds): the record it tells of (the objection, the rating link). */
  subjectPath: z.string().max(500).optional(),
  kind: enumOf("提醒类型", allMailKinds),
  createdAt: instant("创建时间"),
  delivery: mailDeliverySchema.optional(),
});
export type Mail = z.infer<typeof mailSchema>;

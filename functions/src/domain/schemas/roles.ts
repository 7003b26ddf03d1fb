// Granting roles (custom claims). Staff are reviewers or administrators of one programme; a unit
// member belongs to exactly one unit. "none" removes the person's role in the programme.
import { z } from "zod";
import { enumOf, idOf, instant } from "./common.js";

export const roleGrantSchema = enumOf("角色", ["reviewer", "admin", "unitMember", "none"] as const);

export const grantRoleRequestSchema = z
  .object({
    programmeId: idOf("专项编号"),
    email: z.email({ error: "电子邮箱格式不正确" }).max(254, "电子邮箱过长"),
    role: roleGrantSchema,
    unitId: idOf("牵引单位编号").optional(),
  })
  .refine((r) => r.role !== "unitMember" || r.unitId !== undefined, { message: "授予牵引单位成员角色时须指定牵引单位", path: ["unitId"] });
export type GrantRoleRequest = z.infer<typeof grantRoleRequestSchema>;

export type StaffLevel = "reviewer" | "admin";

/** An account's custom claims: what firestore.rules and the callables read, without document reads. */
export interface Claims {
  staff?: Record<string, StaffLevel>;
  unit?: { programmeId: string; unitId: string };
  /** Platform role above the programmes: enters the national holiday calendar every programme counts on. */
  calendarAdmin?: boolean;
}

/**
 * tokenRevocations/{uid}: grantRole revokes a person's refresh tokens whenever it
 * changes their role, and records here when. A session that signed in before (ID token
 * `auth_time` < `tokensValidAfter`) may still hold the old claims for up to an hour: firestore.rules
 * and the functions give it no role.
 */
export const tokenRevocationSchema = z.object({
  /** The Auth user's tokensValidAfterTime, in whole seconds since the epoch (as `auth_time` is). */
  tokensValidAfter: z.number().int().min(0),
  revokedAt: instant("撤销时间"),
});
export type TokenRevocation = z.infer<typeof tokenRevocationSchema>;

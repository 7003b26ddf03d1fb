// Granting roles (custom claims). Staff are reviewers or administrators of one programme; a unit
// member belongs to exactly one unit. "none" removes the person's role in the programme.
import { z } from "zod";
import { enumOf, idOf } from "./common.js";

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

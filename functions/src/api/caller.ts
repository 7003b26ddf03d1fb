// Who is calling, from the verified ID token's custom claims (the same claims firestore.rules
// reads). Each check refuses with a Chinese message and the matching HttpsError code.
import type { CallableRequest } from "firebase-functions/v2/https";
import { refused } from "../domain/errors.js";
import type { Claims, StaffLevel } from "../domain/schemas/roles.js";

export interface Caller {
  uid: string;
  name?: string;
  claims: Claims;
}

export function callerOf(auth: CallableRequest["auth"]): Caller | undefined {
  if (!auth) return undefined;
  const t = auth.token as Record<string, unknown>;
  return { uid: auth.uid, name: typeof t.name === "string" ? t.name : undefined, claims: { staff: t.staff as Claims["staff"], unit: t.unit as Claims["unit"], calendarAdmin: t.calendarAdmin === true } };
}

export function requireSignedIn(auth: CallableRequest["auth"]): Caller {
  return callerOf(auth) ?? refused("NOT_SIGNED_IN");
}

/** Staff of this programme; `admin` where only an administrator may act (granting roles). */
export function requireStaff(auth: CallableRequest["auth"], programmeId: string, level: StaffLevel = "reviewer"): Caller {
  const caller = requireSignedIn(auth);
  const has = caller.claims.staff?.[programmeId];
  if (!has || (level === "admin" && has !== "admin")) refused(level === "admin" ? "ADMIN_ONLY" : "STAFF_ONLY");
  return caller;
}

/** The platform calendar administrator (custom claim `calendarAdmin`, granted at deployment). */
export function requireCalendarAdmin(auth: CallableRequest["auth"]): Caller {
  const caller = requireSignedIn(auth);
  if (!caller.claims.calendarAdmin) refused("CALENDAR_ADMIN_ONLY");
  return caller;
}

/** A member of a unit of this programme; returns the unit. */
export function requireMember(auth: CallableRequest["auth"], programmeId: string): Caller & { unitId: string } {
  const caller = requireSignedIn(auth);
  const unit = caller.claims.unit;
  if (!unit || unit.programmeId !== programmeId) refused("MEMBER_ONLY");
  return { ...caller, unitId: unit.unitId };
}

export const staffActor = (c: Caller) => ({ uid: c.uid, role: "staff" as const, ...(c.name ? { name: c.name } : {}) });
export const memberActor = (c: Caller) => ({ uid: c.uid, role: "unitMember" as const, ...(c.name ? { name: c.name } : {}) });

// An administrator makes a person a reviewer, an administrator or a unit member of a programme,
// or takes the role away. Roles are custom claims, so firestore.rules can check them without
// reads; the change is audited with before/after, and membership is kept as a record with its
// history (it ends as a state, not a deletion).
import type { UserRecord } from "firebase-admin/auth";
import { refused } from "../domain/errors.js";
import type { Actor } from "../domain/schemas/index.js";
import type { Claims, GrantRoleRequest } from "../domain/schemas/roles.js";
import { auth } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import type { Deps } from "./deps.js";
import { loadProgrammeContext } from "../store/programmeContext.js";

export async function grantRole(deps: Deps, input: GrantRoleRequest, actor: Actor) {
  const user = await auth.getUserByEmail(input.email).catch(() => refused("ACCOUNT_NOT_FOUND", input.email));
  if (user.uid === actor.uid) refused("OWN_ROLE");
  const before = (user.customClaims ?? {}) as Claims;
  const after = await claimsAfterGrant(before, input);
  const tokensValidAfter = await applyClaims(user.uid, after);
  await recordGrant(deps, input, user, { before, after, tokensValidAfter }, actor);
  return { uid: user.uid, role: input.role };
}

/** This programme's role replaced, other programmes' kept; one account holds one kind of role only. */
async function claimsAfterGrant(before: Claims, input: GrantRoleRequest): Promise<Claims> {
  const staff = { ...(before.staff ?? {}) };
  delete staff[input.programmeId];
  let unit = before.unit?.programmeId === input.programmeId ? undefined : before.unit;
  if (input.role === "reviewer" || input.role === "admin") {
    if (unit) refused("ROLE_CONFLICT", "该账号已是其他专项牵引单位的成员");
    staff[input.programmeId] = input.role;
  } else if (input.role === "unitMember") {
    if (Object.keys(staff).length > 0) refused("ROLE_CONFLICT", "该账号是工作人员");
    if (unit) refused("ROLE_CONFLICT", "该账号已是其他专项牵引单位的成员");
    if (!(await collections.units(input.programmeId).doc(input.unitId!).get()).exists) refused("UNIT_NOT_FOUND", input.unitId);
    unit = { programmeId: input.programmeId, unitId: input.unitId! };
  }
  return { ...(Object.keys(staff).length ? { staff } : {}), ...(unit ? { unit } : {}), ...(before.calendarAdmin ? { calendarAdmin: true } : {}) };
}

/**
 * New claims, and every session of the person revoked: an ID token keeps the claims it was issued
 * with for up to an hour and its session could refresh it. Returns the revocation time in whole
 * seconds (as `auth_time` is): the rules and the functions refuse a session that signed in before.
 */
async function applyClaims(uid: string, claims: Claims): Promise<number> {
  await auth.setCustomUserClaims(uid, claims);
  await auth.revokeRefreshTokens(uid);
  const validAfter = Date.parse((await auth.getUser(uid)).tokensValidAfterTime ?? "");
  return Math.floor((Number.isNaN(validAfter) ? Date.now() : validAfter) / 1000);
}

/** Membership records and the audit entry, in one transaction. */
async function recordGrant(deps: Deps, input: GrantRoleRequest, user: UserRecord, claims: { before: Claims; after: Claims; tokensValidAfter: number }, actor: Actor) {
  const { programmeId } = input;
  const now = deps.clock();
  const unitIn = (c: Claims) => (c.unit?.programmeId === programmeId ? c.unit.unitId : undefined);
  const [previousUnit, unitNow] = [unitIn(claims.before), unitIn(claims.after)];
  const name = user.displayName ?? input.email;
  await deps.db.runTransaction(async (tx) => {
    const { pack } = await loadProgrammeContext(programmeId, tx, deps.calendar);
    if (previousUnit && previousUnit !== unitNow) {
      const ref = collections.members(programmeId, previousUnit).doc(user.uid);
      const prior = (await tx.get(ref)).data();
      tx.set(ref, { uid: user.uid, name, addedAt: prior?.addedAt ?? now, removedAt: now });
    }
    if (unitNow && input.role === "unitMember") tx.set(collections.members(programmeId, unitNow).doc(user.uid), { uid: user.uid, name, addedAt: now });
    tx.set(collections.tokenRevocations().doc(user.uid), { tokensValidAfter: claims.tokensValidAfter, revokedAt: now });
    appendAudit(tx, programmeId, `role-${user.uid}-${now.getTime()}`, {
      at: now,
      actor,
      action: "role.granted",
      entity: `users/${user.uid}`,
      before: { staff: claims.before.staff?.[programmeId] ?? null, unit: previousUnit ?? null },
      after: { staff: claims.after.staff?.[programmeId] ?? null, unit: unitNow ?? null },
      clause: pack.clauses.workGroup,
    });
  });
}

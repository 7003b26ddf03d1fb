// Staff-only: make a person a reviewer, an administrator or a unit member of a programme, or
// take the role away. Roles are custom claims, so firestore.rules can check them without reads;
// the change is audited with before/after, and membership is kept as a record with its history.
import { auth, db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { grantRoleRequestSchema } from "../domain/schemas/roles.js";
import { requireStaff, staffActor, type Claims } from "./caller.js";
import { validatedOnCall } from "./validatedOnCall.js";
import { refused } from "../domain/errors.js";

export const grantRole = validatedOnCall("grantRole", grantRoleRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId, "admin");
  const user = await auth.getUserByEmail(req.email).catch(() => refused("ACCOUNT_NOT_FOUND", req.email));
  if (user.uid === caller.uid) refused("OWN_ROLE");

  const before = (user.customClaims ?? {}) as Claims;
  const staff = { ...(before.staff ?? {}) };
  delete staff[req.programmeId];
  let unit = before.unit?.programmeId === req.programmeId ? undefined : before.unit;

  if (req.role === "reviewer" || req.role === "admin") {
    if (unit) refused("ROLE_CONFLICT", "该账号已是其他专项牵引单位的成员");
    staff[req.programmeId] = req.role;
  } else if (req.role === "unitMember") {
    if (Object.keys(staff).length > 0) refused("ROLE_CONFLICT", "该账号是工作小组成员");
    if (unit) refused("ROLE_CONFLICT", "该账号已是其他专项牵引单位的成员");
    const unitSnap = await collections.units(req.programmeId).doc(req.unitId!).get();
    if (!unitSnap.exists) refused("UNIT_NOT_FOUND", req.unitId);
    unit = { programmeId: req.programmeId, unitId: req.unitId! };
  }

  const after: Claims = { ...(Object.keys(staff).length ? { staff } : {}), ...(unit ? { unit } : {}) };
  await auth.setCustomUserClaims(user.uid, after);

  const now = new Date();
  const previousUnit = before.unit?.programmeId === req.programmeId ? before.unit.unitId : undefined;
  await db.runTransaction(async (tx) => {
    const name = user.displayName ?? req.email;
    if (previousUnit && previousUnit !== unit?.unitId) {
      // Membership ends as a state, not a deletion.
      const ref = collections.members(req.programmeId, previousUnit).doc(user.uid);
      const prior = (await tx.get(ref)).data();
      tx.set(ref, { uid: user.uid, name, addedAt: prior?.addedAt ?? now, removedAt: now });
    }
    if (req.role === "unitMember") tx.set(collections.members(req.programmeId, req.unitId!).doc(user.uid), { uid: user.uid, name, addedAt: now });
    appendAudit(tx, req.programmeId, `role-${user.uid}-${now.getTime()}`, {
      at: now,
      actor: staffActor(caller),
      action: "role.granted",
      entity: `users/${user.uid}`,
      before: { staff: before.staff?.[req.programmeId] ?? null, unit: previousUnit ?? null },
      after: { staff: staff[req.programmeId] ?? null, unit: unit?.programmeId === req.programmeId ? unit.unitId : null },
      clause: "GZ-2.1",
    });
  });
  return { uid: user.uid, role: req.role };
});

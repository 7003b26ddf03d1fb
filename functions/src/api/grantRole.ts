// Staff-only: make a person a reviewer, an administrator or a unit member of a programme, or
// take the role away. Roles are custom claims, so firestore.rules can check them without reads;
// the change is audited with before/after, and membership is kept as a record with its history.
// Every change revokes the person's sessions (issue 16.5), recorded in tokenRevocations/{uid}.
import { auth, db } from "../store/admin.js";
import { appendAudit } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { converter } from "../store/converter.js";
import { grantRoleRequestSchema, tokenRevocationSchema } from "../domain/schemas/roles.js";
import { requireStaff, staffActor, type Claims } from "./caller.js";
import { fail } from "./errors.js";
import { validatedOnCall } from "./validatedOnCall.js";

// Read by firestore.rules (sessionCurrent) by this path. Belongs in store/collections.ts once
// the use-case layer moves there.
const tokenRevocations = () => db.collection("tokenRevocations").withConverter(converter(tokenRevocationSchema));

export const grantRole = validatedOnCall("grantRole", grantRoleRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId, "admin");
  const user = await auth.getUserByEmail(req.email).catch(() => fail("not-found", `未找到账号：${req.email}。请先让其注册登录一次。`));
  if (user.uid === caller.uid) fail("failed-precondition", "不能修改自己的角色，请由另一位管理员操作。");

  const before = (user.customClaims ?? {}) as Claims;
  const staff = { ...(before.staff ?? {}) };
  delete staff[req.programmeId];
  let unit = before.unit?.programmeId === req.programmeId ? undefined : before.unit;

  if (req.role === "reviewer" || req.role === "admin") {
    if (unit) fail("failed-precondition", "该账号已是其他专项牵引单位的成员：工作小组成员与牵引单位成员须使用不同账号。");
    staff[req.programmeId] = req.role;
  } else if (req.role === "unitMember") {
    if (Object.keys(staff).length > 0) fail("failed-precondition", "该账号是工作小组成员：工作小组成员与牵引单位成员须使用不同账号。");
    if (unit) fail("failed-precondition", "该账号已是其他专项牵引单位的成员，一个账号只能属于一个牵引单位。");
    const unitSnap = await collections.units(req.programmeId).doc(req.unitId!).get();
    if (!unitSnap.exists) fail("not-found", `本专项中没有编号为 ${req.unitId} 的牵引单位。`);
    unit = { programmeId: req.programmeId, unitId: req.unitId! };
  }

  const after: Claims = { ...(Object.keys(staff).length ? { staff } : {}), ...(unit ? { unit } : {}) };
  await auth.setCustomUserClaims(user.uid, after);
  // An ID token keeps the claims it was issued with for up to an hour, and its session could
  // refresh it: revoke the refresh tokens, and record when, so that the rules and the functions
  // refuse tokens whose session signed in before (auth_time < tokensValidAfter, the comparison
  // verifyIdToken(token, true) makes). The person signs in again and gets the new claims.
  await auth.revokeRefreshTokens(user.uid);
  const validAfter = Date.parse((await auth.getUser(user.uid)).tokensValidAfterTime ?? "");

  const now = new Date();
  const tokensValidAfter = Math.floor((Number.isNaN(validAfter) ? now.getTime() : validAfter) / 1000);
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
    tx.set(tokenRevocations().doc(user.uid), { tokensValidAfter, revokedAt: now });
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

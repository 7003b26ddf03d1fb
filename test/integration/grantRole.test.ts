// Roles are custom claims granted only by a programme's administrator, through a callable that
// validates its input, refuses in Chinese, and audits every change.
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";

const NEWCOMER = "newcomer@example.com";

describe("grantRole callable", () => {
  beforeAll(async () => {
    await clearFirestore();
    const handles = admin();
    await seedDemo(handles);
    await handles.auth.deleteUser("newcomer").catch(() => undefined);
    await handles.auth.createUser({ uid: "newcomer", email: NEWCOMER, password: DEMO_PASSWORD, displayName: "新联络员" });
  });
  afterAll(closeClients);

  it("GZ-2.1: an administrator makes a person a unit member; the claim, the membership record and an audit entry follow", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "unitMember", unitId: "gz-u02" })).resolves.toEqual({ uid: "newcomer", role: "unitMember" });

    const { auth, db } = admin();
    expect((await auth.getUser("newcomer")).customClaims).toEqual({ unit: { programmeId: "gz-2025", unitId: "gz-u02" } });
    expect((await db.doc("programmes/gz-2025/units/gz-u02/members/newcomer").get()).data()).toMatchObject({ uid: "newcomer", name: "新联络员" });
    const audit = await db.collection("programmes/gz-2025/audit").where("entity", "==", "users/newcomer").get();
    expect(audit.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ action: "role.granted", actor: expect.objectContaining({ uid: "staff-gz", role: "staff" }), before: { staff: null, unit: null }, after: { staff: null, unit: "gz-u02" }, clause: "GZ-2.1" }),
    ]);

    // The new member can now sign in and read its unit.
    const member = await signedInClient(NEWCOMER, DEMO_PASSWORD);
    const unit = await getDoc(doc(member.db, "programmes/gz-2025/units/gz-u02"));
    expect(unit.data()?.name).toBe("羊城云数信息（演示）有限公司");
  });

  it("GZ-2.1: removing a member keeps the membership record with its end date (nothing deleted); issue 16.5: the session it had open loses the role at once", async () => {
    // Signed in before the change: its ID token carries the unit claim for up to an hour.
    const session = await signedInClient(NEWCOMER, DEMO_PASSWORD);
    await getDoc(doc(session.db, "programmes/gz-2025/units/gz-u02"));
    // auth_time counts whole seconds: let the change fall in a later second than that sign-in.
    await new Promise((r) => setTimeout(r, 1100));

    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await staff.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "none" });
    const { auth, db } = admin();
    expect((await auth.getUser("newcomer")).customClaims).toEqual({});
    const member = (await db.doc("programmes/gz-2025/units/gz-u02/members/newcomer").get()).data();
    expect(member?.removedAt).toBeDefined();

    // The refresh tokens are revoked, and when is recorded where the rules read it.
    const validAfter = Math.floor(Date.parse((await auth.getUser("newcomer")).tokensValidAfterTime!) / 1000);
    expect((await db.doc("tokenRevocations/newcomer").get()).data()).toMatchObject({ tokensValidAfter: validAfter });
    await expect(getDoc(doc(session.db, "programmes/gz-2025/units/gz-u02"))).rejects.toMatchObject({ code: "permission-denied" });
  });

  it("a unit member cannot grant roles (permission-denied, in Chinese)", async () => {
    const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
    await expect(member.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "admin" })).rejects.toMatchObject({ code: "functions/permission-denied", message: "只有本专项的管理员可以执行此操作。" });
  });

  it("staff of another programme cannot grant roles here", async () => {
    const other = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
    await expect(other.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "reviewer" })).rejects.toMatchObject({ code: "functions/permission-denied" });
  });

  it("bad input is refused with the field named in Chinese and nothing changes", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("grantRole", { programmeId: "gz-2025", email: "not-an-email", role: "boss" })).rejects.toMatchObject({
      code: "functions/invalid-argument",
      message: expect.stringMatching(/电子邮箱格式不正确.*角色的取值无效/),
    });
    await expect(staff.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "unitMember" })).rejects.toMatchObject({
      code: "functions/invalid-argument",
      message: "unitId：授予牵引单位成员角色时须指定牵引单位",
    });
    expect((await admin().auth.getUser("newcomer")).customClaims).toEqual({});
  });

  it("a unit that does not exist is refused", async () => {
    const staff = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    await expect(staff.call("grantRole", { programmeId: "gz-2025", email: NEWCOMER, role: "unitMember", unitId: "no-such-unit" })).rejects.toMatchObject({ code: "functions/not-found" });
  });
});

// Who reads a member's e-mail choices and the mail queue, in the grid's manner: every role tries
// get, list, create, update and delete. Only the member reads their own preferences (also before
// any exist); nobody else — not the programme's staff, not another member of the same unit. No
// client writes them (setMailPreferences does). The `mail` queue (the Trigger Email extension's
// collection) is closed to every client: it holds addresses, and a client that could write it
// could send mail.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { contextOf, startRulesEnv, P, type Role } from "./roles.js";

// A project of its own, so these seeds never meet the other rules suites'.
const PROJECT = "demo-rules-mail";
const PREFS = `programmes/${P}/mailPreferences/member-a`;
const MAIL = "mail/gz~n1~member-a";

const ROLES: Role[] = ["anonymous", "reviewer", "admin", "otherProgrammeStaff", "owner", "sameUnitMember", "otherUnitMember", "ownerInOtherProgramme"];

let env: RulesTestEnvironment;
const modular = (db: unknown) => db as Firestore;

const contextFor = (role: Role) => contextOf(env, role);
const dbAs = (role: Role) => modular(contextFor(role).firestore());

const prefs = { memberUid: "member-a", unitId: "unit-a", address: "a@example.com", kinds: ["reportReminder"], updatedAt: new Date("2025-09-01T02:00:00Z"), updatedBy: { uid: "member-a", role: "unitMember" } };
const mail = { to: "a@example.com", message: { subject: "s", text: "t", html: "<p>t</p>" }, programmeId: P, notificationId: "n1", unitId: "unit-a", memberUid: "member-a", kind: "reportReminder", createdAt: new Date("2025-09-01T02:00:00Z") };

beforeAll(async () => {
  env = await startRulesEnv(PROJECT, async (db) => {
    await setDoc(doc(db, `programmes/${P}`), { name: "广州", endsOn: null });
    await setDoc(doc(db, PREFS), prefs);
    await setDoc(doc(db, MAIL), mail);
  });
});
afterAll(() => env.cleanup());

const verdict = (allowed: boolean) => (allowed ? "allowed" : "denied");

describe("rules: mail preferences and the mail queue", () => {
  for (const role of ROLES) {
    const canRead = role === "owner";
    it(`mail: mailPreferences · ${role} · get ${verdict(canRead)}`, async () => {
      const p = getDoc(doc(dbAs(role), PREFS));
      await (canRead ? assertSucceeds(p) : assertFails(p));
    });
    it(`mail: mailPreferences · ${role} · list denied`, async () => {
      await assertFails(getDocs(query(collection(dbAs(role), `programmes/${P}/mailPreferences`), where("unitId", "==", "unit-a"))));
    });
    it(`mail: mailPreferences · ${role} · create, update, delete denied`, async () => {
      await assertFails(setDoc(doc(dbAs(role), `programmes/${P}/mailPreferences/uid-${role}`), { ...prefs, memberUid: `uid-${role}` }));
      await assertFails(updateDoc(doc(dbAs(role), PREFS), { address: "evil@example.com" }));
      await assertFails(deleteDoc(doc(dbAs(role), PREFS)));
    });
    it(`mail: mail · ${role} · get, list, create, update, delete denied`, async () => {
      await assertFails(getDoc(doc(dbAs(role), MAIL)));
      await assertFails(getDocs(query(collection(dbAs(role), "mail"), where("memberUid", "==", "member-a"))));
      await assertFails(setDoc(doc(dbAs(role), `mail/forged-${role}`), { ...mail, to: "victim@example.com" }));
      await assertFails(updateDoc(doc(dbAs(role), MAIL), { to: "evil@example.com" }));
      await assertFails(deleteDoc(doc(dbAs(role), MAIL)));
    });
  }

  it("mail: a member reads their own preferences before they exist (the portal asks)", async () => {
    await assertSucceeds(getDoc(doc(dbAs("sameUnitMember"), `programmes/${P}/mailPreferences/member-a2`)));
  });
});

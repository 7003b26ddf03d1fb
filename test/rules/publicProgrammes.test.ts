// The public projection of the programmes (publicProgrammes/{id}: name and city), in the grid's
// manner: every role — the public too — may get and list it, as the public notices page does;
// no client creates, changes or deletes it. The programme document itself stays closed to the
// public: the projection is how the public learns which cities there are, and nothing more.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { contextOf, startRulesEnv, P, type Role } from "./roles.js";

// A project of its own, so these seeds never meet the grid's (files run one after another).
const PROJECT = "demo-rules-public-programmes";

const ROLES: Role[] = ["anonymous", "reviewer", "admin", "otherProgrammeStaff", "member", "enterpriseToken"];

let env: RulesTestEnvironment;
const modular = (db: unknown) => db as Firestore;

const contextFor = (role: Role) => contextOf(env, role);
const dbAs = (role: Role) => modular(contextFor(role).firestore());

beforeAll(async () => {
  env = await startRulesEnv(PROJECT, async (db) => {
    await setDoc(doc(db, `programmes/${P}`), { name: "广州试点", city: "广州", packId: "guangzhou", endsOn: null, calendarOverrides: { restDays: [], workingDays: [], coveredYears: [] } });
    await setDoc(doc(db, `publicProgrammes/${P}`), { name: "广州试点", city: "广州" });
    await setDoc(doc(db, "publicProgrammes/dg"), { name: "东莞试点", city: "东莞" });
  });
});
afterAll(() => env.cleanup());

describe("rules: publicProgrammes", () => {
  for (const role of ROLES) {
    it(`public page: publicProgrammes · ${role} · get allowed`, async () => {
      await assertSucceeds(getDoc(doc(dbAs(role), `publicProgrammes/${P}`)));
    });
    it(`public page: publicProgrammes · ${role} · list allowed`, async () => {
      await assertSucceeds(getDocs(collection(dbAs(role), "publicProgrammes")));
    });
    it(`public page: publicProgrammes · ${role} · create denied`, async () => {
      await assertFails(setDoc(doc(dbAs(role), "publicProgrammes/fake"), { name: "冒名专项", city: "冒名" }));
    });
    it(`public page: publicProgrammes · ${role} · update denied`, async () => {
      await assertFails(updateDoc(doc(dbAs(role), `publicProgrammes/${P}`), { name: "改写" }));
    });
    it(`public page: publicProgrammes · ${role} · delete denied`, async () => {
      await assertFails(deleteDoc(doc(dbAs(role), `publicProgrammes/${P}`)));
    });
  }
});

describe("rules: the programme itself stays closed to the public", () => {
  it("the public can neither list the programmes nor get one", async () => {
    await assertFails(getDocs(collection(dbAs("anonymous"), "programmes")));
    await assertFails(getDoc(doc(dbAs("anonymous"), `programmes/${P}`)));
  });
  it("no role lists the programmes", async () => {
    for (const role of ROLES) await assertFails(getDocs(collection(dbAs(role), "programmes")));
  });
});

// The public verification record of a decision document (verifications/{id}): every role — the
// public too — may get one by its id, as the /verify page does; no one may list them (the ids are
// printed only in the documents themselves), and no client creates, changes or deletes one. The
// record holds only what the document itself shows: title, programme, issue date and SHA-256.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verificationSchema } from "../../functions/src/domain/schemas/documents.js";
import { contextOf, startRulesEnv, type Role } from "./roles.js";

const PROJECT = "demo-rules-verifications";
const ROLES: Role[] = ["anonymous", "reviewer", "admin", "otherProgrammeStaff", "member", "enterpriseToken"];
const ID = "0123456789abcdef0123456789abcdef";
const RECORD = { title: "通报批评及限期整改通知", programmeName: "广州试点", issuedOn: "2026-11-02", sha256: "a".repeat(64) };

let env: RulesTestEnvironment;
const dbAs = (role: Role) => contextOf(env, role).firestore() as unknown as Firestore;

beforeAll(async () => {
  env = await startRulesEnv(PROJECT, async (db) => {
    await setDoc(doc(db, `verifications/${ID}`), RECORD);
  });
});
afterAll(() => env.cleanup());

describe("rules: verifications", () => {
  it("the record's schema holds exactly title, programme name, issue date and SHA-256", () => {
    expect(Object.keys(verificationSchema.shape).sort()).toEqual(["issuedOn", "programmeName", "sha256", "title"]);
    // Anything else given to it is dropped, never stored.
    expect(Object.keys(verificationSchema.parse({ ...RECORD, unitName: "甲公司", unitId: "u1" })).sort()).toEqual(["issuedOn", "programmeName", "sha256", "title"]);
  });
  for (const role of ROLES) {
    it(`verify page: verifications · ${role} · get allowed`, async () => {
      const snap = await assertSucceeds(getDoc(doc(dbAs(role), `verifications/${ID}`)));
      expect(snap.data()).toEqual(RECORD);
    });
    it(`verify page: verifications · ${role} · list denied`, async () => {
      await assertFails(getDocs(collection(dbAs(role), "verifications")));
    });
    it(`verify page: verifications · ${role} · create denied`, async () => {
      await assertFails(setDoc(doc(dbAs(role), "verifications/forged"), { ...RECORD, sha256: "b".repeat(64) }));
    });
    it(`verify page: verifications · ${role} · update denied`, async () => {
      await assertFails(updateDoc(doc(dbAs(role), `verifications/${ID}`), { sha256: "c".repeat(64) }));
    });
    it(`verify page: verifications · ${role} · delete denied`, async () => {
      await assertFails(deleteDoc(doc(dbAs(role), `verifications/${ID}`)));
    });
  }
});

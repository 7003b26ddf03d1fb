// Rules smoke test of the harness: one unit's member cannot read another unit. The full
// role × operation grid lives beside this file.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { hostPort } from "../support/emulators.js";

// A project id of its own, so the Functions emulator's triggers (bound to the app's project)
// never fire on rules-test data.
const PROJECT = "demo-rules";
let env: RulesTestEnvironment;

beforeAll(async () => {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  env = await initializeTestEnvironment({ projectId: PROJECT, firestore: { host, port, rules: readFileSync("firestore.rules", "utf8") } });
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await setDoc(doc(db, "programmes/gz/units/a"), { name: "甲单位" });
    await setDoc(doc(db, "programmes/gz/units/b"), { name: "乙单位" });
  });
});

describe("units: members see only their own unit", () => {
  it("GZ-2.2.13: a member of unit B cannot read unit A", async () => {
    const db = env.authenticatedContext("member-b", { unit: { programmeId: "gz", unitId: "b" } }).firestore();
    await assertFails(getDoc(doc(db, "programmes/gz/units/a")));
  });

  it("a member of unit A reads unit A", async () => {
    const db = env.authenticatedContext("member-a", { unit: { programmeId: "gz", unitId: "a" } }).firestore();
    await assertSucceeds(getDoc(doc(db, "programmes/gz/units/a")));
  });

  it("anonymous visitors cannot read any unit", async () => {
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), "programmes/gz/units/a")));
  });
});

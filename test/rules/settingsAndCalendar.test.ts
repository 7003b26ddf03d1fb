// Who reads the governed settings and the national holiday calendar, in the grid's manner: every
// role tries get, list, create, update and delete. A programme's settings versions (GZ-3.4.2) are
// read by that programme's staff and its unit members (the indicators they are scored on, the duty
// metrics their report asks for, the lag threshold: GZ-2.2.6-10, GZ-4.4a.3); the holiday arrangements, which move deadlines in every
// programme, by the staff of any programme, by unit members (the portal counts working days on
// them) and by the platform calendar administrator. Clients
// write neither: adoptSettings and enterHolidayArrangement do, with their audit entries.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, orderBy, query, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { contextOf, startRulesEnv, P, REVOKED, type Role } from "./roles.js";

// A project of its own, so these seeds never meet the grid's (files run one after another).
const PROJECT = "demo-rules-settings";

const ROLES: Role[] = ["anonymous", "reviewer", "admin", "otherProgrammeStaff", "member", "calendarAdmin", "revokedCalendarAdmin", "enterpriseToken"];

let env: RulesTestEnvironment;
const modular = (db: unknown) => db as Firestore;

const contextFor = (role: Role) => contextOf(env, role);
const dbAs = (role: Role) => modular(contextFor(role).firestore());

const version = { version: 2, values: { passMark: 75 }, effectiveFrom: "2027-Q1", reason: "提高合格线", clause: "GZ-3.4.2", createdBy: { uid: "admin-gz", role: "staff" }, createdAt: new Date() };
const arrangement = { year: 2027, reference: "国办发明电〔2026〕7号", holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }], workingDays: [], note: "首次录入", revision: 0, enteredAt: new Date() };

beforeAll(async () => {
  env = await startRulesEnv(PROJECT, async (db) => {
    await setDoc(doc(db, `programmes/${P}`), { name: "广州", endsOn: null });
    await setDoc(doc(db, `programmes/${P}/settingsVersions/2`), version);
    await setDoc(doc(db, "holidayArrangements/2027"), arrangement);
    await setDoc(doc(db, "tokenRevocations/calendar-revoked"), { tokensValidAfter: REVOKED, revokedAt: new Date(REVOKED * 1000) });
  });
});
afterAll(() => env.cleanup());

const verdict = (allowed: boolean) => (allowed ? "allowed" : "denied");

const rows = [
  { name: "settingsVersions", clause: "GZ-3.4.2", path: `programmes/${P}/settingsVersions/2`, data: version, read: ["reviewer", "admin", "member"] as Role[], order: "version" },
  { name: "holidayArrangements", clause: "national calendar", path: "holidayArrangements/2027", data: arrangement, read: ["reviewer", "admin", "otherProgrammeStaff", "member", "calendarAdmin"] as Role[], order: "year" },
];

for (const row of rows) {
  describe(`rules: ${row.name}`, () => {
    const parent = row.path.split("/").slice(0, -1).join("/");
    for (const role of ROLES) {
      const canRead = row.read.includes(role);
      it(`${row.clause}: ${row.name} · ${role} · get ${verdict(canRead)}`, async () => {
        const p = getDoc(doc(dbAs(role), row.path));
        await (canRead ? assertSucceeds(p) : assertFails(p));
      });
      it(`${row.clause}: ${row.name} · ${role} · list (as the page orders it) ${verdict(canRead)}`, async () => {
        const p = getDocs(query(collection(dbAs(role), parent), orderBy(row.order, "desc")));
        await (canRead ? assertSucceeds(p) : assertFails(p));
      });
      it(`${row.clause}: ${row.name} · ${role} · create denied`, async () => {
        await assertFails(setDoc(doc(dbAs(role), `${parent}/2099`), { ...row.data, tampered: role }));
      });
      it(`${row.clause}: ${row.name} · ${role} · update denied`, async () => {
        await assertFails(updateDoc(doc(dbAs(role), row.path), { reason: "改写", reference: "改写" }));
      });
      it(`${row.clause}: ${row.name} · ${role} · delete denied`, async () => {
        await assertFails(deleteDoc(doc(dbAs(role), row.path)));
      });
    }
  });
}

describe("rules: a calendar administrator who is staff of no programme", () => {
  it("reads the holiday arrangements and nothing of any programme", async () => {
    const db = dbAs("calendarAdmin");
    await assertSucceeds(getDoc(doc(db, "holidayArrangements/2027")));
    await assertFails(getDoc(doc(db, `programmes/${P}`)));
    await assertFails(getDocs(collection(db, `programmes/${P}/settingsVersions`)));
  });
  it("a calendarAdmin claim that is not exactly true grants nothing", async () => {
    const db = modular(env.authenticatedContext("not-quite", { calendarAdmin: "true" }).firestore());
    await assertFails(getDoc(doc(db, "holidayArrangements/2027")));
  });
});

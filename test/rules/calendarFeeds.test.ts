// Who reads a unit member's private deadline calendar links, in the grid's manner: every role
// tries get, list, create, update and delete. The member who owns a link and the programme's staff
// read it (the portal shows the member's own links; staff see them beside the audit trail);
// another member of the same unit, a member of another unit, another programme's staff and the
// public do not. No client writes one: issueCalendarFeed and revokeCalendarFeed do, with their
// audit entries, so a link cannot be forged, revived or repointed at another unit.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { contextOf, startRulesEnv, P, type Role } from "./roles.js";

// A project of its own, so these seeds never meet the other rules suites'.
const PROJECT = "demo-rules-calendar-feeds";
const PATH = `programmes/${P}/calendarFeeds/feed-a`;

const ROLES: Role[] = ["anonymous", "reviewer", "admin", "otherProgrammeStaff", "owner", "sameUnitMember", "otherUnitMember"];
const READERS: Role[] = ["reviewer", "admin", "owner"];

let env: RulesTestEnvironment;
const modular = (db: unknown) => db as Firestore;

const contextFor = (role: Role) => contextOf(env, role);
const dbAs = (role: Role) => modular(contextFor(role).firestore());

const feed = {
  tokenHash: "a".repeat(64),
  memberUid: "member-a",
  unitId: "unit-a",
  state: "active",
  createdAt: new Date("2025-09-01T02:00:00Z"),
  createdBy: { uid: "member-a", role: "unitMember" },
};

beforeAll(async () => {
  env = await startRulesEnv(PROJECT, async (db) => {
    await setDoc(doc(db, `programmes/${P}`), { name: "广州", endsOn: null });
    await setDoc(doc(db, PATH), feed);
  });
});
afterAll(() => env.cleanup());

const verdict = (allowed: boolean) => (allowed ? "allowed" : "denied");

describe("rules: calendarFeeds", () => {
  for (const role of ROLES) {
    const canRead = READERS.includes(role);
    it(`calendar feed: calendarFeeds · ${role} · get ${verdict(canRead)}`, async () => {
      const p = getDoc(doc(dbAs(role), PATH));
      await (canRead ? assertSucceeds(p) : assertFails(p));
    });
    it(`calendar feed: calendarFeeds · ${role} · list the owner's links (as the portal asks) ${verdict(canRead)}`, async () => {
      const p = getDocs(query(collection(dbAs(role), `programmes/${P}/calendarFeeds`), where("unitId", "==", "unit-a"), where("memberUid", "==", "member-a")));
      await (canRead ? assertSucceeds(p) : assertFails(p));
    });
    it(`calendar feed: calendarFeeds · ${role} · create denied`, async () => {
      await assertFails(setDoc(doc(dbAs(role), `programmes/${P}/calendarFeeds/forged-${role}`), { ...feed, memberUid: `uid-${role}` }));
    });
    it(`calendar feed: calendarFeeds · ${role} · update denied (no revived link, no other unit)`, async () => {
      await assertFails(updateDoc(doc(dbAs(role), PATH), { state: "active", unitId: "unit-b" }));
    });
    it(`calendar feed: calendarFeeds · ${role} · delete denied`, async () => {
      await assertFails(deleteDoc(doc(dbAs(role), PATH)));
    });
  }

  it("calendar feed: a member listing the whole unit's links (not only their own) is denied", async () => {
    await assertFails(getDocs(query(collection(dbAs("owner"), `programmes/${P}/calendarFeeds`), where("unitId", "==", "unit-a"))));
  });
});

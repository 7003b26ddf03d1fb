// The role × operation grid for firestore.rules: for every collection, every role tries get,
// list, create, update and delete, and the rules must allow exactly what the table says.
// Seeding runs with rules disabled; data is cleared before each collection's block.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, deleteField, doc, getDoc, getDocs, query, serverTimestamp, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostPort } from "../support/emulators.js";
import { period } from "./fixtures.js";

const PROJECT = "demo-rules";
const P = "gz";
const A = "unit-a";
const B = "unit-b";

type Role = "anonymous" | "otherProgrammeStaff" | "staff" | "member" | "otherUnitMember" | "enterpriseToken";
const ROLES: Role[] = ["anonymous", "otherProgrammeStaff", "staff", "member", "otherUnitMember", "enterpriseToken"];

let env: RulesTestEnvironment;

// rules-unit-testing types its contexts with the compat Firestore; the modular functions
// accept it at run time, so the cast only bridges the two declarations.
const modular = (db: unknown) => db as Firestore;

function dbAs(role: Role): Firestore {
  return modular(contextFor(role).firestore());
}

function contextFor(role: Role) {
  switch (role) {
    case "anonymous":
      return env.unauthenticatedContext();
    case "otherProgrammeStaff":
      return env.authenticatedContext("staff-other", { staff: { dg: "admin" } });
    case "staff":
      return env.authenticatedContext("staff-gz", { staff: { [P]: "reviewer" } });
    case "member":
      return env.authenticatedContext("member-a", { unit: { programmeId: P, unitId: A } });
    case "otherUnitMember":
      return env.authenticatedContext("member-b", { unit: { programmeId: P, unitId: B } });
    case "enterpriseToken":
      // A pilot enterprise rating through its link has no role: signed in anonymously at most.
      return env.authenticatedContext("anon-enterprise", { firebase: { sign_in_provider: "anonymous" } });
  }
}

beforeAll(async () => {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  env = await initializeTestEnvironment({ projectId: PROJECT, firestore: { host, port, rules: readFileSync("firestore.rules", "utf8") } });
});
afterAll(async () => {
  // The emulator's rules coverage report is kept as an artifact of the run.
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  const res = await fetch(`http://${host}:${port}/emulator/v1/projects/${PROJECT}:ruleCoverage.html`);
  if (res.ok) {
    mkdirSync("artifacts", { recursive: true });
    writeFileSync("artifacts/rules-coverage.html", await res.text());
  }
  await env.cleanup();
});

async function seed(docs: Record<string, Record<string, unknown>>) {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = modular(ctx.firestore());
    // Client writes ask the programme whether it has ended (GZ-5.2): a running one is always there.
    await setDoc(doc(db, `programmes/${P}`), { name: "广州", endsOn: null });
    // A report needs its period to exist and be open (issue 16.2): the quarters the report blocks use.
    for (const id of ["2025-Q1", "2025-Q2", "2025-Q3"]) await setDoc(doc(db, `programmes/${P}/periods/${id}`), period(id));
    for (const [path, data] of Object.entries(docs)) await setDoc(doc(db, path), data);
  });
}

const pre = `programmes/${P}`;

/**
 * One row per collection. `read`: roles whose get of the seeded record, and list (with the
 * query that role's page would make), succeed. Writes are denied to every client except the
 * report and change-application drafts, which have their own blocks below.
 */
interface Row {
  name: string;
  path: string;
  data: Record<string, unknown>;
  read: Role[];
  /** Roles whose list succeeds, where it differs from `read`. */
  list?: Role[];
  /** The list query a unit member's page makes: filtered by its own unit. */
  ownerField?: string;
  /** A list query the public pages make (published records only). */
  publicQuery?: { field: string; op: "in"; value: string[] };
}

const staffAndOwner: Role[] = ["staff", "member"];
const rows: Row[] = [
  { name: "programmes", path: pre, data: { name: "广州" }, read: ["staff", "member", "otherUnitMember"], list: [] },
  { name: "units", path: `${pre}/units/${A}`, data: { name: "甲单位" }, read: ["staff", "member"], list: ["staff"] },
  { name: "members", path: `${pre}/units/${A}/members/member-a`, data: { uid: "member-a" }, read: ["staff", "member"] },
  { name: "partners", path: `${pre}/partners/p1`, data: { unitId: A, name: "伙伴" }, read: staffAndOwner, ownerField: "unitId" },
  { name: "catalogue", path: `${pre}/catalogue/c1`, data: { unitId: A, name: "产品" }, read: staffAndOwner, ownerField: "unitId" },
  { name: "enterprises", path: `${pre}/enterprises/e1`, data: { servedBy: A, name: "试点企业" }, read: staffAndOwner, ownerField: "servedBy" },
  { name: "taskBooks", path: `${pre}/taskBooks/${A}_2025`, data: { unitId: A, year: 2025 }, read: staffAndOwner, ownerField: "unitId" },
  { name: "periods", path: `${pre}/periods/2025-Q3`, data: { id: "2025-Q3", state: "open" }, read: ["staff", "member", "otherUnitMember"] },
  { name: "evaluations", path: `${pre}/evaluations/${A}_2025-Q3`, data: { unitId: A, total: 80 }, read: staffAndOwner, ownerField: "unitId" },
  { name: "rankings", path: `${pre}/rankings/2025-Q3`, data: { periodId: "2025-Q3", counts: {} }, read: ["staff"] },
  { name: "interviews", path: `${pre}/interviews/i1`, data: { unitId: A }, read: ["staff"] },
  { name: "awards", path: `${pre}/awards/a1`, data: { subjectId: A }, read: ["staff"] },
  { name: "advanceNotices", path: `${pre}/advanceNotices/n1`, data: { unitId: A, late: false }, read: staffAndOwner, ownerField: "unitId" },
  { name: "complaints", path: `${pre}/complaints/c1`, data: { unitId: A, summary: "投诉" }, read: ["staff"] },
  { name: "ratings", path: `${pre}/ratings/r1`, data: { unitId: A, value: "dissatisfied" }, read: ["staff"] },
  { name: "surveyTokens", path: `${pre}/surveyTokens/t1`, data: { unitId: A, tokenHash: "x" }, read: ["staff"] },
  { name: "proceedings", path: `${pre}/proceedings/pr1`, data: { unitId: A, kind: "criticism" }, read: staffAndOwner, ownerField: "unitId" },
  { name: "notices (open)", path: `${pre}/notices/open1`, data: { state: "open", title: "公示" }, read: ROLES, publicQuery: { field: "state", op: "in", value: ["open", "closed"] } },
  { name: "objections", path: `${pre}/notices/open1/objections/o1`, data: { text: "异议", contact: "138" }, read: ["staff"] },
  { name: "announcements", path: `${pre}/announcements/an1`, data: { unitName: "某单位" }, read: ROLES },
  // GZ-4.4a.0: a circulated criticism is read by every unit of the programme (not only the criticised one) and its staff; the public reads the projection.
  { name: "circulars", path: `${pre}/circulars/pr1`, data: { unitId: A, unitName: "某单位", ground: "GZ-4.4a.2" }, read: ["staff", "member", "otherUnitMember"] },
  { name: "publicCirculars", path: `${pre}/publicCirculars/pr1`, data: { unitName: "某单位", ground: "GZ-4.4a.2" }, read: ROLES },
  { name: "partnerLists", path: `${pre}/partnerLists/v1`, data: { version: 1 }, read: ROLES },
  { name: "catalogueLists", path: `${pre}/catalogueLists/1`, data: { version: 1 }, read: ROLES },
  { name: "unitChangeLists", path: `${pre}/unitChangeLists/1`, data: { version: 1 }, read: ROLES },
  { name: "rateLimits", path: `rateLimits/objection-addr-x-2025030310`, data: { count: 1 }, read: [] },
  { name: "documents", path: `${pre}/documents/d1`, data: { ownerUnitId: A, kind: "legalRepIdCopy" }, read: staffAndOwner, ownerField: "ownerUnitId" },
  { name: "notifications", path: `${pre}/notifications/nt1`, data: { toUnitId: A, title: "提醒" }, read: staffAndOwner, ownerField: "toUnitId" },
  { name: "audit", path: `${pre}/audit/au1`, data: { action: "x" }, read: ["staff"] },
  { name: "jobRuns", path: `${pre}/jobRuns/j1`, data: { job: "periodClose" }, read: ["staff"] },
  // Issue 16.1: what a job could not read, for staff only; no client writes it.
  { name: "jobProblems", path: `${pre}/jobProblems/periodClose~programmes~${P}~reports~${A}_2025-Q3`, data: { job: "periodClose", path: `${pre}/reports/${A}_2025-Q3`, reason: "存储的文档格式无效" }, read: ["staff"] },
  { name: "partnerStats", path: `${pre}/partnerStats/p1`, data: { unitId: A, partnerId: "p1", unresolvedComplaintIds: ["c1"] }, read: ["staff"] },
  // Exactly-once markers of triggers: no client reads or writes them at all.
  { name: "processedEvents", path: "processedEvents/evt-1", data: { at: new Date() }, read: [] },
  // Issue 16.5: when a person's sessions were last revoked (grantRole writes it, the rules read it).
  { name: "tokenRevocations", path: "tokenRevocations/member-b", data: { tokensValidAfter: 0, revokedAt: new Date(0) }, read: [] },
  // GZ-4.4b / DG-10: a programme's bans are its own staff's record; another programme's staff read
  // only their own (dg's bans, read by dg's staff and no one of gz), and the former top-level
  // collection is closed to every client.
  { name: "bans", path: `${pre}/bans/91440100MA0000015P`, data: { uscc: "91440100MA0000015P", unitName: "某单位", programmeId: P }, read: ["staff"] },
  { name: "bans (another programme)", path: `programmes/dg/bans/91440100MA0000015P`, data: { uscc: "91440100MA0000015P", unitName: "某单位", programmeId: "dg" }, read: ["otherProgrammeStaff"] },
  { name: "bans (top level)", path: `bans/91440100MA0000015P`, data: { unitName: "某单位" }, read: [] },
];

function listQuery(db: Firestore, row: Row, role: Role) {
  const parent = row.path.split("/").slice(0, -1).join("/");
  const ref = collection(db, parent);
  if (row.publicQuery) return query(ref, where(row.publicQuery.field, row.publicQuery.op, row.publicQuery.value));
  // A unit member's page filters by its own unit; everyone else lists the collection.
  if (row.ownerField && (role === "member" || role === "otherUnitMember")) return query(ref, where(row.ownerField, "==", role === "member" ? A : B));
  return ref;
}

const verdict = (allowed: boolean) => (allowed ? "allowed" : "denied");

for (const row of rows) {
  describe(`rules grid: ${row.name}`, () => {
    beforeAll(() => seed({ [row.path]: row.data, [`${pre}/notices/open1`]: { state: "open", title: "公示" } }));
    for (const role of ROLES) {
      const canRead = row.read.includes(role);
      it(`${row.name} · ${role} · get ${verdict(canRead)}`, async () => {
        const p = getDoc(doc(dbAs(role), row.path));
        await (canRead ? assertSucceeds(p) : assertFails(p));
      });
      // The other unit's member may list its own records (an empty result) but never unit A's.
      const canList = row.list ? row.list.includes(role) : canRead || (role === "otherUnitMember" && row.ownerField !== undefined);
      it(`${row.name} · ${role} · list ${verdict(canList)}`, async () => {
        const p = getDocs(listQuery(dbAs(role), row, role));
        await (canList ? assertSucceeds(p) : assertFails(p));
      });
      it(`${row.name} · ${role} · create denied`, async () => {
        const parent = row.path.split("/").slice(0, -1).join("/");
        await assertFails(setDoc(doc(dbAs(role), `${parent}/new-by-${role}`), { ...row.data, updatedBy: role }));
      });
      it(`${row.name} · ${role} · update denied`, async () => {
        await assertFails(updateDoc(doc(dbAs(role), row.path), { tampered: true }));
      });
      it(`${row.name} · ${role} · delete denied`, async () => {
        await assertFails(deleteDoc(doc(dbAs(role), row.path)));
      });
    }
  });
}

describe("rules grid: notices that are not yet published", () => {
  beforeAll(() => seed({ [`${pre}/notices/sched1`]: { state: "scheduled", title: "待公示" } }));
  for (const role of ROLES) {
    const allowed = role === "staff";
    it(`GZ-4.6.3: scheduled notice · ${role} · get ${verdict(allowed)}`, async () => {
      const p = getDoc(doc(dbAs(role), `${pre}/notices/sched1`));
      await (allowed ? assertSucceeds(p) : assertFails(p));
    });
  }
  it("GZ-4.6.3: the public cannot list notices without filtering to published ones", async () => {
    await assertFails(getDocs(collection(dbAs("anonymous"), `${pre}/notices`)));
  });
});

describe("rules grid: bans are each programme's own (GZ-4.4b, DG-10)", () => {
  const USCC = "91440100MA0000015P";
  beforeAll(() =>
    seed({
      [`${pre}/bans/${USCC}`]: { uscc: USCC, unitName: "某单位", programmeId: P, ground: "GZ-4.4b.5" },
      [`programmes/dg/bans/${USCC}`]: { uscc: USCC, unitName: "某单位", programmeId: "dg", ground: "DG-10.5" },
    }),
  );
  it("GZ-4.4b.6: Guangzhou's bans are read by Guangzhou's staff only — not by Dongguan's staff, units or the public", async () => {
    await assertSucceeds(getDoc(doc(dbAs("staff"), `${pre}/bans/${USCC}`)));
    await assertSucceeds(getDocs(collection(dbAs("staff"), `${pre}/bans`)));
    for (const role of ["otherProgrammeStaff", "member", "anonymous", "enterpriseToken"] as Role[]) {
      await assertFails(getDoc(doc(dbAs(role), `${pre}/bans/${USCC}`)));
      await assertFails(getDocs(collection(dbAs(role), `${pre}/bans`)));
    }
  });
  it("DG-10: Dongguan's bans are read by Dongguan's staff only; Guangzhou's staff cannot see them", async () => {
    await assertSucceeds(getDoc(doc(dbAs("otherProgrammeStaff"), `programmes/dg/bans/${USCC}`)));
    await assertFails(getDoc(doc(dbAs("staff"), `programmes/dg/bans/${USCC}`)));
    await assertFails(getDocs(collection(dbAs("staff"), `programmes/dg/bans`)));
  });
  it("GZ-4.4b.6: no client writes a ban", async () => {
    await assertFails(setDoc(doc(dbAs("staff"), `${pre}/bans/new`), { uscc: USCC, programmeId: P }));
    await assertFails(deleteDoc(doc(dbAs("staff"), `${pre}/bans/${USCC}`)));
  });
});

describe("rules grid: a circulated criticism stays within its programme (GZ-4.4a.0)", () => {
  beforeAll(() =>
    seed({
      [`${pre}/circulars/pr1`]: { unitId: A, unitName: "某单位", ground: "GZ-4.4a.2" },
      [`${pre}/publicCirculars/pr1`]: { unitName: "某单位", ground: "GZ-4.4a.2" },
    }),
  );
  const dgMember = () => modular(env.authenticatedContext("member-dg", { unit: { programmeId: "dg", unitId: A } }).firestore());
  it("GZ-4.4a.0: a unit of another programme cannot read or list this programme's circulars", async () => {
    await assertFails(getDoc(doc(dgMember(), `${pre}/circulars/pr1`)));
    await assertFails(getDocs(collection(dgMember(), `${pre}/circulars`)));
  });
  it("GZ-4.4a.0: every unit of the programme lists all its circulars, not only its own", async () => {
    const snap = await assertSucceeds(getDocs(collection(dbAs("otherUnitMember"), `${pre}/circulars`)));
    expect(snap.docs.map((d) => d.id)).toEqual(["pr1"]);
  });
  it("GZ-4.4a.0: the public reads the projection, as the public page does", async () => {
    const snap = await assertSucceeds(getDocs(collection(dbAs("anonymous"), `${pre}/publicCirculars`)));
    expect(snap.docs.map((d) => d.data().unitName)).toEqual(["某单位"]);
  });
});

// ---------- the unit's own drafts ----------

const reportPath = `${pre}/reports/${A}_2025-Q3`;

function draftReport(uid: string, over: Record<string, unknown> = {}) {
  return { unitId: A, periodId: "2025-Q3", state: "draft", metrics: { solutions: 3 }, updatedBy: uid, updatedAt: serverTimestamp(), ...over };
}

describe("rules grid: reports (GZ-3.4.1, DG-9.1)", () => {
  const seeded = (state: string) => () =>
    seed({ [reportPath]: { unitId: A, periodId: "2025-Q3", state, metrics: {}, updatedBy: "member-a", updatedAt: new Date() } });

  describe("reading", () => {
    beforeAll(seeded("draft"));
    for (const role of ROLES) {
      const allowed = role === "staff" || role === "member";
      it(`reports · ${role} · get ${verdict(allowed)}`, async () => {
        const p = getDoc(doc(dbAs(role), reportPath));
        await (allowed ? assertSucceeds(p) : assertFails(p));
      });
    }
    it("GZ-3.4.1: a member may look up its own report id before the report exists; another unit's member may not", async () => {
      await assertSucceeds(getDoc(doc(dbAs("member"), `${pre}/reports/${A}_2024-Q1`)));
      await assertSucceeds(getDoc(doc(dbAs("member"), `${pre}/evaluations/${A}_2024-Q1`)));
      await assertSucceeds(getDoc(doc(dbAs("member"), `${pre}/taskBooks/${A}_2024`)));
      await assertFails(getDoc(doc(dbAs("otherUnitMember"), `${pre}/reports/${A}_2024-Q1`)));
      await assertFails(getDoc(doc(dbAs("otherUnitMember"), `${pre}/evaluations/${A}_2024-Q1`)));
      await assertFails(getDoc(doc(dbAs("anonymous"), `${pre}/taskBooks/${A}_2024`)));
    });
    it("reports · member lists its own unit's reports", async () => {
      await assertSucceeds(getDocs(query(collection(dbAs("member"), `${pre}/reports`), where("unitId", "==", A))));
    });
    it("attack: a member lists all units' reports with an unfiltered query", async () => {
      await assertFails(getDocs(collection(dbAs("member"), `${pre}/reports`)));
    });
    it("attack: a member of unit B queries unit A's reports", async () => {
      await assertFails(getDocs(query(collection(dbAs("otherUnitMember"), `${pre}/reports`), where("unitId", "==", A))));
    });
    it("staff of another programme cannot list this programme's reports", async () => {
      await assertFails(getDocs(collection(dbAs("otherProgrammeStaff"), `${pre}/reports`)));
    });
  });

  describe("creating", () => {
    beforeAll(() => seed({}));
    it("GZ-3.4.1: a member creates its own unit's draft report", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q2`), { ...draftReport("member-a"), periodId: "2025-Q2" }));
    });
    for (const role of ["anonymous", "otherProgrammeStaff", "staff", "otherUnitMember", "enterpriseToken"] as Role[]) {
      it(`reports · ${role} · create of unit A's draft denied`, async () => {
        await assertFails(setDoc(doc(dbAs(role), `${pre}/reports/${A}_2025-Q1`), { ...draftReport(role), periodId: "2025-Q1" }));
      });
    }
    it("attack: a member creates a report already marked accepted", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q1`), { ...draftReport("member-a"), periodId: "2025-Q1", state: "accepted" }));
    });
    it("attack: a member creates a report for another unit", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${B}_2025-Q1`), { ...draftReport("member-a"), unitId: B, periodId: "2025-Q1" }));
    });
    it("attack: a report id that does not match unitId_periodId", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/whatever`), { ...draftReport("member-a"), periodId: "2025-Q1" }));
    });
    it("attack: a member writes a score into its report", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q1`), { ...draftReport("member-a"), periodId: "2025-Q1", total: 100 }));
    });
    it("attack: a member writes as someone else (updatedBy not its uid)", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q1`), { ...draftReport("member-b"), periodId: "2025-Q1" }));
    });
    it("attack: a report about 1 MiB large", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q1`), { ...draftReport("member-a"), periodId: "2025-Q1", lagExplanation: "滞".repeat(340_000) /* ≈ 1 MB of UTF-8, just under Firestore's own limit */ }));
    });
    it("attack: an explanation over 3,000 characters", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/reports/${A}_2025-Q1`), { ...draftReport("member-a"), periodId: "2025-Q1", lagExplanation: "x".repeat(3001) }));
    });
  });

  describe("updating a draft", () => {
    beforeAll(seeded("draft"));
    it("GZ-3.4.1: a member edits the metrics of its own draft", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { metrics: { solutions: 5 } })));
    });
    it("attack: a member sets its own report to accepted", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "accepted" })));
    });
    it("attack: a member moves its report to another unit", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { unitId: B })));
    });
    it("attack: a member of unit B edits unit A's draft", async () => {
      await assertFails(setDoc(doc(dbAs("otherUnitMember"), reportPath), draftReport("member-b")));
    });
    it("staff cannot edit a unit's report from the client (decisions go through functions)", async () => {
      await assertFails(setDoc(doc(dbAs("staff"), reportPath), draftReport("staff-gz")));
    });
    it("nobody deletes a report", async () => {
      for (const role of ROLES) await assertFails(deleteDoc(doc(dbAs(role), reportPath)));
    });
    it("GZ-3.4.1: a member submits its own draft", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "submitted" })));
    });
  });

  describe("after submission", () => {
    beforeAll(seeded("submitted"));
    it("a submitted report can no longer be edited by the unit", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { metrics: { solutions: 9 } })));
    });
    it("a submitted report cannot be pulled back to draft by the unit", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "draft" })));
    });
  });

  describe("after staff returned it", () => {
    beforeAll(seeded("returned"));
    it("GZ-4.4a.2: a returned report can be corrected and resubmitted by the unit", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "submitted", lagExplanation: "已补充说明" })));
    });
  });

  describe("after staff returned it, with what the functions recorded on it", () => {
    beforeAll(() =>
      seed({
        [reportPath]: {
          unitId: A, periodId: "2025-Q3", state: "returned", metrics: {}, updatedBy: "member-a", updatedAt: new Date(),
          late: true, submittedOn: "2025-10-22", returnedCount: 1, reviewComment: "缺少诊断数", reviewReasons: [{ field: "咨询诊断", reason: "未填写" }],
        },
      }),
    );
    it("attack: the unit clears its own late flag", async () => {
      await assertFails(updateDoc(doc(dbAs("member"), reportPath), { late: false, updatedBy: "member-a", updatedAt: serverTimestamp() }));
    });
    it("attack: the unit overwrites the report and drops the staff's return reasons", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "submitted" })));
    });
    // Last: it changes the state the attacks above need.
    it("GZ-3.4.1: the unit resubmits with an update; the late flag and the staff's reasons stay", async () => {
      await assertSucceeds(updateDoc(doc(dbAs("member"), reportPath), { state: "submitted", metrics: { solutions: 4 }, updatedBy: "member-a", updatedAt: serverTimestamp() }));
    });
  });

  describe("once accepted", () => {
    beforeAll(seeded("accepted"));
    it("an accepted report is closed to the unit", async () => {
      await assertFails(setDoc(doc(dbAs("member"), reportPath), draftReport("member-a", { state: "submitted" })));
    });
  });
});

describe("rules grid: change applications (GZ-4.6.1, DG-13, DG-14)", () => {
  const changePath = `${pre}/changes/ch1`;
  function draftChange(uid: string, over: Record<string, unknown> = {}) {
    return { unitId: A, type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "新伙伴", uscc: "91440100MA0000015P" }, documents: [], updatedBy: uid, updatedAt: serverTimestamp(), ...over };
  }

  describe("creating and editing", () => {
    beforeAll(() => seed({}));
    it("GZ-4.6.1: a member drafts a partner-addition application for its unit", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), changePath), draftChange("member-a")));
    });
    it("GZ-4.6.1: a member edits its draft", async () => {
      await assertSucceeds(setDoc(doc(dbAs("member"), changePath), draftChange("member-a", { payload: { type: "partnerAdd", name: "新伙伴（改）", uscc: "91440100MA0000015P" } })));
    });
    it("GZ-4.6.1: a member cannot submit its draft itself (submission goes through submitChange, which checks documents)", async () => {
      await assertFails(setDoc(doc(dbAs("member"), changePath), draftChange("member-a", { state: "submitted" })));
    });
    it("GZ-4.6.1: a member cannot create an application already submitted", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/changes/ch-sub`), draftChange("member-a", { state: "submitted" })));
    });
    for (const role of ["anonymous", "otherProgrammeStaff", "staff", "otherUnitMember", "enterpriseToken"] as Role[]) {
      it(`changes · ${role} · create of unit A's application denied`, async () => {
        await assertFails(setDoc(doc(dbAs(role), `${pre}/changes/by-${role}`), draftChange(role)));
      });
    }
    it("attack: a member approves its own application", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/changes/ch2`), draftChange("member-a", { state: "approved" })));
    });
    it("attack: a payload whose type differs from the application's type", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/changes/ch3`), draftChange("member-a", { payload: { type: "partnerRemove", partnerId: "p1", reason: "x" } })));
    });
    it("attack: an unknown application type", async () => {
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/changes/ch4`), draftChange("member-a", { type: "anything", payload: { type: "anything" } })));
    });
    it("after submission (by the function) the unit cannot change it", async () => {
      await env.withSecurityRulesDisabled(async (ctx) => {
        await setDoc(doc(modular(ctx.firestore()), `${pre}/changes/ch-done`), draftChange("member-a", { state: "submitted" }));
      });
      await assertFails(setDoc(doc(dbAs("member"), `${pre}/changes/ch-done`), draftChange("member-a")));
    });
    it("nobody deletes an application (withdrawal is a state)", async () => {
      for (const role of ROLES) await assertFails(deleteDoc(doc(dbAs(role), changePath)));
    });
  });
});

// A returned application carries what submitChange and reviewChange wrote on it; the unit's edit
// must keep it (the reviewer's comment is what the unit has to act on).
describe("rules grid: a returned change application keeps what the functions recorded (GZ-4.6.2)", () => {
  const returnedPath = `${pre}/changes/ch-returned`;
  const recorded = {
    submittedOn: "2025-10-09",
    reviewBatchId: "2025-Q4",
    reviewComment: "缺少信用中国报告关键页",
    reviewedBy: { uid: "staff-gz", role: "staff" },
    clause: "GZ-4.6.2",
  };
  const own = { unitId: A, type: "partnerAdd", payload: { type: "partnerAdd", name: "新伙伴", uscc: "91440100MA0000015P" }, documents: [] };
  const edit = (over: Record<string, unknown> = {}) => ({ state: "draft", updatedBy: "member-a", updatedAt: serverTimestamp(), ...over });
  const seedReturned = () => seed({ [returnedPath]: { ...own, state: "returned", ...recorded } });
  beforeAll(seedReturned);

  it("attack: the unit overwrites the application and drops the reviewer's comment", async () => {
    await assertFails(setDoc(doc(dbAs("member"), returnedPath), { ...own, ...edit() }));
  });
  it("attack: the unit clears the reviewer's comment", async () => {
    await assertFails(updateDoc(doc(dbAs("member"), returnedPath), edit({ reviewComment: "" })));
  });
  it("attack: the unit deletes the reviewer's comment field", async () => {
    await assertFails(updateDoc(doc(dbAs("member"), returnedPath), edit({ reviewComment: deleteField() })));
  });
  it("attack: the unit moves its application to another review batch", async () => {
    await assertFails(updateDoc(doc(dbAs("member"), returnedPath), edit({ reviewBatchId: "2026-Q1" })));
  });
  it("attack: the unit rewrites who reviewed it", async () => {
    await assertFails(updateDoc(doc(dbAs("member"), returnedPath), edit({ reviewedBy: { uid: "member-a", role: "unitMember" } })));
  });
  it("GZ-4.6.2: the unit may write the recorded fields back unchanged with a full overwrite", async () => {
    await seedReturned();
    await assertSucceeds(setDoc(doc(dbAs("member"), returnedPath), { ...own, ...recorded, ...edit() }));
  });
  it("GZ-4.6.1: the unit attaches a document to its returned application; the reviewer's comment stays", async () => {
    await seedReturned();
    await assertSucceeds(updateDoc(doc(dbAs("member"), returnedPath), edit({ documents: [{ kind: "creditChinaReport", documentId: "d9" }] })));
    const stored = await getDoc(doc(dbAs("member"), returnedPath));
    expect(stored.data()).toMatchObject({ state: "draft", ...recorded, documents: [{ kind: "creditChinaReport", documentId: "d9" }] });
  });
});

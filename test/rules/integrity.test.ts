// Issue 16 in firestore.rules, attack by attack, each with the legitimate write beside it:
//   16.1 what a unit writes is checked to the zod schema the functions read it with (types,
//        sizes, allowed keys), so a draft can no longer break a function that reads it;
//   16.2 a report only for a period that exists in its programme and is open;
//   16.5 a token from a session signed in before the person's role changed counts for nothing.
// Seeding runs with rules disabled. Each block seeds what it needs.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { rowSteps } from "../../web/src/portal/reportRows.js";
import { hostPort } from "../support/emulators.js";
import { period } from "./fixtures.js";

const PROJECT = "demo-rules-integrity";
const GZ = "gz"; // quarterly
const DG = "dg"; // annual
const A = "unit-a";
const UID = "member-a";

let env: RulesTestEnvironment;
const modular = (db: unknown) => db as Firestore;

beforeAll(async () => {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  env = await initializeTestEnvironment({ projectId: PROJECT, firestore: { host, port, rules: readFileSync("firestore.rules", "utf8") } });
});
afterAll(() => env.cleanup());

/** A member of unit A; `authTime` is when its session signed in (seconds; the test tokens default to 0). */
const member = (programmeId = GZ, authTime?: number) =>
  modular(env.authenticatedContext(UID, { unit: { programmeId, unitId: A }, ...(authTime === undefined ? {} : { auth_time: authTime }) }).firestore());
const staff = (authTime?: number) => modular(env.authenticatedContext("staff-gz", { staff: { [GZ]: "reviewer" }, ...(authTime === undefined ? {} : { auth_time: authTime }) }).firestore());

/** Both programmes running; Guangzhou has one period in every state, Dongguan an open and a closed year. */
async function seed(docs: Record<string, Record<string, unknown>> = {}) {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = modular(ctx.firestore());
    await setDoc(doc(db, `programmes/${GZ}`), { name: "广州", packId: "guangzhou", endsOn: null });
    await setDoc(doc(db, `programmes/${DG}`), { name: "东莞", packId: "dongguan", endsOn: null });
    await setDoc(doc(db, `programmes/${GZ}/units/${A}`), { name: "甲单位" });
    const periods: [string, string, ReturnType<typeof period>][] = [
      [GZ, "2025-Q3", period("2025-Q3")],
      [GZ, "2025-Q2", period("2025-Q2", "closed")],
      [GZ, "2025-Q1", period("2025-Q1", "closing")],
      [DG, "2025", period("2025")],
      [DG, "2024", period("2024", "closed")],
    ];
    for (const [p, id, data] of periods) await setDoc(doc(db, `programmes/${p}/periods/${id}`), data);
    for (const [path, data] of Object.entries(docs)) await setDoc(doc(db, path), data);
  });
}

const reportPath = (periodId = "2025-Q3", p = GZ) => `programmes/${p}/reports/${A}_${periodId}`;
const stamp = () => ({ updatedBy: UID, updatedAt: serverTimestamp() });
const draft = (over: Record<string, unknown> = {}, periodId = "2025-Q3") => ({ unitId: A, periodId, state: "draft", metrics: { solutions: 3 }, ...stamp(), ...over });
/** A stored draft (no server timestamp when seeding). */
const storedDraft = (over: Record<string, unknown> = {}, periodId = "2025-Q3") => ({ unitId: A, periodId, state: "draft", metrics: { solutions: 3 }, updatedBy: UID, updatedAt: new Date(), ...over });
const row = (n: number, over: Record<string, unknown> = {}) => ({ enterpriseId: `${A}-e${n}`, progress: `已签订改造合同，完成诊断（第 ${n} 家）`, contractSigned: true, diagnosisDone: true, levelAfter: 2, ...over });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i));
const ids = (count: number) => Array.from({ length: count }, (_, i) => `DocAutoId${String(i).padStart(11, "0")}`);

const createReport = (data: Record<string, unknown>, periodId = "2025-Q3") => setDoc(doc(member(), reportPath(periodId)), data);
const editReport = (patch: Record<string, unknown>) => updateDoc(doc(member(), reportPath()), { ...patch, ...stamp() });

// ---------- 16.1: reports ----------

describe("issue 16.1: a report draft holds what reportSchema reads, or is refused", () => {
  beforeAll(() => seed());

  // Each attack is tried as a new draft; the ones on existing drafts follow below.
  const attacks: [string, Record<string, unknown>][] = [
    ["metrics as text", { metrics: { solutions: "3" } }],
    ["metrics that are a sentence, not a map", { metrics: "诊断 3 家" }],
    ["metrics as a list", { metrics: [3] }],
    ["a metric that does not exist", { metrics: { solutions: 3, bonus: 50 } }],
    ["a negative metric", { metrics: { solutions: -1 } }],
    ["an infinite metric", { metrics: { cloudEnterprises: Infinity } }],
    ["a metric that is not a number (NaN)", { metrics: { solutions: NaN } }],
    ["a metric set to null", { metrics: { solutions: null } }],
    ["a metric as a boolean", { metrics: { platforms: true } }],
    ["GZ-2.2.4: a typed number of diagnoses (counted from the enterprise rows)", { metrics: { diagnoses: 3 } }],
    ["GZ-2.2.5: a typed number of enterprises transformed (counted from the enterprise rows)", { metrics: { enterprisesTransformed: 12 } }],
    ["DG-6.4: a typed level-2 share (counted from the enterprise rows)", { metrics: { level2Share: 0.85 } }],
    ["a typed on-time reporting score (the system's to compute)", { metrics: { reporting: 1 } }],
    ["enterprise rows as numbers", { enterprises: [1, 2, 3] }],
    ["enterprise rows as text", { enterprises: ["甲企业进展良好"] }],
    ["enterprises as a map", { enterprises: { [`${A}-e1`]: row(1) } }],
    ["an enterprise row without progress", { enterprises: [{ enterpriseId: `${A}-e1`, contractSigned: true }] }],
    ["an enterprise row without an enterprise", { enterprises: [{ progress: "进展" }] }],
    ["an enterprise row whose progress is blank", { enterprises: [row(1, { progress: "   " })] }],
    ["an enterprise row whose progress is an ideographic space (blank once trimmed)", { enterprises: [row(1, { progress: "\u3000\u3000" })] }],
    ["an enterprise row whose progress exceeds 1,000 characters", { enterprises: [row(1, { progress: "进".repeat(1001) })] }],
    ["an enterprise row whose progress is a number", { enterprises: [row(1, { progress: 80 })] }],
    ["an enterprise id with a '/'", { enterprises: [row(1, { enterpriseId: "a/b" })] }],
    ["an enterprise id over 128 characters", { enterprises: [row(1, { enterpriseId: "e".repeat(129) })] }],
    ["an enterprise id that is empty", { enterprises: [row(1, { enterpriseId: "" })] }],
    ["contractSigned as text", { enterprises: [row(1, { contractSigned: "是" })] }],
    ["diagnosisDone as a number", { enterprises: [row(1, { diagnosisDone: 1 })] }],
    ["a digital level of 5", { enterprises: [row(1, { levelAfter: 5 })] }],
    ["a digital level of 2.5", { enterprises: [row(1, { levelAfter: 2.5 })] }],
    ["a digital level as text", { enterprises: [row(1, { levelAfter: "2" })] }],
    ["an unknown key in an enterprise row", { enterprises: [row(1, { score: 100 })] }],
    ["a valid row followed by a number", { enterprises: [row(1), 7] }],
    ["four enterprise rows arriving in one write (at most three)", { enterprises: rows(1, 4) }],
    ["a document list of objects", { documentIds: [{ id: "DocAutoId00000000001" }] }],
    ["a document list of numbers", { documentIds: [1, 2] }],
    ["a document list with an empty id", { documentIds: ["DocAutoId00000000001", ""] }],
    ["a document id with a '/'", { documentIds: ["../../units/unit-b"] }],
    ["a document list holding null", { documentIds: [null] }],
    ["document ids as one string", { documentIds: "DocAutoId00000000001" }],
    ["51 documents (at most 50)", { documentIds: ids(51) }],
    ["a document id over 64 characters", { documentIds: ["d".repeat(65)] }],
    ["an explanation that is a number", { lagExplanation: 42 }],
    ["an explanation over 3,000 characters", { lagExplanation: "滞".repeat(3001) }],
    ["an unknown top-level key", { reviewer: "self" }],
    ["a state outside draft/submitted", { state: "returned" }],
    ["a unit id that is a number", { unitId: 7 }],
  ];
  for (const [what, over] of attacks) {
    it(`issue 16.1 attack: a new draft with ${what} — refused`, async () => {
      await assertFails(createReport(draft(over)));
    });
  }

  it("issue 16.1: a draft with every metric, three enterprise rows, a 3,000-character explanation and 50 documents passes", async () => {
    const metrics = { cloudEnterprises: 8, platforms: 1, solutions: 3, typicalCases: 1 };
    const enterprises = [row(1), { enterpriseId: `${A}-e2`, progress: "已完成诊断" }, row(3, { contractSigned: false, diagnosisDone: false, levelAfter: 4 })];
    await assertSucceeds(createReport(draft({ metrics, enterprises, lagExplanation: "滞".repeat(3000), documentIds: ids(50) })));
  });
  it("issue 16.1: the portal's first save (empty metrics, no rows, empty explanation, no documents, merged) passes", async () => {
    await env.withSecurityRulesDisabled((ctx) => deleteDoc(doc(modular(ctx.firestore()), reportPath())));
    await assertSucceeds(setDoc(doc(member(), reportPath()), draft({ metrics: {}, enterprises: [], lagExplanation: "", documentIds: [] }), { merge: true }));
  });
});

describe("GZ-2.2.6-10, DG-6.5-8: a report's duty counts are whole numbers within bounds, and no other key", () => {
  beforeAll(() => seed());
  const duties = { platforms: 1, digitalWorkshops: 2, typicalCases: 3, specialisedFirms: 4, talentTraining: 5, promotionEvents: 10000 };
  const refused: [string, Record<string, unknown>][] = [
    ["GZ-2.2.7: a fractional count of digital workshops", { digitalWorkshops: 1.5 }],
    ["GZ-2.2.9: a negative count of 专精特新 firms", { specialisedFirms: -1 }],
    ["GZ-2.2.10: a count of training sessions above 10,000", { talentTraining: 10001 }],
    ["DG-6.8: a count of events as text", { promotionEvents: "3" }],
    ["DG-6.6: typical cases as a list of names", { typicalCases: ["案例一"] }],
    ["DG-6.5: platforms as a boolean", { platforms: true }],
    ["a duty that no regulation lists", { smartParks: 2 }],
    ["a duty's description stored as a metric", { talentTrainingNote: "培训 3 场" }],
  ];
  for (const [what, metrics] of refused) {
    it(`${what} — refused`, async () => {
      await assertFails(createReport(draft({ metrics: { solutions: 3, ...metrics } })));
    });
  }
  it("GZ-2.2.6-10: every duty's count (whole numbers, up to 10,000) beside the other typed metrics passes, on create and on edit", async () => {
    await assertSucceeds(createReport(draft({ metrics: { cloudEnterprises: 8, solutions: 3, ...duties } })));
    await assertSucceeds(editReport({ metrics: { cloudEnterprises: 8, solutions: 3, ...duties, digitalWorkshops: 0 } }));
    await assertFails(editReport({ metrics: { cloudEnterprises: 8, solutions: 3, ...duties, digitalWorkshops: 0.5 } }));
  });
  const notes: [string, unknown][] = [
    ["a note over 1,000 characters", { talentTraining: "训".repeat(1001) }],
    ["a note for a metric that is not a duty", { solutions: "三套方案" }],
    ["a note that is a number", { typicalCases: 2 }],
    ["notes as one text", "培训 3 场"],
  ];
  for (const [what, dutyNotes] of notes) {
    it(`GZ-2.2.10: a report whose duty notes hold ${what} — refused`, async () => {
      await assertFails(createReport(draft({ dutyNotes })));
    });
  }
  it("GZ-2.2.8: notes of what was done for each duty (names and dates, up to 1,000 characters each, empty allowed) pass", async () => {
    await env.withSecurityRulesDisabled((ctx) => deleteDoc(doc(modular(ctx.firestore()), reportPath())));
    const dutyNotes = { typicalCases: "“链式转型”典型案例：××机械，2025年8月", talentTraining: "训".repeat(1000), promotionEvents: "" };
    await assertSucceeds(createReport(draft({ metrics: { typicalCases: 1, talentTraining: 2 }, dutyNotes })));
    await assertSucceeds(editReport({ dutyNotes: { ...dutyNotes, promotionEvents: "供需对接会，2025年9月12日" } }));
  });
  it("DG-6.7: a Dongguan unit's talent-training count passes in its open year", async () => {
    await assertSucceeds(setDoc(doc(member(DG), reportPath("2025", DG)), draft({ metrics: { talentTraining: 6, promotionEvents: 2 } }, "2025")));
  });
});

describe("issue 16.1: editing a stored draft — only rows that arrive are checked, and they are", () => {
  const stored = rows(1, 297);
  beforeAll(() => seed({ [reportPath()]: storedDraft({ enterprises: stored, documentIds: ids(3) }) }));

  it("issue 16.1: changing three rows of a 297-row draft and adding none passes (the stored rows are not re-checked)", async () => {
    const edited = [...stored.slice(0, 294), row(295, { progress: "改" }), row(296, { levelAfter: 3 }), row(297, { diagnosisDone: false })];
    await assertSucceeds(editReport({ enterprises: edited }));
  });
  it("issue 16.1: growing the draft to 300 rows, three at a time, passes", async () => {
    const now = (await getDoc(doc(member(), reportPath()))).data()!.enterprises as unknown[];
    await assertSucceeds(editReport({ enterprises: [...now, ...rows(298, 3)] }));
  });
  it("issue 16.1 attack: a 301st row — refused (at most 300)", async () => {
    const now = (await getDoc(doc(member(), reportPath()))).data()!.enterprises as unknown[];
    await assertFails(editReport({ enterprises: [...now, row(301)] }));
  });
  it("issue 16.1 attack: one row turned into a number among 299 unchanged ones — refused", async () => {
    const now = (await getDoc(doc(member(), reportPath()))).data()!.enterprises as unknown[];
    await assertFails(editReport({ enterprises: [...now.slice(0, 299), 42] }));
  });
  it("issue 16.1 attack: four rows changed in one write — refused", async () => {
    const now = (await getDoc(doc(member(), reportPath()))).data()!.enterprises as Record<string, unknown>[];
    await assertFails(editReport({ enterprises: [...now.slice(0, 296), ...now.slice(296).map((r) => ({ ...r, progress: "四行同时修改" }))] }));
  });
  it("issue 16.1 attack: an edit that turns the metrics into text — refused", async () => {
    await assertFails(editReport({ metrics: { solutions: "很多" } }));
  });
  it("issue 16.1 attack: an edit that adds a key of its own to the metrics — refused", async () => {
    await assertFails(editReport({ "metrics.bonus": 10 }));
  });
  it("issue 16.1 attack: an edit that appends an object to the documents — refused", async () => {
    await assertFails(editReport({ documentIds: [...ids(3), { documentId: "x" }] }));
  });
  it("issue 16.1 attack: an edit that adds an unknown top-level key — refused", async () => {
    await assertFails(editReport({ total: 100 }));
  });
  it("issue 16.1: removing rows and attaching a document passes", async () => {
    await assertSucceeds(editReport({ enterprises: rows(1, 10), documentIds: ids(4) }));
  });
  // The rules may evaluate at most 1,000 expressions per request: this is the costliest write
  // the portal can make, and it must stay within them. Last: it submits the report.
  it("issue 16.1: the heaviest legitimate write passes — a returned report resubmitted with every metric changed, three rows arriving among 297, 50 documents and a full explanation", async () => {
    await env.withSecurityRulesDisabled((ctx) =>
      setDoc(doc(modular(ctx.firestore()), reportPath()), storedDraft({ state: "returned", enterprises: stored, documentIds: ids(3), late: true, submittedOn: "2025-10-22", returnedCount: 2, reviewComment: "请补充", reviewReasons: [{ field: "咨询诊断", reason: "未填写" }], incomplete: true, missingFields: ["咨询诊断"], reviewedBy: { uid: "staff-gz", role: "staff" }, reviewedAt: new Date(), lastRefusal: "" })),
    );
    const metrics = { cloudEnterprises: 9, platforms: 2, solutions: 4, typicalCases: 2 };
    const edited = [...stored.slice(0, 294), ...[295, 296, 297].map((n) => row(n, { progress: "进".repeat(1000), enterpriseId: `${"e".repeat(120)}${n}` }))];
    await assertSucceeds(editReport({ state: "submitted", metrics, enterprises: edited, documentIds: ids(50), lagExplanation: "滞".repeat(3000) }));
  });
});

describe("issue 16.1: the portal's saves are what the rules take", () => {
  const stored = Array.from({ length: 8 }, (_, i) => ({ enterpriseId: `${A}-e${i}`, progress: `进展 ${i}`, contractSigned: false, diagnosisDone: false }));
  beforeAll(() => seed({ [reportPath()]: storedDraft({ state: "returned", enterprises: stored, documentIds: [], lagExplanation: "", late: true, reviewComment: "请补充" }) }));

  it("issue 16.1: ten rows changed at once are saved in the portal's steps (ReportForm save → rowSteps), each write accepted, then submitted", async () => {
    const rows = [...stored.map((r, i) => (i % 2 === 0 ? { ...r, contractSigned: true, levelAfter: 2 } : r)), ...Array.from({ length: 6 }, (_, i) => ({ enterpriseId: `${A}-n${i}`, progress: "新增", contractSigned: true, diagnosisDone: true }))];
    const steps = rowSteps(rows, stored);
    const own = ["unitId", "periodId", "state", "metrics", "enterprises", "lagExplanation", "documentIds", "updatedBy", "updatedAt"];
    for (const [i, enterprises] of steps.entries()) {
      const data = { unitId: A, periodId: "2025-Q3", state: i === steps.length - 1 ? "submitted" : "draft", metrics: { solutions: 4, cloudEnterprises: 5 }, enterprises, lagExplanation: "", documentIds: ["DocAutoId00000000001"], ...stamp() };
      await assertSucceeds(setDoc(doc(member(), reportPath()), data, { mergeFields: own }));
    }
    const saved = (await getDoc(doc(member(), reportPath()))).data()!;
    expect(saved).toMatchObject({ state: "submitted", enterprises: rows, late: true, reviewComment: "请补充" });
  });
});

// ---------- 16.1: change applications ----------

describe("issue 16.1: a change application holds what changeApplicationSchema reads, or is refused", () => {
  beforeAll(() => seed());
  const uscc = makeUscc(4242);
  const base = (payload: Record<string, unknown>, over: Record<string, unknown> = {}) => ({ unitId: A, type: payload.type, state: "draft", payload, documents: [], ...stamp(), ...over });
  let n = 0;
  const create = (data: Record<string, unknown>) => setDoc(doc(member(), `programmes/${GZ}/changes/ch-${n++}`), data);

  const good: [string, Record<string, unknown>][] = [
    ["a partner addition", { type: "partnerAdd", name: "新伙伴（演示）有限公司", uscc }],
    ["a partner removal", { type: "partnerRemove", partnerId: "p1", reason: "合作终止" }],
    ["a change of unit information, all five fields", {
      type: "unitInfo",
      changes: ["name", "address", "legalRepresentative", "businessScope", "registeredCapital"].map((field) => ({ field, from: "旧", to: "新" })),
      effectiveOn: "2024-02-29",
    }],
    ["a change of unit information without the old value", { type: "unitInfo", changes: [{ field: "address", to: "广州市天河区" }], effectiveOn: "2025-10-01" }],
    ["a catalogue item with every field", { type: "catalogue", action: "modify", itemId: "c1", name: "设备上云服务", category: "", priceMin: 0, priceMax: 9999.5 }],
    ["a catalogue item with only what is required", { type: "catalogue", action: "add", name: "设备上云服务" }],
  ];
  for (const [what, payload] of good) {
    it(`issue 16.1: ${what} passes`, async () => {
      await assertSucceeds(create(base(payload)));
    });
  }
  it("issue 16.1: a draft with three documents attached at once passes", async () => {
    await assertSucceeds(create(base(good[0]![1], { documents: [{ kind: "creditChinaReport", documentId: "d1" }, { kind: "businessLicence", documentId: "d2" }, { kind: "other", documentId: "d3" }] })));
  });

  const attacks: [string, Record<string, unknown>][] = [
    ["a payload that is text", base({ type: "partnerAdd" }, { payload: "新伙伴" })],
    ["a payload with an unknown key", base({ ...good[0]![1], approved: true })],
    ["a partner name that is a number", base({ type: "partnerAdd", name: 12345, uscc })],
    ["a blank partner name", base({ type: "partnerAdd", name: " \u3000 ", uscc })],
    ["a partner name over 200 characters", base({ type: "partnerAdd", name: "名".repeat(201), uscc })],
    ["a partner addition without a code", base({ type: "partnerAdd", name: "新伙伴" })],
    ["a code of 17 characters", base({ type: "partnerAdd", name: "新伙伴", uscc: uscc.slice(0, 17) })],
    ["a code in lower case", base({ type: "partnerAdd", name: "新伙伴", uscc: uscc.toLowerCase() })],
    ["a code with letters outside its alphabet (I, O)", base({ type: "partnerAdd", name: "新伙伴", uscc: `9144010${"IO".repeat(5)}X` })],
    ["a code with an unknown registration authority", base({ type: "partnerAdd", name: "新伙伴", uscc: `B${uscc.slice(1)}` })],
    ["a code from a province that does not exist", base({ type: "partnerAdd", name: "新伙伴", uscc: `9199${uscc.slice(4)}` })],
    ["a partner removal without a reason", base({ type: "partnerRemove", partnerId: "p1" })],
    ["a partner id with a '/'", base({ type: "partnerRemove", partnerId: "x/p1", reason: "终止" })],
    ["a reason over 1,000 characters", base({ type: "partnerRemove", partnerId: "p1", reason: "因".repeat(1001) })],
    ["no unit-information changes", base({ type: "unitInfo", changes: [], effectiveOn: "2025-10-01" })],
    ["six unit-information changes (at most five)", base({ type: "unitInfo", changes: Array.from({ length: 6 }, () => ({ field: "name", to: "新名" })), effectiveOn: "2025-10-01" })],
    ["unit-information changes as numbers", base({ type: "unitInfo", changes: [1], effectiveOn: "2025-10-01" })],
    ["a unit-information change of a field that is not reportable", base({ type: "unitInfo", changes: [{ field: "status", to: "listed" }], effectiveOn: "2025-10-01" })],
    ["a unit-information change to nothing", base({ type: "unitInfo", changes: [{ field: "name", to: "" }], effectiveOn: "2025-10-01" })],
    ["a second change that is text", base({ type: "unitInfo", changes: [{ field: "name", to: "新名" }, "地址也变了"], effectiveOn: "2025-10-01" })],
    ["an effective date that does not exist (30 February)", base({ type: "unitInfo", changes: [{ field: "name", to: "新名" }], effectiveOn: "2025-02-30" })],
    ["an effective date in another format", base({ type: "unitInfo", changes: [{ field: "name", to: "新名" }], effectiveOn: "2025/10/01" })],
    ["an effective date as a number", base({ type: "unitInfo", changes: [{ field: "name", to: "新名" }], effectiveOn: 20251001 })],
    ["a catalogue action that does not exist", base({ type: "catalogue", action: "delete", name: "设备上云服务" })],
    ["a price as text", base({ type: "catalogue", action: "add", name: "设备上云服务", priceMin: "100" })],
    ["a price left empty as null", base({ type: "catalogue", action: "add", name: "设备上云服务", priceMax: null })],
    ["a negative price", base({ type: "catalogue", action: "add", name: "设备上云服务", priceMin: -1 })],
    ["a category over 100 characters", base({ type: "catalogue", action: "add", name: "设备上云服务", category: "类".repeat(101) })],
    ["documents as plain ids", base(good[0]![1], { documents: ["d1"] })],
    ["documents as numbers", base(good[0]![1], { documents: [1] })],
    ["a document of a kind that does not exist", base(good[0]![1], { documents: [{ kind: "selfie", documentId: "d1" }] })],
    ["a document without its id", base(good[0]![1], { documents: [{ kind: "other" }] })],
    ["a document entry with an unknown key", base(good[0]![1], { documents: [{ kind: "other", documentId: "d1", verified: true }] })],
    ["four documents attached in one write (at most three)", base(good[0]![1], { documents: ["a", "b", "c", "d"].map((d) => ({ kind: "other", documentId: d })) })],
    ["an unknown top-level key", base(good[0]![1], { priority: "urgent" })],
  ];
  for (const [what, data] of attacks) {
    it(`issue 16.1 attack: a change application with ${what} — refused`, async () => {
      await assertFails(create(data));
    });
  }
});

describe("issue 16.1: a stored application with 19 documents takes a 20th, not a 21st", () => {
  const path = `programmes/${GZ}/changes/ch-docs`;
  const nineteen = Array.from({ length: 19 }, (_, i) => ({ kind: "other", documentId: `d${i}` }));
  beforeAll(() => seed({ [path]: { unitId: A, type: "partnerRemove", state: "draft", payload: { type: "partnerRemove", partnerId: "p1", reason: "终止" }, documents: nineteen, updatedBy: UID, updatedAt: new Date() } }));
  it("issue 16.1: the portal's attach (one entry arrives) passes", async () => {
    await assertSucceeds(updateDoc(doc(member(), path), { state: "draft", documents: [...nineteen, { kind: "creditChinaReport", documentId: "d19" }], ...stamp() }));
  });
  it("issue 16.1 attack: a 21st document — refused (at most 20)", async () => {
    await assertFails(updateDoc(doc(member(), path), { state: "draft", documents: [...nineteen, { kind: "creditChinaReport", documentId: "d19" }, { kind: "other", documentId: "d20" }], ...stamp() }));
  });
  it("issue 16.1 attack: replacing a stored entry with an object of another shape — refused", async () => {
    await assertFails(updateDoc(doc(member(), path), { documents: [...nineteen.slice(1), { kind: "other", documentId: "d0", note: "x" }], ...stamp() }));
  });
  it("issue 16.1: the heaviest legitimate write passes — a returned application edited to five unit-information changes with three documents arriving", async () => {
    const returned = `programmes/${GZ}/changes/ch-returned`;
    await env.withSecurityRulesDisabled((ctx) =>
      setDoc(doc(modular(ctx.firestore()), returned), { unitId: A, type: "partnerRemove", state: "returned", payload: { type: "partnerRemove", partnerId: "p1", reason: "终止" }, documents: nineteen.slice(0, 17), submittedOn: "2025-10-09", reviewBatchId: "2025-Q4", reviewComment: "缺材料", reviewedBy: { uid: "staff-gz", role: "staff" }, clause: "GZ-4.6.2" }),
    );
    const changes = ["name", "address", "legalRepresentative", "businessScope", "registeredCapital"].map((field) => ({ field, from: "旧".repeat(2000), to: "新".repeat(2000) }));
    const documents = [...nineteen.slice(0, 17), ...["d17", "d18", "d19"].map((d) => ({ kind: "changeApplicationLetter", documentId: d }))];
    await assertSucceeds(updateDoc(doc(member(), returned), { type: "unitInfo", state: "draft", payload: { type: "unitInfo", changes, effectiveOn: "2025-12-31" }, documents, ...stamp() }));
  });
  it("issue 16.1 attack: an edit that turns the payload into a number — refused", async () => {
    await assertFails(updateDoc(doc(member(), path), { payload: 7, ...stamp() }));
  });
});

// ---------- 16.2: reports only for an open period of the programme ----------

describe("issue 16.2: a report is for a period that exists in its programme and is open", () => {
  beforeAll(() => seed());

  it("GZ-3.4.1: a Guangzhou member drafts and submits the report of the open quarter", async () => {
    await assertSucceeds(createReport(draft({ state: "submitted" })));
  });
  it("DG-9.1: a Dongguan member drafts the report of the open year", async () => {
    await assertSucceeds(setDoc(doc(member(DG), reportPath("2025", DG)), draft({}, "2025")));
  });
  const refused: [string, string, string][] = [
    ["a quarter no period was opened for (2025-Q4)", GZ, "2025-Q4"],
    ["a future quarter (2031-Q1)", GZ, "2031-Q1"],
    ["a past quarter that was never opened (2019-Q2)", GZ, "2019-Q2"],
    ["a closed quarter (2025-Q2)", GZ, "2025-Q2"],
    ["a quarter being closed (2025-Q1)", GZ, "2025-Q1"],
    ["an annual id in a quarterly programme (2025)", GZ, "2025"],
    ["a quarterly id in an annual programme (2025-Q3)", DG, "2025-Q3"],
    ["a closed year (2024)", DG, "2024"],
    ["a malformed id (2025-Q5)", GZ, "2025-Q5"],
  ];
  for (const [what, p, periodId] of refused) {
    it(`issue 16.2 attack: a report for ${what} — refused`, async () => {
      await assertFails(setDoc(doc(member(p), reportPath(periodId, p)), draft({}, periodId)));
    });
  }
  it("issue 16.2 attack: a period whose stored cadence does not fit its id (an open '2026' in the quarterly programme) — refused", async () => {
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(modular(ctx.firestore()), `programmes/${GZ}/periods/2026`), { ...period("2026"), cadence: "quarterly" }));
    await assertFails(createReport(draft({}, "2026"), "2026"));
  });
});

describe("issue 16.2: a stored report changes only while its period is open", () => {
  beforeAll(() => seed({ [reportPath()]: storedDraft(), [reportPath("2025-Q2")]: storedDraft({}, "2025-Q2"), [reportPath("2025-Q1")]: storedDraft({ state: "returned" }, "2025-Q1") }));

  it("issue 16.2 attack: editing the stored draft of a closed quarter — refused", async () => {
    await assertFails(updateDoc(doc(member(), reportPath("2025-Q2")), { metrics: { solutions: 9 }, ...stamp() }));
  });
  it("issue 16.2 attack: submitting the stored draft of a closed quarter — refused", async () => {
    await assertFails(updateDoc(doc(member(), reportPath("2025-Q2")), { state: "submitted", ...stamp() }));
  });
  it("issue 16.2 attack: resubmitting a returned report while its quarter is being closed — refused", async () => {
    await assertFails(updateDoc(doc(member(), reportPath("2025-Q1")), { state: "submitted", ...stamp() }));
  });
  it("issue 16.2: once the quarter is closed, the draft written while it was open can no longer change", async () => {
    await assertSucceeds(editReport({ metrics: { solutions: 4 } }));
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(modular(ctx.firestore()), `programmes/${GZ}/periods/2025-Q3`), period("2025-Q3", "closed")));
    await assertFails(editReport({ metrics: { solutions: 5 } }));
  });
});

// ---------- 16.5: sessions from before a role change ----------

describe("issue 16.5: a token issued before the person's sessions were revoked counts for nothing", () => {
  const REVOKED = 1_767_000_000; // seconds since the epoch, as grantRole records it
  beforeAll(() =>
    seed({
      [`tokenRevocations/${UID}`]: { tokensValidAfter: REVOKED, revokedAt: new Date(REVOKED * 1000) },
      [`tokenRevocations/staff-gz`]: { tokensValidAfter: REVOKED, revokedAt: new Date(REVOKED * 1000) },
      [reportPath()]: storedDraft(),
      [`programmes/${GZ}/announcements/an1`]: { unitName: "某单位" },
      [`programmes/${GZ}/bans/91440100MA0000015P`]: { unitName: "某单位" },
    }),
  );
  const before = REVOKED - 1;

  it("issue 16.5 attack: the removed member, signed in before the change, reads its unit — refused", async () => {
    await assertFails(getDoc(doc(member(GZ, before), `programmes/${GZ}/units/${A}`)));
  });
  it("issue 16.5 attack: … reads the programme and its periods — refused", async () => {
    await assertFails(getDoc(doc(member(GZ, before), `programmes/${GZ}`)));
    await assertFails(getDocs(collection(member(GZ, before), `programmes/${GZ}/periods`)));
  });
  it("issue 16.5 attack: … looks up and lists its unit's reports — refused", async () => {
    await assertFails(getDoc(doc(member(GZ, before), reportPath())));
    await assertFails(getDocs(query(collection(member(GZ, before), `programmes/${GZ}/reports`), where("unitId", "==", A))));
  });
  it("issue 16.5 attack: … edits and submits its draft — refused", async () => {
    await assertFails(updateDoc(doc(member(GZ, before), reportPath()), { metrics: { solutions: 9 }, ...stamp() }));
    await assertFails(updateDoc(doc(member(GZ, before), reportPath()), { state: "submitted", ...stamp() }));
  });
  it("issue 16.5 attack: … creates a change application — refused", async () => {
    await assertFails(setDoc(doc(member(GZ, before), `programmes/${GZ}/changes/late`), { unitId: A, type: "partnerRemove", state: "draft", payload: { type: "partnerRemove", partnerId: "p1", reason: "终止" }, documents: [], ...stamp() }));
  });
  it("issue 16.5 attack: staff removed from the programme, signed in before, read and list reports and bans — refused", async () => {
    await assertFails(getDoc(doc(staff(before), reportPath())));
    await assertFails(getDocs(collection(staff(before), `programmes/${GZ}/reports`)));
    await assertFails(getDoc(doc(staff(before), `programmes/${GZ}/bans/91440100MA0000015P`)));
  });
  it("issue 16.5: the same person signed in again at the second of the revocation, or later, has its (new) role", async () => {
    for (const t of [REVOKED, REVOKED + 3600]) {
      await assertSucceeds(getDoc(doc(member(GZ, t), `programmes/${GZ}/units/${A}`)));
      await assertSucceeds(getDoc(doc(staff(t), reportPath())));
    }
    await assertSucceeds(updateDoc(doc(member(GZ, REVOKED + 60), reportPath()), { metrics: { solutions: 9 }, ...stamp() }));
  });
  it("issue 16.5: a stale token still reads what the public reads", async () => {
    await assertSucceeds(getDoc(doc(member(GZ, before), `programmes/${GZ}/announcements/an1`)));
  });
  it("issue 16.5: people whose sessions were never revoked are not affected", async () => {
    const other = modular(env.authenticatedContext("member-c", { unit: { programmeId: GZ, unitId: A }, auth_time: 1 }).firestore());
    await assertSucceeds(getDoc(doc(other, `programmes/${GZ}/units/${A}`)));
  });
  it("issue 16.5: nobody reads or writes the revocation records from a client", async () => {
    await assertFails(getDoc(doc(member(GZ, REVOKED + 1), `tokenRevocations/${UID}`)));
    await assertFails(setDoc(doc(member(GZ, before), `tokenRevocations/${UID}`), { tokensValidAfter: 0, revokedAt: new Date() }));
    await assertFails(setDoc(doc(staff(REVOKED + 1), `tokenRevocations/${UID}`), { tokensValidAfter: 0, revokedAt: new Date() }));
  });
});

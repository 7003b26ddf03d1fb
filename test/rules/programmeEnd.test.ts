// GZ-5.2 / DG-18 in firestore.rules: a programme is valid until the pilot's acceptance (`endsOn`,
// an Asia/Shanghai date); from 00:00 Shanghai time on the next day clients may no longer write
// anything under it, but may still read what they could read before (read-only, not hidden).
// The functions decide the same with domain/machine.ts `programmeClosed`; the boundary block
// below checks the rules' helper against it instant by instant.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, doc, getDoc, getDocs, query, serverTimestamp, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDate, type IsoDate } from "../../functions/src/domain/dates.js";
import { programmeClosed } from "../../functions/src/domain/machine.js";
import { getPolicyPack } from "../../functions/src/domain/policy/index.js";
import { hostPort } from "../support/emulators.js";
import { period } from "./fixtures.js";

const PROJECT = "demo-rules-end";
const RULES = readFileSync("firestore.rules", "utf8");
const modular = (db: unknown) => db as Firestore;

let env: RulesTestEnvironment;
beforeAll(async () => {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  env = await initializeTestEnvironment({ projectId: PROJECT, firestore: { host, port, rules: RULES } });
});
afterAll(() => env.cleanup());

/** Both cities: Guangzhou reports quarterly, Dongguan yearly. */
const programmes = [
  { clause: "GZ-5.2", id: "gz-2025", packId: "guangzhou", unitId: "gz-u01", periodId: "2025-Q4", staff: "staff-gz", member: "member-gz-01" },
  { clause: "DG-18", id: "dg-2025", packId: "dongguan", unitId: "dg-u01", periodId: "2025", staff: "staff-dg", member: "member-dg-01" },
] as const;
type Programme = (typeof programmes)[number];

// The real clock decides in the rules (request.time), so the dates are set around today.
const today = () => shanghaiDate(new Date());

const asMember = (p: Programme) => modular(env.authenticatedContext(p.member, { unit: { programmeId: p.id, unitId: p.unitId } }).firestore());
const asStaff = (p: Programme) => modular(env.authenticatedContext(p.staff, { staff: { [p.id]: "reviewer" } }).firestore());

const reportId = (p: Programme) => `${p.unitId}_${p.periodId}`;
const report = (p: Programme, over: Record<string, unknown> = {}) => ({ unitId: p.unitId, periodId: p.periodId, state: "draft", metrics: { solutions: 3 }, updatedBy: p.member, updatedAt: serverTimestamp(), ...over });
const change = (p: Programme, over: Record<string, unknown> = {}) => ({
  unitId: p.unitId, type: "partnerAdd", state: "draft", payload: { type: "partnerAdd", name: "新伙伴（演示）有限公司", uscc: "91440100MA0000015P" }, documents: [], updatedBy: p.member, updatedAt: serverTimestamp(), ...over,
});

const nextPeriod = (p: Programme) => (p.periodId.includes("Q") ? "2026-Q1" : "2026");

/** The programme with the given end, and one existing draft report and draft application of the unit. */
async function seed(p: Programme, endsOn: IsoDate | null) {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = modular(ctx.firestore());
    await setDoc(doc(db, `programmes/${p.id}`), { name: "专项", city: p.id.slice(0, 2), packId: p.packId, startsOn: "2025-01-01", endsOn });
    // Reports need their period open (issue 16.2): the one reported on, and the next one.
    for (const id of [p.periodId, nextPeriod(p)]) await setDoc(doc(db, `programmes/${p.id}/periods/${id}`), period(id));
    await setDoc(doc(db, `programmes/${p.id}/reports/${reportId(p)}`), { ...report(p), updatedAt: new Date() });
    await setDoc(doc(db, `programmes/${p.id}/changes/ch-draft`), { ...change(p), updatedAt: new Date() });
  });
}

/** The client writes a unit may make under a programme: its report and change-application drafts. */
const clientWrites: [string, (p: Programme, db: Firestore) => Promise<void>][] = [
  ["creates a report draft", (p, db) => setDoc(doc(db, `programmes/${p.id}/reports/${p.unitId}_${nextPeriod(p)}`), report(p, { periodId: nextPeriod(p) }))],
  ["updates its report draft", (p, db) => updateDoc(doc(db, `programmes/${p.id}/reports/${reportId(p)}`), { metrics: { solutions: 4 }, updatedBy: p.member, updatedAt: serverTimestamp() })],
  ["submits its report", (p, db) => updateDoc(doc(db, `programmes/${p.id}/reports/${reportId(p)}`), { state: "submitted", updatedBy: p.member, updatedAt: serverTimestamp() })],
  ["creates a change-application draft", (p, db) => setDoc(doc(db, `programmes/${p.id}/changes/ch-new`), change(p))],
  [
    "updates its change-application draft",
    (p, db) => updateDoc(doc(db, `programmes/${p.id}/changes/ch-draft`), { payload: { type: "partnerAdd", name: "改名后的伙伴（演示）有限公司", uscc: "91440100MA0000015P" }, updatedBy: p.member, updatedAt: serverTimestamp() }),
  ],
];

for (const p of programmes) {
  describe(`${p.clause}: ${p.id} (${p.packId}) — client writes end with the programme`, () => {
    const cases: { when: string; endsOn: () => IsoDate | null; allowed: boolean }[] = [
      { when: "while the programme runs (no end date)", endsOn: () => null, allowed: true },
      { when: "on the acceptance day itself (endsOn = today in Shanghai)", endsOn: today, allowed: true },
      { when: "the day after acceptance (endsOn = yesterday in Shanghai)", endsOn: () => addDays(today(), -1), allowed: false },
    ];
    for (const c of cases) {
      describe(c.when, () => {
        for (const [what, write] of clientWrites) {
          it(`${p.clause}: a member ${what} — ${c.allowed ? "allowed" : "denied"} ${c.when}`, async () => {
            await seed(p, c.endsOn());
            const attempt = write(p, asMember(p));
            await (c.allowed ? assertSucceeds(attempt) : assertFails(attempt));
          });
        }
      });
    }

    describe("after acceptance the programme stays readable (read-only, not hidden)", () => {
      beforeAll(() => seed(p, addDays(today(), -1)));
      it(`${p.clause}: the member still reads the programme, its report and its applications`, async () => {
        const db = asMember(p);
        await assertSucceeds(getDoc(doc(db, `programmes/${p.id}`)));
        await assertSucceeds(getDoc(doc(db, `programmes/${p.id}/reports/${reportId(p)}`)));
        await assertSucceeds(getDocs(query(collection(db, `programmes/${p.id}/reports`), where("unitId", "==", p.unitId))));
        const changes = await assertSucceeds(getDocs(query(collection(db, `programmes/${p.id}/changes`), where("unitId", "==", p.unitId))));
        expect(changes.docs.map((d) => d.id)).toEqual(["ch-draft"]);
      });
      it(`${p.clause}: staff still read and list the programme's reports and applications`, async () => {
        const db = asStaff(p);
        await assertSucceeds(getDoc(doc(db, `programmes/${p.id}`)));
        expect((await assertSucceeds(getDocs(collection(db, `programmes/${p.id}/reports`)))).size).toBe(1);
        expect((await assertSucceeds(getDocs(collection(db, `programmes/${p.id}/changes`)))).size).toBe(1);
      });
      it(`${p.clause}: a returned report can no longer be resubmitted after acceptance`, async () => {
        await env.withSecurityRulesDisabled(async (ctx) => {
          await setDoc(doc(modular(ctx.firestore()), `programmes/${p.id}/reports/${reportId(p)}`), { ...report(p), state: "returned", updatedAt: new Date() });
        });
        await assertFails(updateDoc(doc(asMember(p), `programmes/${p.id}/reports/${reportId(p)}`), { state: "submitted", updatedBy: p.member, updatedAt: serverTimestamp() }));
      });
    });
  });
}

describe("GZ-5.2: a programme that does not exist takes no client writes", () => {
  it("GZ-5.2: a member's draft under a missing programme document is refused (the end cannot be checked)", async () => {
    await env.clearFirestore();
    const p = programmes[0];
    await assertFails(setDoc(doc(asMember(p), `programmes/${p.id}/reports/${reportId(p)}`), report(p)));
    await assertFails(setDoc(doc(asMember(p), `programmes/${p.id}/changes/ch-new`), change(p)));
  });
});

// The day boundary, exactly. request.time cannot be set, so the rules' own helper `openAt(endsOn, t)`
// (the one programmeOpen() calls with request.time) is asked through a probe collection added to
// the production rules for this test only, with `t` given as data. Each answer must equal the
// functions' definition: domain `programmeClosed` with today = the Shanghai date of `t`.
describe("GZ-5.2 / DG-18: the day boundary is 00:00 Asia/Shanghai after endsOn", () => {
  const marker = "    match /programmes/{p} {";
  const probe = "    match /endProbe/{id} {\n      allow create: if openAt(request.resource.data.endsOn, request.resource.data.at);\n    }\n";
  let probeEnv: RulesTestEnvironment;
  beforeAll(async () => {
    expect(RULES).toContain(marker);
    const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
    probeEnv = await initializeTestEnvironment({ projectId: `${PROJECT}-probe`, firestore: { host, port, rules: RULES.replace(marker, probe + marker) } });
    // Each question is a create, so no answer may be left over from an earlier run.
    await probeEnv.clearFirestore();
  });
  afterAll(() => probeEnv.cleanup());

  const ask = (endsOn: IsoDate | null, at: string, n: number) => setDoc(doc(modular(probeEnv.unauthenticatedContext().firestore()), `endProbe/q${n}`), { endsOn, at: new Date(at) });
  const domainOpen = (endsOn: IsoDate | null, at: string) => programmeClosed({ today: shanghaiDate(new Date(at)), pack: getPolicyPack("guangzhou"), programmeEndsOn: endsOn }) === undefined;

  const instants: { clause: string; endsOn: IsoDate | null; at: string; label: string; open: boolean }[] = [
    { clause: "GZ-5.2", endsOn: "2025-12-31", at: "2025-12-30T16:00:00.000Z", label: "00:00 Shanghai on endsOn", open: true },
    { clause: "GZ-5.2", endsOn: "2025-12-31", at: "2025-12-31T15:59:00.000Z", label: "23:59 Shanghai on endsOn", open: true },
    { clause: "GZ-5.2", endsOn: "2025-12-31", at: "2025-12-31T15:59:59.999Z", label: "the last millisecond of endsOn in Shanghai", open: true },
    { clause: "GZ-5.2", endsOn: "2025-12-31", at: "2025-12-31T16:00:00.000Z", label: "00:00 Shanghai the next day", open: false },
    // Still endsOn in UTC, already the next day in Shanghai: a UTC date would get this wrong.
    { clause: "GZ-5.2", endsOn: "2025-12-31", at: "2025-12-31T20:00:00.000Z", label: "04:00 Shanghai the next day (still endsOn in UTC)", open: false },
    { clause: "DG-18", endsOn: "2026-02-28", at: "2026-02-28T15:59:00.000Z", label: "23:59 Shanghai on endsOn (end of February)", open: true },
    { clause: "DG-18", endsOn: "2026-02-28", at: "2026-02-28T16:00:00.000Z", label: "00:00 Shanghai on 1 March", open: false },
    { clause: "DG-18", endsOn: "2024-02-28", at: "2024-02-29T15:59:00.000Z", label: "23:59 Shanghai on 29 February of a leap year, the day after endsOn", open: false },
    { clause: "DG-18", endsOn: null, at: "2099-01-01T00:00:00.000Z", label: "any time when no end is set", open: true },
  ];
  instants.forEach((q, n) => {
    it(`${q.clause}: endsOn ${q.endsOn ?? "null"}, ${q.label} (${q.at}) — ${q.open ? "open" : "closed"}, as the functions decide`, async () => {
      expect(domainOpen(q.endsOn, q.at)).toBe(q.open);
      await (q.open ? assertSucceeds(ask(q.endsOn, q.at, n)) : assertFails(ask(q.endsOn, q.at, n)));
    });
  });
});

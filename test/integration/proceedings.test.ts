// Proceedings on the emulators: criticism with rectification (GZ-4.4a), its overdue outcomes
// (GZ-4.3b: continued rectification, cancelled qualification, announced), clear-out with the
// bureau meeting (GZ-4.4b.1-9) or without it (DG-10.1-6), its ban from the programme's own list,
// suspensions and public announcement (GZ-4.5, DG-11), partner removal (DG-16.1-6), and listing
// units (GZ-4.3a, DG-2).
import { deleteApp, initializeApp } from "firebase/app";
import { collection, connectFirestoreEmulator, getDocs, getFirestore, orderBy, query } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { DEMO_CALENDAR_OVERRIDES } from "../../scripts/demo/generate.js";
import { sweepDeadlines } from "../../functions/src/usecases/sweepDeadlines.js";
import { productionDeps } from "../../functions/src/usecases/deps.js";
import { makeCalendar } from "../../functions/src/domain/calendar.js";
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import { admin, clearFirestore, closeClients, hostPort, PROJECT_ID, signedInClient } from "../support/emulators.js";
import { auditOf, publishPartnerListNow, seedCatalogueItem, seedDocument, seedPartner, seedUnit } from "../support/workflowFixtures.js";
import { auditClauseOffenders } from "../support/auditClauses.js";

const GZ = "gz-2025";
const DG = "dg-2025";
type Client = Awaited<ReturnType<typeof signedInClient>>;
let gz: Client;
let dg: Client;
const today = () => shanghaiDate(new Date());

interface Step {
  state: string;
  allowedEvents: string[];
  clause: string;
}
const step = (c: Client, programmeId: string, proceedingId: string, event: Record<string, unknown>, expectedState?: string) =>
  c.call<Step>("proceedingEvent", { programmeId, proceedingId, event, ...(expectedState ? { expectedState } : {}) });
const open = (c: Client, req: Record<string, unknown>) => c.call<{ proceedingId: string; state: string; allowedEvents: string[] }>("openProceeding", req);
const unitStatus = async (programmeId: string, unitId: string) => (await collections.units(programmeId).doc(unitId).get()).data()?.status;
const proceeding = async (programmeId: string, id: string) => (await collections.proceedings(programmeId).doc(id).get()).data()!;

/** Anonymous public reader (no account), as the announcements page. */
async function publicAnnouncements(programmeId: string) {
  const app = initializeApp({ apiKey: "demo-api-key", projectId: PROJECT_ID }, `public-${Date.now()}`);
  const db = getFirestore(app);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  try {
    // The public page's own query: newest first.
    return (await getDocs(query(collection(db, `programmes/${programmeId}/announcements`), orderBy("publishedAt", "desc")))).docs.map((d) => ({ id: d.id, ...d.data() }) as Record<string, unknown> & { id: string });
  } finally {
    await deleteApp(app);
  }
}

let seq = 500;
async function freshUnit(programmeId: string, name: string) {
  const id = `${programmeId.slice(0, 2)}-t${++seq}`;
  await seedUnit(programmeId, id, seq, name);
  return id;
}

/** Opens a clear-out on `ground` and takes it to effect (with the bureau meeting where the pack requires it). */
async function clearOut(programmeId: string, unitId: string, ground: string) {
  const c = programmeId === GZ ? gz : dg;
  const docId = `exit-${unitId}`;
  await seedDocument(programmeId, docId, "unitExitRequest", unitId);
  const { proceedingId } = await open(c, { programmeId, kind: "clearOut", unitId, ground, evidence: [{ description: `依据 ${ground} 的事实`, documentId: docId }] });
  expect(await unitStatus(programmeId, unitId)).toBe("clearOutProposed");
  if (programmeId === GZ) {
    await seedDocument(programmeId, `minutes-${proceedingId}`, "meetingMinutes");
    await c.call("recordBureauMeeting", { programmeId, proceedingId, heldOn: today(), minutesDocumentId: `minutes-${proceedingId}`, decision: "confirmed" });
  }
  const done = await step(c, programmeId, proceedingId, { type: "takeEffect" });
  return { proceedingId, done };
}

/** A Guangzhou criticism issued on GZ-4.4a.3 whose rectification deadline has passed. */
async function overdueCriticism(unitId: string) {
  const { proceedingId } = await open(gz, { programmeId: GZ, kind: "criticism", unitId, ground: "GZ-4.4a.3", evidence: [{ description: "进度滞后且未说明" }] });
  await step(gz, GZ, proceedingId, { type: "issue" });
  // The deadline passes (the deadline sweep of another workflow would see the same record).
  const ref = collections.proceedings(GZ).doc(proceedingId);
  const p = (await ref.get()).data()!;
  await ref.set({ ...p, rectificationDeadline: addDays(today(), -1) } as typeof p);
  return proceedingId;
}

describe("proceedings", () => {
  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    gz = await signedInClient(account("staff-gz").email, DEMO_PASSWORD);
    dg = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
  });
  afterAll(closeClients);

  describe("listing units", () => {
    it("GZ-1.2: staff list a new unit with its status, listed date and batch", async () => {
      const uscc = makeUscc(701);
      const { unitId } = await gz.call<{ unitId: string }>("createUnit", { programmeId: GZ, name: "白云智联（演示）有限公司", uscc, listedOn: "2025-06-01", batch: "第二批" });
      expect((await collections.units(GZ).doc(unitId).get()).data()).toEqual({ name: "白云智联（演示）有限公司", uscc, status: "listed", listedOn: "2025-06-01", batch: "第二批" });
    });

    it("GZ-4.3a: units can be added at any time; the addition is audited and a duplicate refused", async () => {
      const uscc = makeUscc(702);
      const { unitId } = await gz.call<{ unitId: string }>("createUnit", { programmeId: GZ, name: "番禺数造（演示）有限公司", uscc, listedOn: today(), batch: "增补" });
      expect(await auditOf(GZ, `programmes/${GZ}/units/${unitId}`)).toEqual([expect.objectContaining({ action: "unit.listed", clause: "GZ-4.3a", actor: expect.objectContaining({ uid: "staff-gz" }) })]);
      await expect(gz.call("createUnit", { programmeId: GZ, name: "番禺数造", uscc, listedOn: today(), batch: "增补" })).rejects.toMatchObject({ code: "functions/failed-precondition", details: { code: "ALREADY_LISTED" } });
      // A seeded unit (other id scheme) is found by its USCC too.
      await expect(gz.call("createUnit", { programmeId: GZ, name: "重复", uscc: makeUscc(1), listedOn: today(), batch: "增补" })).rejects.toMatchObject({ details: { code: "ALREADY_LISTED" } });
    });

    it("DG-2: Dongguan lists units the same way, under its own clause; a bad USCC is refused naming the field", async () => {
      const { unitId } = await dg.call<{ unitId: string }>("createUnit", { programmeId: DG, name: "松山湖数服（演示）有限公司", uscc: makeUscc(703), listedOn: today(), batch: "第一批" });
      expect((await auditOf(DG, `programmes/${DG}/units/${unitId}`))[0]).toMatchObject({ clause: "DG-2" });
      await expect(dg.call("createUnit", { programmeId: DG, name: "x", uscc: "91440100MA00000000", listedOn: today(), batch: "x" })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("统一社会信用代码") });
      const member = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
      await expect(member.call("createUnit", { programmeId: DG, name: "x", uscc: makeUscc(704), listedOn: today(), batch: "x" })).rejects.toMatchObject({ code: "functions/permission-denied" });
    });
  });

  describe("criticism and rectification (GZ-4.4a, GZ-4.3b)", () => {
    it("GZ-4.3b: a criticism issued through proceedingEvent is found by the deadline sweep the day after its deadline and becomes overdue", async () => {
      const opened = await open(gz, { programmeId: GZ, kind: "criticism", unitId: "gz-u02", ground: "GZ-4.4a.5", evidence: [{ description: "未按约定上门服务" }] });
      await step(gz, GZ, opened.proceedingId, { type: "issue" });
      const issued = await proceeding(GZ, opened.proceedingId);
      const rectificationDeadline = issued.kind === "criticism" ? issued.rectificationDeadline : undefined;
      const onDeadline = (await sweepDeadlines(productionDeps(), { asOf: rectificationDeadline!, programmeIds: [GZ] }))[0]!;
      expect(onDeadline.overdue).toBe(0);
      const after = (await sweepDeadlines(productionDeps(), { asOf: addDays(rectificationDeadline!, 1), programmeIds: [GZ] }))[0]!;
      expect(after.overdue).toBe(1);
      expect(await proceeding(GZ, opened.proceedingId)).toMatchObject({ state: "overdue" });
      expect((await proceeding(GZ, opened.proceedingId)).nextDeadlineOn).toBeUndefined();
    });

    it("GZ-4.4a.2: a criticism is issued with the pack's 20-working-day deadline, answered with a rectification report and accepted", async () => {
      const unitId = "gz-u01";
      const opened = await open(gz, { programmeId: GZ, kind: "criticism", unitId, ground: "GZ-4.4a.2", evidence: [{ description: "2025-Q2 报告逾期未报送" }] });
      expect(opened).toMatchObject({ state: "proposed", allowedEvents: expect.arrayContaining(["issue", "dismiss"]) });
      const issued = await step(gz, GZ, opened.proceedingId, { type: "issue" });
      const expected = makeCalendar(DEMO_CALENDAR_OVERRIDES).deadline(today(), 20, "workingDays");
      expect(issued).toMatchObject({ state: "issued", clause: "GZ-4.4a.2" });
      // The deadline is also the record's next deadline, where the sweep looks (chronograph).
      expect(await proceeding(GZ, opened.proceedingId)).toMatchObject({ state: "issued", rectificationDeadline: expected, nextDeadlineOn: expected });
      expect(await unitStatus(GZ, unitId)).toBe("criticised");
      const notes = (await collections.notifications(GZ).where("toUnitId", "==", unitId).get()).docs.map((d) => d.data().body);
      expect(notes.join("\n")).toContain(expected);

      // The unit answers through its own callable, with its uploaded rectification report.
      const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
      await seedDocument(GZ, "rect-1", "rectificationReport", unitId);
      await seedDocument(GZ, "not-a-report", "businessLicence", unitId);
      await expect(member.call("respondToCriticism", { programmeId: GZ, proceedingId: opened.proceedingId, documentId: "not-a-report" })).rejects.toMatchObject({ code: "functions/invalid-argument" });
      const other = await signedInClient(account("member-gz-02").email, DEMO_PASSWORD);
      await seedDocument(GZ, "rect-2", "rectificationReport", "gz-u02");
      await expect(other.call("respondToCriticism", { programmeId: GZ, proceedingId: opened.proceedingId, documentId: "rect-2" })).rejects.toMatchObject({ code: "functions/permission-denied" });
      await expect(member.call("respondToCriticism", { programmeId: GZ, proceedingId: opened.proceedingId, documentId: "rect-1" })).resolves.toMatchObject({ state: "responded" });
      expect(await unitStatus(GZ, unitId)).toBe("rectifying");
      expect((await proceeding(GZ, opened.proceedingId)).nextDeadlineOn).toBeUndefined();

      await expect(step(gz, GZ, opened.proceedingId, { type: "acceptResponse" })).resolves.toMatchObject({ state: "accepted" });
      expect(await unitStatus(GZ, unitId)).toBe("listed");
      const audit = await auditOf(GZ, `programmes/${GZ}/proceedings/${opened.proceedingId}`);
      expect(audit.map((a) => [a.action, a.clause]).sort()).toEqual([
        ["proceeding.acceptResponse", "GZ-4.4a.2"],
        ["proceeding.issue", "GZ-4.4a.2"],
        ["proceeding.opened", "GZ-4.4a.2"],
        ["proceeding.respond", "GZ-4.4a.2"],
      ]);
      expect(audit.find((a) => a.action === "proceeding.respond")?.actor).toMatchObject({ role: "unitMember", uid: "member-gz-01" });
    });

    it.each(["GZ-4.4a.4", "GZ-4.4a.5"])("%s: staff open and issue a criticism on this ground with stated facts and a chosen deadline", async (ground) => {
      const unitId = await freshUnit(GZ, `批评测试单位 ${ground}`);
      await expect(open(gz, { programmeId: GZ, kind: "criticism", unitId, ground, evidence: [] })).rejects.toMatchObject({ details: { code: "EVIDENCE_REQUIRED" } });
      const { proceedingId } = await open(gz, { programmeId: GZ, kind: "criticism", unitId, ground, evidence: [{ description: ground === "GZ-4.4a.4" ? "法定代表人于 2025-03-01 变更，至今未报告" : "未履行绩效任务书约定的诊断职责" }] });
      const deadline = addDays(today(), 10);
      await step(gz, GZ, proceedingId, { type: "issue", deadline });
      expect(await proceeding(GZ, proceedingId)).toMatchObject({ state: "issued", rectificationDeadline: deadline, ground });
      expect((await auditOf(GZ, `programmes/${GZ}/proceedings/${proceedingId}`)).map((a) => a.clause)).toEqual([ground, ground]);
    });

    it("GZ-4.4a.1: a criticism ground the pack does not list, or criticism in Dongguan, is refused", async () => {
      await expect(open(gz, { programmeId: GZ, kind: "criticism", unitId: "gz-u02", ground: "GZ-4.4a.9", evidence: [{ description: "x" }] })).rejects.toMatchObject({ details: { code: "GROUND_NOT_IN_POLICY" } });
      await expect(open(dg, { programmeId: DG, kind: "criticism", unitId: "dg-u01", ground: "GZ-4.4a.5", evidence: [{ description: "x" }] })).rejects.toMatchObject({ details: { code: "PROCEDURE_NOT_IN_POLICY" } });
    });

    it("GZ-4.3b: past the deadline the unit can no longer respond; staff mark it overdue and extend the deadline", async () => {
      const unitId = await freshUnit(GZ, "逾期整改单位甲");
      const proceedingId = await overdueCriticism(unitId);
      const { allowedEvents } = await gz.call<{ allowedEvents: string[] }>("proceedingAllowedEvents", { programmeId: GZ, proceedingId });
      expect(allowedEvents).toEqual(["markOverdue"]);
      await expect(step(gz, GZ, proceedingId, { type: "markOverdue" })).resolves.toMatchObject({ state: "overdue", clause: "GZ-4.3b", allowedEvents: ["extend", "cancelQualification", "escalate"] });
      const newDeadline = addDays(today(), 15);
      await expect(step(gz, GZ, proceedingId, { type: "extend", deadline: addDays(today(), -3) })).rejects.toMatchObject({ details: { code: "DEADLINE_INVALID" } });
      await expect(step(gz, GZ, proceedingId, { type: "extend", deadline: newDeadline })).resolves.toMatchObject({ state: "issued", clause: "GZ-4.3b" });
      expect(await proceeding(GZ, proceedingId)).toMatchObject({ rectificationDeadline: newDeadline, extensions: [newDeadline] });
    });

    it("GZ-4.3b: an overdue rectification escalated by staff opens a clear-out proposal on the chosen ground", async () => {
      const unitId = await freshUnit(GZ, "逾期整改单位乙");
      const proceedingId = await overdueCriticism(unitId);
      await step(gz, GZ, proceedingId, { type: "markOverdue" });
      await expect(step(gz, GZ, proceedingId, { type: "escalate", clearOutGround: "GZ-4.4a.3" })).rejects.toMatchObject({ details: { code: "GROUND_NOT_IN_POLICY" } });
      await expect(step(gz, GZ, proceedingId, { type: "escalate", clearOutGround: "GZ-4.4b.8" })).resolves.toMatchObject({ state: "escalated", clause: "GZ-4.3b" });
      expect(await proceeding(GZ, `${proceedingId}-clearOut`)).toMatchObject({ kind: "clearOut", ground: "GZ-4.4b.8", state: "proposed", unitId });
      expect(await unitStatus(GZ, unitId)).toBe("clearOutProposed");
    });
  });

  describe("clear-out (GZ-4.4b, DG-10)", () => {
    it("GZ-4.4b.9: a Guangzhou clear-out is refused without the bureau meeting, then takes effect after it: ban, suspensions and a public announcement", async () => {
      const unitId = "gz-u02";
      await seedPartner(GZ, unitId, "gz-u02-p1", 801, "越秀数联（演示）有限公司");
      await seedPartner(GZ, unitId, "gz-u02-p2", 802, "海珠智算（演示）有限公司");
      await seedCatalogueItem(GZ, unitId, "gz-u02-c1", "gz-u02-p1");
      await seedDocument(GZ, "forgery-report", "evidence");
      const { proceedingId } = await open(gz, { programmeId: GZ, kind: "clearOut", unitId, ground: "GZ-4.4b.5", evidence: [{ description: "申报材料中的审计报告系伪造", documentId: "forgery-report" }] });
      await expect(step(gz, GZ, proceedingId, { type: "takeEffect" })).rejects.toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("局务会"), details: { code: "BUREAU_MEETING_REQUIRED" } });
      const { allowedEvents } = await gz.call<{ allowedEvents: string[] }>("proceedingAllowedEvents", { programmeId: GZ, proceedingId });
      expect(allowedEvents.sort()).toEqual(["dismiss", "recordBureauMeeting"]);

      await expect(gz.call("recordBureauMeeting", { programmeId: GZ, proceedingId, heldOn: today(), minutesDocumentId: "no-such-minutes", decision: "confirmed" })).rejects.toMatchObject({ code: "functions/not-found" });
      await seedDocument(GZ, "minutes-1", "meetingMinutes");
      await expect(gz.call("recordBureauMeeting", { programmeId: GZ, proceedingId, heldOn: today(), minutesDocumentId: "minutes-1", decision: "confirmed" })).resolves.toMatchObject({ state: "confirmed", clause: "GZ-4.4b.9", allowedEvents: ["takeEffect"] });
      await expect(step(gz, GZ, proceedingId, { type: "takeEffect" })).resolves.toMatchObject({ state: "announced", clause: "GZ-4.4b.5", allowedEvents: [] });

      const p = await proceeding(GZ, proceedingId);
      expect(p).toMatchObject({ state: "announced", effectiveOn: today(), announcedOn: today(), bureauMeeting: { heldOn: today(), minutesDocumentId: "minutes-1", decision: "confirmed" } });
      const unit = (await collections.units(GZ).doc(unitId).get()).data()!;
      expect(unit.status).toBe("clearedOut");
      expect((await collections.bans(GZ).doc(unit.uscc).get()).data()).toMatchObject({ unitName: unit.name, programmeId: GZ, proceedingId, ground: "GZ-4.4b.5" });
      expect((await collections.partners(GZ).where("unitId", "==", unitId).get()).docs.map((d) => d.data().status)).toEqual(["suspended", "suspended"]);
      expect((await collections.catalogue(GZ).doc("gz-u02-c1").get()).data()?.status).toBe("suspended");
    });

    it("GZ-4.5: the clear-out announcement, with the unit's name and the reason, is readable by an anonymous visitor", async () => {
      const list = await publicAnnouncements(GZ);
      expect(list).toEqual([expect.objectContaining({ unitName: "羊城云数信息（演示）有限公司", ground: "GZ-4.4b.5", reason: "伪造资料、弄虚作假", effectiveOn: today() })]);
      const audit = (await collections.audit(GZ).where("action", "==", "announcement.published").get()).docs.map((d) => d.data());
      expect(audit).toEqual([expect.objectContaining({ clause: "GZ-4.5" })]);
    });

    it("GZ-4.4b.6: replaying the decision that made a clear-out effective adds no second ban, announcement or audit entry", async () => {
      const proceedingId = (await collections.announcements(GZ).get()).docs[0]!.id;
      const countAll = async () => ({
        bans: (await collections.bans(GZ).get()).size,
        announcements: (await collections.announcements(GZ).get()).size,
        audit: (await collections.audit(GZ).get()).size,
        suspended: (await collections.partners(GZ).where("status", "==", "suspended").get()).size,
      });
      const before = await countAll();
      await expect(step(gz, GZ, proceedingId, { type: "takeEffect" })).rejects.toMatchObject({ details: { code: "EVENT_NOT_ALLOWED" } });
      await expect(step(gz, GZ, proceedingId, { type: "takeEffect" }, "confirmed")).rejects.toMatchObject({ details: { code: "ALREADY_DECIDED" } });
      expect(await countAll()).toEqual(before);
    });

    it("GZ-4.4b.6: a USCC cleared out in Guangzhou is never listed in Guangzhou again, but Dongguan may list it", async () => {
      const uscc = (await collections.units(GZ).doc("gz-u02").get()).data()!.uscc;
      await expect(gz.call("createUnit", { programmeId: GZ, name: "羊城云数（更名）", uscc, listedOn: today(), batch: "增补" })).rejects.toMatchObject({
        code: "functions/failed-precondition",
        message: expect.stringMatching(/已被本专项清退，不得重新申请纳入本专项名单.*依据 GZ-4\.4b\.5（伪造资料、弄虚作假）/),
        details: { code: "USCC_BANNED" },
      });
      // 不得重新申请纳入 Guangzhou's list: Dongguan's programme keeps its own list and its own bans.
      const { unitId } = await dg.call<{ unitId: string }>("createUnit", { programmeId: DG, name: "羊城云数东莞分公司（演示）", uscc, listedOn: today(), batch: "第二批" });
      expect((await collections.units(DG).doc(unitId).get()).data()).toMatchObject({ uscc, status: "listed" });
      expect((await collections.bans(DG).doc(uscc).get()).exists).toBe(false);
      expect((await auditOf(DG, `programmes/${DG}/units/${unitId}`))[0]).toMatchObject({ action: "unit.listed", clause: "DG-2" });
    });

    it("DG-10.3: a Dongguan clear-out takes effect without a bureau meeting and is announced with name and reason", async () => {
      const unitId = await freshUnit(DG, "长安数智（演示）有限公司");
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "clearOut", unitId, ground: "DG-10.3", evidence: [{ description: "2024、2025 年度绩效评价均不达标" }] });
      await expect(step(dg, DG, proceedingId, { type: "takeEffect" })).resolves.toMatchObject({ state: "announced", clause: "DG-10.3" });
      const ann = (await publicAnnouncements(DG)).find((a) => a.id === proceedingId);
      expect(ann).toMatchObject({ unitName: "长安数智（演示）有限公司", reason: "累计两次绩效评价不达标", ground: "DG-10.3" });
      expect((await collections.audit(DG).where("action", "==", "announcement.published").get()).docs.map((d) => d.data().clause)).toContain("DG-11");
      const uscc = (await collections.units(DG).doc(unitId).get()).data()!.uscc;
      await expect(dg.call("createUnit", { programmeId: DG, name: "长安数智", uscc, listedOn: today(), batch: "第二批" })).rejects.toMatchObject({ message: expect.stringContaining("DG-10.3"), details: { code: "USCC_BANNED" } });
      // DG-10 bars Dongguan's list only: Guangzhou may list the unit.
      await expect(gz.call("createUnit", { programmeId: GZ, name: "长安数智（演示）有限公司", uscc, listedOn: today(), batch: "增补" })).resolves.toMatchObject({ unitId: `u-${uscc}` });
    });

    it("DG-10.2: a Dongguan bureau meeting may still be recorded, and one that does not confirm drops the clear-out", async () => {
      const unitId = await freshUnit(DG, "厚街数服（演示）有限公司");
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "clearOut", unitId, ground: "DG-10.2", evidence: [{ description: "2025 年度未报送材料，未参加绩效评价" }] });
      await seedDocument(DG, "dg-minutes-1", "meetingMinutes");
      await expect(dg.call("recordBureauMeeting", { programmeId: DG, proceedingId, heldOn: today(), minutesDocumentId: "dg-minutes-1", decision: "rejected" })).resolves.toMatchObject({ state: "dropped" });
      expect(await unitStatus(DG, unitId)).toBe("listed");
      expect(await publicAnnouncements(DG)).not.toContainEqual(expect.objectContaining({ id: proceedingId }));
    });

    it.each(["GZ-4.4b.1", "GZ-4.4b.2", "GZ-4.4b.3", "GZ-4.4b.4", "GZ-4.4b.5", "GZ-4.4b.6", "GZ-4.4b.7", "GZ-4.4b.8"])(
      "%s: a Guangzhou clear-out on this ground goes through the bureau meeting to effect, ban and announcement",
      async (ground) => {
        const unitId = await freshUnit(GZ, `清退测试单位 ${ground}`);
        const { proceedingId, done } = await clearOut(GZ, unitId, ground);
        expect(done).toMatchObject({ state: "announced", clause: ground });
        const unit = (await collections.units(GZ).doc(unitId).get()).data()!;
        expect(unit.status).toBe("clearedOut");
        expect((await collections.bans(GZ).doc(unit.uscc).get()).data()?.ground).toBe(ground);
        expect((await collections.announcements(GZ).doc(proceedingId).get()).data()).toMatchObject({ unitName: unit.name, ground });
      },
    );

    it.each(["DG-10.1", "DG-10.2", "DG-10.3", "DG-10.4", "DG-10.5", "DG-10.6"])("%s: a Dongguan clear-out on this ground takes effect directly, with ban and announcement", async (ground) => {
      const unitId = await freshUnit(DG, `清退测试单位 ${ground}`);
      const { proceedingId, done } = await clearOut(DG, unitId, ground);
      expect(done).toMatchObject({ state: "announced", clause: ground });
      const unit = (await collections.units(DG).doc(unitId).get()).data()!;
      expect((await collections.bans(DG).doc(unit.uscc).get()).exists).toBe(true);
      expect((await collections.announcements(DG).doc(proceedingId).get()).data()?.ground).toBe(ground);
    });

    it("GZ-4.4b.7: the Guangzhou-only ground of improper fees is refused in Dongguan", async () => {
      await expect(open(dg, { programmeId: DG, kind: "clearOut", unitId: "dg-u01", ground: "GZ-4.4b.7", evidence: [{ description: "收取咨询费" }] })).rejects.toMatchObject({ details: { code: "GROUND_NOT_IN_POLICY" } });
    });

    it("DG-5.5: the published clear-out list shows every effective clear-out, newest first, with name and reason", async () => {
      const list = (await publicAnnouncements(DG)) as unknown as { unitName: string; ground: string; reason: string; publishedAt: { toMillis(): number } }[];
      expect(list.length).toBe(7);
      const times = list.map((a) => a.publishedAt.toMillis());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(list.every((a) => a.unitName && a.reason && a.ground.startsWith("DG-10."))).toBe(true);
    });
  });

  describe("partner removal (DG-16)", () => {
    it.each(["DG-16.1", "DG-16.2", "DG-16.3", "DG-16.4", "DG-16.5", "DG-16.6"])("%s: staff order the unit to drop the partner, then confirm the removal", async (ground) => {
      const partnerId = `rm-${ground}`;
      await seedPartner(DG, "dg-u01", partnerId, 900 + Number(ground.split(".")[1]), `待取消伙伴 ${ground}`);
      await seedDocument(DG, `req-${partnerId}`, "evidence", "dg-u01");
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "partnerRemoval", unitId: "dg-u01", partnerId, ground, evidence: [{ description: `依据 ${ground}`, documentId: `req-${partnerId}` }] });
      await expect(step(dg, DG, proceedingId, { type: "order" })).resolves.toMatchObject({ state: "ordered", clause: ground });
      expect((await collections.partners(DG).doc(partnerId).get()).data()?.status).toBe("removalOrdered");
      await expect(step(dg, DG, proceedingId, { type: "confirmRemoved" })).resolves.toMatchObject({ state: "removed" });
      expect((await collections.partners(DG).doc(partnerId).get()).data()?.status).toBe("removed");
      expect((await auditOf(DG, `programmes/${DG}/partners/${partnerId}`)).map((a) => a.after)).toEqual(expect.arrayContaining([{ status: "removalOrdered" }, { status: "removed" }]));
    });

    it("DG-16.3: the confirmed removal takes the partner off the published list through a new version naming the proceeding; a replayed confirmation publishes nothing more", async () => {
      await seedPartner(DG, "dg-u01", "list-stay", 970, "留用伙伴（演示）有限公司");
      await seedPartner(DG, "dg-u01", "list-gone", 971, "不满意伙伴（演示）有限公司");
      const listed = await publishPartnerListNow(DG);
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "partnerRemoval", unitId: "dg-u01", partnerId: "list-gone", ground: "DG-16.3", evidence: [{ description: "两家试点企业评价为不满意" }] });
      await step(dg, DG, proceedingId, { type: "order" });
      // Ordered, it stays on the list: the unit has yet to end the cooperation.
      expect((await collections.partnerLists(DG).get()).size).toBe(listed);
      await step(dg, DG, proceedingId, { type: "confirmRemoved" });

      const lists = await collections.partnerLists(DG).orderBy("version").get();
      expect(lists.size).toBe(listed + 1);
      const next = lists.docs.at(-1)!.data();
      expect(next).toMatchObject({ version: listed + 1, clause: "DG-16.3", proceedingId, changeIds: [], basis: expect.stringContaining("不满意伙伴（演示）有限公司") });
      expect(next.basis).toContain("试点企业对合作伙伴的服务满意度评价为“不满意”达到2次");
      const names = next.entries.map((e) => e.name);
      expect(names).toContain("留用伙伴（演示）有限公司");
      expect(names).not.toContain("不满意伙伴（演示）有限公司");
      // The previous version still lists it: versions are never rewritten.
      expect((await collections.partnerLists(DG).doc(String(listed)).get()).data()?.entries.map((e) => e.partnerId)).toContain("list-gone");
      const published = await auditOf(DG, `programmes/${DG}/partnerLists/${listed + 1}`);
      expect(published).toEqual([expect.objectContaining({ action: "partnerList.published", clause: "DG-16.3", after: expect.objectContaining({ removed: "list-gone", proceedingId }) })]);

      // Replayed (a second click, a retried request): refused, and no second version.
      await expect(step(dg, DG, proceedingId, { type: "confirmRemoved" })).rejects.toMatchObject({ details: { code: "EVENT_NOT_ALLOWED" } });
      expect((await collections.partnerLists(DG).get()).size).toBe(listed + 1);
      expect(await auditOf(DG, `programmes/${DG}/partnerLists/${listed + 1}`)).toHaveLength(1);
    });

    it("DG-16.4: a partner the latest list no longer carries is marked removed without another list version", async () => {
      await seedPartner(DG, "dg-u01", "never-listed", 972, "注销伙伴（演示）有限公司");
      const before = (await collections.partnerLists(DG).get()).size;
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "partnerRemoval", unitId: "dg-u01", partnerId: "never-listed", ground: "DG-16.4", evidence: [{ description: "经查询已注销" }] });
      await step(dg, DG, proceedingId, { type: "order" });
      await step(dg, DG, proceedingId, { type: "confirmRemoved" });
      expect((await collections.partners(DG).doc("never-listed").get()).data()?.status).toBe("removed");
      expect((await collections.partnerLists(DG).get()).size).toBe(before);
    });

    it("DG-16.6: two staff deciding the same proposal at once — one wins, the other is told it was already decided", async () => {
      await seedPartner(DG, "dg-u01", "race-p", 950, "并发伙伴（演示）有限公司");
      const { proceedingId } = await open(dg, { programmeId: DG, kind: "partnerRemoval", unitId: "dg-u01", partnerId: "race-p", ground: "DG-16.6", evidence: [{ description: "不再符合合作伙伴要求" }] });
      const second = await signedInClient(account("staff-dg").email, DEMO_PASSWORD);
      const results = await Promise.allSettled([step(dg, DG, proceedingId, { type: "order" }, "proposed"), step(second, DG, proceedingId, { type: "dismiss", reason: "经核实符合要求" }, "proposed")]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: "functions/failed-precondition", message: expect.stringContaining("该事项已由他人处理"), details: { code: "ALREADY_DECIDED" } });
      const p = await proceeding(DG, proceedingId);
      expect(["ordered", "dismissed"]).toContain(p.state);
      expect((await auditOf(DG, `programmes/${DG}/proceedings/${proceedingId}`)).filter((a) => a.action !== "proceeding.opened")).toHaveLength(1);
    });

    it("DG-16.1: partner removal is not a Guangzhou procedure", async () => {
      await seedPartner(GZ, "gz-u01", "gz-keep", 960, "荔湾数联（演示）有限公司");
      await expect(open(gz, { programmeId: GZ, kind: "partnerRemoval", unitId: "gz-u01", partnerId: "gz-keep", ground: "DG-16.1", evidence: [{ description: "x" }] })).rejects.toMatchObject({ details: { code: "PROCEDURE_NOT_IN_POLICY" } });
    });
  });

  describe("withdrawal on the unit's own request", () => {
    it("DG-10.1: a unit member files its exit request; staff make it effective and the unit is cleared out for good", async () => {
      const member = await signedInClient(account("member-dg-01").email, DEMO_PASSWORD);
      await seedDocument(DG, "dg-exit", "unitExitRequest", "dg-u01");
      const { proceedingId } = await member.call<{ proceedingId: string }>("requestWithdrawal", { programmeId: DG, documentId: "dg-exit", reason: "公司业务调整，申请退出" });
      await expect(member.call("requestWithdrawal", { programmeId: DG, documentId: "dg-exit", reason: "重复提交" })).rejects.toMatchObject({ code: "functions/already-exists" });
      expect(await proceeding(DG, proceedingId)).toMatchObject({ kind: "clearOut", ground: "DG-10.1", state: "proposed", openedBy: expect.objectContaining({ role: "unitMember" }) });
      await step(dg, DG, proceedingId, { type: "takeEffect" });
      expect(await unitStatus(DG, "dg-u01")).toBe("clearedOut");
    });

    it("GZ-4.4b.1: a Guangzhou exit request must carry the unit's own uploaded request", async () => {
      const member = await signedInClient(account("member-gz-01").email, DEMO_PASSWORD);
      await seedDocument(GZ, "gz-licence", "businessLicence", "gz-u01");
      await expect(member.call("requestWithdrawal", { programmeId: GZ, documentId: "gz-licence", reason: "退出" })).rejects.toMatchObject({ code: "functions/invalid-argument" });
      await seedDocument(GZ, "gz-exit", "unitExitRequest", "gz-u01");
      const { proceedingId } = await member.call<{ proceedingId: string }>("requestWithdrawal", { programmeId: GZ, documentId: "gz-exit", reason: "申请退出试点" });
      expect(await proceeding(GZ, proceedingId)).toMatchObject({ ground: "GZ-4.4b.1", state: "proposed" });
      await expect(step(gz, GZ, proceedingId, { type: "takeEffect" })).rejects.toMatchObject({ details: { code: "BUREAU_MEETING_REQUIRED" } });
    });
  });

  describe("qualification cancelled for an unrectified criticism (GZ-4.3b)", () => {
    it("GZ-4.3b: staff cancel the qualification of a unit that did not rectify in time — it leaves the list, is announced and audited under GZ-4.3b, with no ban and no clear-out", async () => {
      const name = "逾期整改单位丙（演示）有限公司";
      const unitId = await freshUnit(GZ, name);
      await seedPartner(GZ, unitId, `${unitId}-p1`, 870, "白云数联伙伴（演示）有限公司");
      await seedCatalogueItem(GZ, unitId, `${unitId}-c1`, `${unitId}-p1`);
      const proceedingId = await overdueCriticism(unitId);
      await step(gz, GZ, proceedingId, { type: "markOverdue" });
      await expect(step(gz, GZ, proceedingId, { type: "cancelQualification", reason: " " })).rejects.toMatchObject({ code: "functions/invalid-argument", message: expect.stringContaining("取消资格的事实和理由不能为空") });
      const facts = "逾期一个月仍未提交整改报告，经督促仍不整改，情节严重";
      await expect(step(gz, GZ, proceedingId, { type: "cancelQualification", reason: facts }, "overdue")).resolves.toMatchObject({ state: "qualificationCancelled", clause: "GZ-4.3b", allowedEvents: [] });

      const unit = (await collections.units(GZ).doc(unitId).get()).data()!;
      expect(unit.status).toBe("qualificationCancelled");
      expect((await collections.partners(GZ).doc(`${unitId}-p1`).get()).data()?.status).toBe("suspended");
      expect((await collections.catalogue(GZ).doc(`${unitId}-c1`).get()).data()?.status).toBe("suspended");
      // Its own outcome: no ban (GZ-4.3b says nothing of 不得重新申请纳入) and no clear-out on a GZ-4.4b ground.
      expect((await collections.bans(GZ).doc(unit.uscc).get()).exists).toBe(false);
      expect((await collections.proceedings(GZ).where("unitId", "==", unitId).get()).docs.map((d) => d.data().kind)).toEqual(["criticism"]);

      // Announced to the public like a clear-out, saying what became of the unit and why.
      const ann = (await publicAnnouncements(GZ)).find((a) => a.id === proceedingId);
      expect(ann).toMatchObject({ outcome: "qualificationCancelled", unitName: name, uscc: unit.uscc, ground: "GZ-4.3b", effectiveOn: today(), proceedingId });
      expect(ann?.reason).toBe(`通报批评（季度考核项目实施进度滞后，没有合理说明以及有效补救措施）责令的整改未在规定时间内完成：${facts}`);

      // Every step audited under GZ-4.3b: the decision, the unit's status, the announcement.
      const audit = [
        ...(await auditOf(GZ, `programmes/${GZ}/proceedings/${proceedingId}`)),
        ...(await auditOf(GZ, `programmes/${GZ}/units/${unitId}`)),
        ...(await auditOf(GZ, `programmes/${GZ}/announcements/${proceedingId}`)),
      ];
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: "proceeding.cancelQualification", clause: "GZ-4.3b", after: { state: "qualificationCancelled", reason: facts }, actor: expect.objectContaining({ uid: "staff-gz" }) }),
          expect.objectContaining({ action: "unit.status", clause: "GZ-4.3b", before: { status: "criticised" }, after: { status: "qualificationCancelled" } }),
          expect.objectContaining({ action: "announcement.published", clause: "GZ-4.3b" }),
        ]),
      );
      expect(audit.filter((a) => a.action === "unit.banned")).toEqual([]);
      // The unit is told.
      const notes = (await collections.notifications(GZ).where("toUnitId", "==", unitId).get()).docs.map((d) => d.data().body);
      expect(notes.join("\n")).toContain("依据 GZ-4.3b 取消牵引单位资格");
    });

    it("GZ-4.3b: a unit whose qualification was cancelled may be listed again later; the cancelled record is kept", async () => {
      const cancelled = (await collections.units(GZ).where("status", "==", "qualificationCancelled").get()).docs[0]!;
      const { uscc } = cancelled.data();
      const { unitId } = await gz.call<{ unitId: string }>("createUnit", { programmeId: GZ, name: "逾期整改单位丙（演示）有限公司", uscc, listedOn: today(), batch: "增补" });
      expect(unitId).toBe(`u-${uscc}-2`);
      expect((await collections.units(GZ).doc(unitId).get()).data()).toMatchObject({ uscc, status: "listed" });
      expect((await collections.units(GZ).doc(cancelled.id).get()).data()?.status).toBe("qualificationCancelled");
      await expect(gz.call("createUnit", { programmeId: GZ, name: "重复", uscc, listedOn: today(), batch: "增补" })).rejects.toMatchObject({ details: { code: "ALREADY_LISTED" } });
    });
  });
});

describe("audit entries cite the programme's own regulation (issue 14 item 10)", () => {
  it("GZ-2.1 / DG-5.3: every audit entry the flows above wrote cites a clause of its own programme's pack and names no other city's clause", async () => {
    const { offenders, audited } = await auditClauseOffenders();
    expect(offenders).toEqual([]);
    expect(Object.values(audited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

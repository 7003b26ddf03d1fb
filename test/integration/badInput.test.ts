// Bad input loses nothing: fast-check throws generated junk at every callable that index.ts
// exports — wrong types, missing fields, 100 kB strings, unknown enum values, impossible dates,
// invalid USCCs, another programme's ids — as the role the callable serves and as an anonymous
// caller. Each call must be refused with an HttpsError whose code is a deliberate refusal (never
// `internal`), in Chinese, without a stack trace or English exception text, and the database
// must hold exactly the documents it held before.
// (The upload endpoint is an HTTPS function of its own branch, issue 7, and is fuzzed there.)
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exported from "../../functions/src/index.js";
import * as indexSchemas from "../../functions/src/domain/schemas/index.js";
import { enterHolidayArrangementRequestSchema } from "../../functions/src/domain/holidayArrangement.js";
import { grantRoleRequestSchema } from "../../functions/src/domain/schemas/roles.js";
import { exportWhatIfRequestSchema, settingsProposalSchema } from "../../functions/src/domain/settings.js";
import { account, DEMO_PASSWORD } from "../../scripts/demo/accounts.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { admin, anonymousCall, clearFirestore, closeClients, signedInClient } from "../support/emulators.js";
import { allDocuments } from "../support/snapshot.js";

const schemas = { ...indexSchemas, grantRoleRequestSchema, settingsProposalSchema, exportWhatIfRequestSchema, enterHolidayArrangementRequestSchema };
type Role = "staff" | "member" | "public";
// Each callable, the request schema validatedOnCall parses, and who it serves.
const CALLABLES: Record<string, { schema: keyof typeof schemas; role: Role }> = {
  grantRole: { schema: "grantRoleRequestSchema", role: "staff" },
  createUnit: { schema: "createUnitRequestSchema", role: "staff" },
  fileComplaint: { schema: "fileComplaintRequestSchema", role: "staff" },
  closeComplaint: { schema: "closeComplaintRequestSchema", role: "staff" },
  issueSurveyLink: { schema: "issueSurveyLinkRequestSchema", role: "staff" },
  getSurvey: { schema: "getSurveyRequestSchema", role: "public" },
  submitRating: { schema: "submitRatingRequestSchema", role: "public" },
  openProceeding: { schema: "openProceedingCallSchema", role: "staff" },
  proceedingEvent: { schema: "proceedingEventCallSchema", role: "staff" },
  proceedingAllowedEvents: { schema: "proceedingAllowedEventsRequestSchema", role: "staff" },
  respondToCriticism: { schema: "respondToCriticismRequestSchema", role: "member" },
  recordBureauMeeting: { schema: "recordBureauMeetingRequestSchema", role: "staff" },
  requestWithdrawal: { schema: "requestWithdrawalRequestSchema", role: "member" },
  submitChange: { schema: "submitChangeRequestSchema", role: "member" },
  reviewChange: { schema: "reviewChangeRequestSchema", role: "staff" },
  fileObjection: { schema: "fileObjectionRequestSchema", role: "public" },
  decideObjection: { schema: "decideObjectionRequestSchema", role: "staff" },
  notAdmitObjections: { schema: "notAdmitObjectionsRequestSchema", role: "staff" },
  runNoticeCycle: { schema: "runNoticeCycleRequestSchema", role: "staff" },
  reviewReport: { schema: "reviewReportRequestSchema", role: "staff" },
  enterJudgedScore: { schema: "judgedScoreRequestSchema", role: "staff" },
  approveEvaluation: { schema: "approveEvaluationRequestSchema", role: "staff" },
  fileAdvanceNotice: { schema: "fileAdvanceNoticeRequestSchema", role: "member" },
  recordUnfiledChange: { schema: "recordUnfiledChangeRequestSchema", role: "staff" },
  exportPeriod: { schema: "exportPeriodRequestSchema", role: "staff" },
  runPeriodClose: { schema: "runPeriodCloseRequestSchema", role: "staff" },
  runDeadlineSweep: { schema: "runJobRequestSchema", role: "staff" },
  checkDocuments: { schema: "checkDocumentsRequestSchema", role: "staff" },
  getDocumentDownload: { schema: "getDocumentDownloadRequestSchema", role: "staff" },
  issueDecisionDocument: { schema: "issueDecisionDocumentRequestSchema", role: "staff" },
  registerEnterprise: { schema: "registerEnterpriseRequestSchema", role: "staff" },
  importEnterprises: { schema: "importEnterprisesRequestSchema", role: "staff" },
  recordInterview: { schema: "recordInterviewRequestSchema", role: "staff" },
  recordAward: { schema: "recordAwardRequestSchema", role: "staff" },
  exportPublishedList: { schema: "exportPublishedListRequestSchema", role: "staff" },
  previewSettings: { schema: "settingsProposalSchema", role: "staff" },
  exportWhatIf: { schema: "exportWhatIfRequestSchema", role: "staff" },
  adoptSettings: { schema: "settingsProposalSchema", role: "staff" },
  enterHolidayArrangement: { schema: "enterHolidayArrangementRequestSchema", role: "staff" },
  issueCalendarFeed: { schema: "issueCalendarFeedRequestSchema", role: "member" },
  revokeCalendarFeed: { schema: "revokeCalendarFeedRequestSchema", role: "member" },
  setMailPreferences: { schema: "setMailPreferencesRequestSchema", role: "member" },
};
// Exports that are not callables: triggers, scheduled jobs and the HTTPS endpoints (the upload
// endpoint's refusals are tested in documents.test.ts, the calendar feed's in calendarFeed.test.ts, the public list file's in registry.test.ts).
const NOT_CALLABLE = ["onReportCreated", "onReportWritten", "noticeCycle", "periodClose", "deadlineSweep", "uploadDocument", "downloadDocument", "sweepOrphanFiles", "calendarFeed", "onNotificationCreated", "publishedListFile"];
const RUNS = 20; // per callable and caller (public callables get twice as many, having one caller)
const REFUSALS = ["invalid-argument", "permission-denied", "unauthenticated", "not-found", "failed-precondition", "already-exists", "resource-exhausted", "out-of-range", "aborted"];
const CJK = /[\u4e00-\u9fff]/;
const LEAK = /\bat [\w.<>]+ \(|\.(?:ts|js):\d+|TypeError|ReferenceError|RangeError|Cannot read|undefined is not|Invalid input|Unrecognized key|expected \w+, received/;

/** Every field name a request schema knows (objects, unions, pipes, optionals), so junk lands on real fields. */
function keysOf(schema: z.ZodType, out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  for (const inner of [def.innerType, def.in, def.out, def.left, def.right, def.element]) if (inner) keysOf(inner as z.ZodType, out);
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) keysOf(option, out);
  return out;
}

const HUGE = "数".repeat(35_000); // ~100 kB of UTF-8
const anyJunk = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, "", " ", HUGE, "x".repeat(100_000), [], {}, "未知取值", "UNKNOWN_STATE", "__proto__", "2026-02-30", "2025-13-01", "../../etc/passwd"),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxKeys: 3 }),
);
/** Junk shaped by the field name: the values a confused or hostile client would send there. */
function junkFor(key: string): fc.Arbitrary<unknown> {
  const special: unknown[] = [];
  if (/programmeId/i.test(key)) special.push("dg-2025", "no-such-programme", "gz-2025/units");
  if (/unitId/i.test(key)) special.push("dg-u01", "gz-u99", "gz-u01/x");
  if (/periodId/i.test(key)) special.push("2026-Q5", "2025-Q0", "2025Q3");
  if (/On$|date|asOf|Date/i.test(key)) special.push("2026-02-30", "2025-02-29", "2025-13-01", "20250101", "明天");
  if (/uscc/i.test(key)) special.push("91440101MA5CXXXX00", "123", "91440101MA5CXXXX0O");
  if (/Id$|^id$/i.test(key)) special.push("dg-only-id", "a/b", "");
  if (/state|type|kind|event|value|decision|role|level|method/i.test(key)) special.push("notAValue", "APPROVED", "删除");
  return special.length ? fc.oneof(fc.constantFrom(...special), anyJunk) : anyJunk;
}
function junkPayload(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = [...keysOf(schema)];
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, junkFor(k)])), { requiredKeys: [] });
  const withExtra = fields.chain((f) => fc.record({ extra: anyJunk }).map((e) => ({ ...f, ...e })));
  // Only what the schema refuses: a payload that happens to be valid is not junk.
  // As it travels: JSON (fast-check's dictionaries may have no prototype, which the client SDK cannot encode).
  return fc
    .oneof({ arbitrary: fields, weight: 5 }, { arbitrary: withExtra, weight: 1 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 })
    .map((d) => JSON.parse(JSON.stringify(d ?? null)) as unknown)
    .filter((d) => !schema.safeParse(d ?? {}).success);
}

describe("bad input at every callable", () => {
  const callers: Record<Role, (name: string, data: unknown) => Promise<unknown>> = { staff: anonymousCall, member: anonymousCall, public: anonymousCall };
  let tried = 0;

  beforeAll(async () => {
    await clearFirestore();
    await seedDemo(admin());
    callers.staff = (await signedInClient(account("staff-gz").email, DEMO_PASSWORD)).call;
    callers.member = (await signedInClient(account("member-gz-01").email, DEMO_PASSWORD)).call;
  });
  afterAll(async () => {
    await closeClients();
    console.log(`bad input: ${tried} junk calls tried`);
  });

  it("the list covers every callable index.ts exports", () => {
    expect(Object.keys(exported).filter((n) => !NOT_CALLABLE.includes(n)).sort()).toEqual(Object.keys(CALLABLES).sort());
  });

  for (const [name, { schema, role }] of Object.entries(CALLABLES)) {
    it(`${name}: junk as ${role === "public" ? "the public" : role} and as anonymous is refused in Chinese, never internal, and writes nothing`, async () => {
      const before = await allDocuments();
      const s = schemas[schema] as z.ZodType;
      const asWho: [string, (n: string, d: unknown) => Promise<unknown>][] = role === "public" ? [["public", anonymousCall]] : [[role, callers[role]], ["anonymous", anonymousCall]];
      for (const [who, call] of asWho) {
        await fc.assert(
          fc.asyncProperty(junkPayload(s), async (payload) => {
            tried++;
            const err = await call(name, payload).then(
              () => undefined,
              (e: { code?: string; message?: string }) => e,
            );
            expect(err, `${who} ${JSON.stringify(payload).slice(0, 200)} was accepted`).toBeDefined();
            const code = String(err!.code).replace(/^functions\//, "");
            expect(REFUSALS, `${who}: ${code} ${err!.message}`).toContain(code);
            expect(err!.message, `${who}: ${err!.message}`).toMatch(CJK);
            expect(err!.message, `${who}: ${err!.message}`).not.toMatch(LEAK);
          }),
          { numRuns: role === "public" ? 2 * RUNS : RUNS, seed: 20251124 },
        );
      }
      expect(await allDocuments()).toEqual(before);
    }, 120_000);
  }
});

// The web's data layer parses every document it reads with the domain schema: Firestore's
// Timestamps become Dates, defaults are filled in, and a malformed document is reported with its
// path and the schema's Chinese reasons instead of reaching a page half-formed.
import { Timestamp, type QueryDocumentSnapshot } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { noticeSchema } from "../../functions/src/domain/schemas/change.js";
import { converter, StoredDocumentInvalid } from "../../web/src/data/converter.js";

const snapshot = (data: Record<string, unknown>, path = "programmes/gz-2025/notices/n1") => ({ data: () => data, ref: { path } }) as unknown as QueryDocumentSnapshot;

const notice = { title: "2025年第1批变更公示", items: [{ changeId: "c1", unitName: "某单位", summary: "新增合作伙伴" }], startsOn: "2025-07-01", endsOn: "2025-07-07", length: 5, unit: "workingDays", state: "open", clause: "GZ-4.6.3" };

describe("the web's typed reads", () => {
  it("parses a stored document with its domain schema (fields the schema does not know are dropped)", () => {
    const read = converter(noticeSchema).fromFirestore(snapshot({ ...notice, extra: "x" }), {});
    expect(read).toMatchObject({ title: notice.title, state: "open", unit: "workingDays" });
    expect(read).not.toHaveProperty("extra");
  });

  it("turns Firestore Timestamps into the domain's Dates", async () => {
    const { objectionSchema } = await import("../../functions/src/domain/schemas/change.js");
    const at = new Date("2025-07-02T03:04:05Z");
    const read = converter(objectionSchema).fromFirestore(snapshot({ noticeId: "n1", filedOn: "2025-07-02", filedAt: Timestamp.fromDate(at), text: "请核查", state: "pending" }), {});
    expect(read.filedAt).toEqual(at);
  });

  it("reports a malformed document with its path and the schema's Chinese reasons", () => {
    const read = () => converter(noticeSchema).fromFirestore(snapshot({ ...notice, state: "archived" }), {});
    expect(read).toThrow(StoredDocumentInvalid);
    expect(read).toThrow(/programmes\/gz-2025\/notices\/n1.*state：公示状态的取值无效/);
  });

  it("refuses to write through a typed reference: the web's writes are in data/writes.ts", () => {
    expect(() => converter(noticeSchema).toFirestore(notice as never)).toThrow(/read-only/);
  });
});

// DG-13: what a reviewer of a change of the unit itself must see and may record. The change is
// filed with "在莞独立法人的营业执照复印件": the licence's USCC names the registering authority's
// division (GB 32100: characters 3–8), so a division outside the pack's place is a warning to check
// (not a refusal: a licence may be re-registered, and the reviewer reads the scan). The work group
// "如有需要，可报市工信局局务会议审议": a referral is recorded with the meeting day and its minutes.
import type { IsoDate } from "./dates.js";
import { refuse, type Refusal } from "./errors.js";
import type { PolicyPack } from "./policy/schema.js";
import type { ChangeApplication } from "./schemas/index.js";
import { parseUscc } from "./uscc.js";
import { dateWord } from "./words.js";

/** Warnings for the reviewer of a unit change; empty when the pack asks nothing or all is in order. */
export function unitChangeWarnings(change: Pick<ChangeApplication, "payload">, pack: Pick<PolicyPack, "unitChange" | "clauses">): string[] {
  const local = pack.unitChange.localEntity;
  if (!local || change.payload.type !== "unitInfo") return [];
  const clause = pack.clauses.changeFiling.unitInfo ?? "";
  const uscc = change.payload.licenceUscc;
  if (!uscc) return [`申请未填写营业执照统一社会信用代码，无法核对是否为在${local.place}登记的独立法人（${clause}），请对照营业执照复印件核实。`];
  const parsed = parseUscc(uscc);
  if (!parsed.ok) return [`营业执照统一社会信用代码 ${uscc} 无效：${parsed.message}（${clause}）。`];
  const { division } = parsed.value;
  if (division.startsWith(local.divisionPrefix)) return [];
  return [`营业执照统一社会信用代码 ${uscc} 的登记管理机关行政区划代码为 ${division}，不是${local.place}（${local.divisionPrefix}）：请核实变更后的主体是否为在${local.place.replace(/市$/, "")}独立法人（${clause}）。`];
}

export interface BureauMeetingRecord {
  heldOn: IsoDate;
  minutesDocumentId: string;
}

/** The minutes document as the store read it: its kind and what it is attached to. */
export interface MinutesFacts {
  kind: string;
  target?: { type: string; id: string };
}

/**
 * May this referral be recorded with the decision on this change? Only where the pack provides the
 * referral for unit changes, held by today, with minutes uploaded to this very application.
 */
export function checkChangeBureauMeeting(meeting: BureauMeetingRecord, change: Pick<ChangeApplication, "type">, changeId: string, minutes: MinutesFacts | undefined, pack: Pick<PolicyPack, "unitChange">, today: IsoDate): Refusal | undefined {
  if (pack.unitChange.bureauMeeting !== "optional" || change.type !== "unitInfo") return refuse("PROCEDURE_NOT_IN_POLICY", "该类变更不提交局务会审议");
  if (meeting.heldOn > today) return refuse("DATE_IN_FUTURE", `局务会日期 ${dateWord(meeting.heldOn)} 晚于今天`);
  if (!minutes || minutes.kind !== "meetingMinutes" || minutes.target?.type !== "change" || minutes.target.id !== changeId) return refuse("MINUTES_REQUIRED", "请先在本申请下上传局务会会议纪要");
  return undefined;
}

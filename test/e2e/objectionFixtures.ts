// An open notice with pending objections, written with the admin SDK through the typed collections
// (the shapes the functions write), for browser tests of the objection form and of staff setting
// junk aside in bulk. Each call uses its own notice id, so tests sharing one emulator never meet.
import { addDays, shanghaiDate } from "../../functions/src/domain/dates.js";
import { collections } from "../../functions/src/store/collections.js";

export async function openNoticeWithObjections(programmeId: string, noticeId: string, title: string, objectors: string[]) {
  const today = shanghaiDate(new Date());
  await collections.notices(programmeId).doc(noticeId).set({
    title,
    items: [{ changeId: `${noticeId}-item`, unitName: "莞工数字服务（演示）有限公司", summary: "新增合作伙伴：东城智联（演示）有限公司" }],
    startsOn: addDays(today, -1),
    endsOn: addDays(today, 4),
    length: 5,
    unit: "calendarDays",
    state: "open",
    clause: programmeId.startsWith("dg") ? "DG-14" : "GZ-4.6.3",
    openedOn: addDays(today, -1),
    nextDeadlineOn: addDays(today, 5),
  });
  const ids: string[] = [];
  for (const [i, name] of objectors.entries()) {
    const id = `${noticeId}-o${i + 1}`;
    await collections.objections(programmeId, noticeId).doc(id).set({ noticeId, changeId: `${noticeId}-item`, filedOn: today, filedAt: new Date(Date.now() - (objectors.length - i) * 60_000), name, contact: `1380000000${i}`, text: `${name}：加微信领红包，详情私聊。`, state: "pending" });
    ids.push(id);
  }
  return ids;
}

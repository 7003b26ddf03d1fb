// What the machines are told about a programme on a given day: shared by every use case that
// asks whether the programme still runs, or steps a change application or a notice.
import type { ChangeContext } from "../domain/change.machine.js";
import type { IsoDate } from "../domain/dates.js";
import type { MachineContext } from "../domain/machine.js";
import type { NoticeContext } from "../domain/notice.machine.js";
import type { ChangeApplication, Notice } from "../domain/schemas/index.js";
import type { ProgrammeContext } from "../store/programmeContext.js";

export function machineBase(ctx: ProgrammeContext, today: IsoDate): MachineContext {
  return { today, pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn };
}

export function changeContext(ctx: ProgrammeContext, today: IsoDate, change: ChangeApplication, missingDocuments: readonly string[] = []): ChangeContext {
  return { ...machineBase(ctx, today), changeType: change.type, missingDocuments };
}

export function noticeContext(ctx: ProgrammeContext, today: IsoDate, notice: Notice, pendingObjectionIds: readonly string[] = []): NoticeContext {
  return { ...machineBase(ctx, today), startsOn: notice.startsOn, endsOn: notice.endsOn, pendingObjectionIds };
}

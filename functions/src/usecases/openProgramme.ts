// GZ-5.2 / DG-18: every registry decision first asks whether the programme is still running.
import { shanghaiDate } from "../domain/dates.js";
import { programmeClosed } from "../domain/machine.js";
import type { ProgrammeContext } from "../store/programmeContext.js";
import { Refused } from "../domain/errors.js";

export function requireOpenProgramme(ctx: ProgrammeContext, now: Date) {
  const closed = programmeClosed({ today: shanghaiDate(now), pack: ctx.pack, programmeEndsOn: ctx.programme.endsOn });
  if (closed) throw new Refused(closed);
}

// Every date of the lived-in demo, counted from the day it is seeded (the first `npm start`), so
// the demo lives in the present: the open notice is open today and takes objections, the open
// period is this quarter (this year in Dongguan), an open rectification is still running and the
// overdue one is past its deadline. Nothing a person sees is dated after that day.
import { addDays, shanghaiDate, yearOf, type IsoDate } from "../../functions/src/domain/dates.js";
import { periodOf, previousPeriod } from "../../functions/src/domain/periods.js";

export const todayInShanghai = (): IsoDate => shanghaiDate(new Date());

/** A Beijing-time instant on a date. */
export const at = (date: IsoDate, time = "09:00") => new Date(`${date}T${time}:00+08:00`);

export function demoDates(today: IsoDate) {
  // The programme began last January, so the year before this one can be closed and ranked.
  const programmeStart = `${yearOf(today) - 1}-01-01`;
  /** A date no later than yesterday: past events must not lie in the future on early-year starts. */
  const past = (d: IsoDate) => (d < today ? d : addDays(today, -1));
  return {
    today,
    programmeStart,
    listedOn: addDays(programmeStart, 14),
    firstListOn: addDays(programmeStart, 31),
    contractsOn: addDays(programmeStart, 59),
    /** The second published partner list, with the partners that joined later. */
    secondListOn: addDays(today, -70),
    past,
    /** The task book of a year is signed on 20 January (or yesterday, early in January). */
    taskBookSignedOn: (year: number) => past(`${year}-01-20`),
    /** A closed period was closed by the nightly job the day after its evaluation close. */
    closedOn: (evaluationCloseOn: IsoDate) => past(addDays(evaluationCloseOn, 1)),
    submittedOn: addDays(today, -3),
    changeSubmittedOn: addDays(today, -25),
    /** Criticised ten days ago: its 20-working-day rectification runs on past today. */
    criticismOpenOn: addDays(today, -10),
    /** Criticised two months ago: its rectification deadline has passed. */
    criticismOverdueOn: addDays(today, -60),
    clearOutOpenedOn: addDays(today, -20),
    removalOpenedOn: addDays(today, -18),
    ratedOn: addDays(today, -30),
    /** The open notice began two days ago; every pack's notice lasts at least five days. */
    noticeStartsOn: addDays(today, -2),
  };
}
export type DemoDates = ReturnType<typeof demoDates>;

/** The periods the demo shows as of `today`: the current one open, the ones before it closed. */
export function demoPeriods(today: IsoDate) {
  const quarter = periodOf(today, "quarterly");
  const year = periodOf(today, "annual");
  return {
    guangzhou: { closedPeriods: [previousPeriod(previousPeriod(quarter)), previousPeriod(quarter)], openPeriod: quarter },
    dongguan: { closedPeriods: [previousPeriod(year)], openPeriod: year },
  };
}

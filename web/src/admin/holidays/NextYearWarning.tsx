// From 1 November, everyone on the admin page is told when next year's national holiday
// arrangement is not there yet: neither in the bundled holiday data nor entered by the calendar
// administrator. Until it is, working-day deadlines in that year cannot be computed.
import { libraryCoveredYears } from "@domain/calendar";
import { nextYearWarning } from "@domain/holidayArrangement";
import { Alert } from "antd";
import { today } from "../../shared/dates";
import { useHolidayArrangements } from "./useHolidayArrangements";

export function NextYearWarning() {
  const { rows } = useHolidayArrangements();
  if (!rows) return null;
  const warning = nextYearWarning(today(), [...libraryCoveredYears(), ...rows.map((r) => r.year)]);
  return warning ? <Alert type="warning" showIcon banner data-testid="next-year-warning" title={warning} /> : null;
}

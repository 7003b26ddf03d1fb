// Entering (or correcting) a year's State Council holiday arrangement: the notice's reference, the
// rest spans, the make-up working days and why. Checked in the browser first with the same schema
// and the same rules the function applies (make-up days are weekends, spans contiguous and inside
// the year, no day both rest and working), so the administrator fixes every problem before sending.
import { libraryCoveredYears } from "@domain/calendar";
import { arrangementProblems, enterHolidayArrangementRequestSchema, type EnterHolidayArrangementRequest } from "@domain/holidayArrangement";
import { Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { call } from "../../data/callables";
import { today } from "../../shared/dates";
import { Outcome, useOutcome } from "../../shared/Outcome";
import { t } from "../../shared/strings";
import { Problems } from "../../shared/Problems";
import { SpanList, WorkingDayList } from "./DateLists";
import type { EnteredArrangement } from "./useHolidayArrangements";

const s = t.holidays;
export type Span = { name: string; from: string; to: string };
const EMPTY_SPAN: Span = { name: "", from: "", to: "" };

/** Years that may be entered: after the bundled data, up to two years ahead, and any already entered. */
function yearChoices(entered: readonly number[]): number[] {
  const built = libraryCoveredYears();
  const first = (built[built.length - 1] ?? 2019) + 1;
  const last = Number(today().slice(0, 4)) + 2;
  const years = new Set(entered);
  for (let y = first; y <= last; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** The request's problems in Chinese: the schema's, each naming its item, then the arrangement's own. */
function problemsOf(request: Partial<EnterHolidayArrangementRequest>): string[] {
  const parsed = enterHolidayArrangementRequestSchema.safeParse(request);
  if (!parsed.success) return [...new Set(parsed.error.issues.map((i) => (i.path[0] === "holidays" && typeof i.path[1] === "number" ? `${s.itemOf(i.path[1] + 1)}${i.message}` : i.message)))];
  return arrangementProblems(parsed.data);
}

export function HolidayForm({ initial, entered, onSaved }: { initial: EnteredArrangement | null; entered: readonly number[]; onSaved: (message: string) => void }) {
  const years = yearChoices(entered);
  const [year, setYear] = useState<number | undefined>(initial?.year ?? years.find((y) => !entered.includes(y)));
  const [reference, setReference] = useState(initial?.reference ?? "");
  const [holidays, setHolidays] = useState<Span[]>(initial?.holidays ?? [EMPTY_SPAN]);
  const [workingDays, setWorkingDays] = useState<string[]>(initial?.workingDays ?? []);
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const outcome = useOutcome();

  const submit = () => {
    const request = { year, reference, holidays, workingDays: workingDays.filter((d) => d !== ""), note };
    const found = problemsOf(request);
    setProblems(found);
    if (found.length === 0)
      outcome.run(async () => {
        const r = await call("enterHolidayArrangement", request as EnterHolidayArrangementRequest);
        onSaved(s.saved(r.year, r.revision, r.programmes));
      });
  };

  return (
    <Card size="small" title={s.formTitle}>
      {initial && <Typography.Paragraph type="warning">{s.correcting(initial.year)}</Typography.Paragraph>}
      <Form layout="vertical" component="div">
        <Space wrap size="large" align="start">
          <Form.Item label={s.year} htmlFor="holiday-year" required>
            <Select id="holiday-year" style={{ width: 140 }} value={year} disabled={initial !== null} onChange={setYear} options={years.map((y) => ({ value: y, label: s.yearOption(y) }))} />
          </Form.Item>
          <Form.Item label={s.reference} htmlFor="holiday-reference" required>
            <Input id="holiday-reference" style={{ width: 280 }} maxLength={100} placeholder={s.referencePlaceholder} value={reference} onChange={(e) => setReference(e.target.value)} />
          </Form.Item>
        </Space>
        <SpanList spans={holidays} onChange={setHolidays} empty={EMPTY_SPAN} />
        <WorkingDayList days={workingDays} onChange={setWorkingDays} />
        <Form.Item label={s.note} htmlFor="holiday-note" required>
          <Input.TextArea id="holiday-note" rows={2} maxLength={500} placeholder={s.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <Button type="primary" onClick={submit} loading={outcome.busy}>
        {s.save}
      </Button>
      <div style={{ marginTop: 8 }}>
        <Problems problems={problems} title={s.problemsTitle} testId="holiday-problems" />
      </div>
      <Outcome message={outcome.message} />
    </Card>
  );
}

// The arrangement's two lists: rest spans (name, first and last day) and make-up working days.
// Dates are native date inputs (YYYY-MM-DD values, the browser's own accessible picker).
import { Button, Form, Input, Space } from "antd";
import { t } from "../../shared/strings";
import type { Span } from "./HolidayForm";

const s = t.holidays;

const dateInput = (label: string, value: string, onChange: (v: string) => void) => (
  <Input type="date" aria-label={label} style={{ width: 170 }} min="2019-12-01" max="2101-01-31" value={value} onChange={(e) => onChange(e.target.value)} />
);

export function SpanList({ spans, onChange, empty }: { spans: Span[]; onChange: (v: Span[]) => void; empty: Span }) {
  const set = (i: number, patch: Partial<Span>) => onChange(spans.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Form.Item label={s.holidaysTitle} required>
      <Space direction="vertical">
        {spans.map((span, i) => (
          <Space key={i} wrap>
            <Input aria-label={s.holidayName(i + 1)} placeholder={s.holidayNamePlaceholder} style={{ width: 180 }} maxLength={20} value={span.name} onChange={(e) => set(i, { name: e.target.value })} />
            {dateInput(s.holidayFrom(i + 1), span.from, (from) => set(i, { from }))}
            {dateInput(s.holidayTo(i + 1), span.to, (to) => set(i, { to }))}
            <Button size="small" disabled={spans.length <= 1} onClick={() => onChange(spans.filter((_, j) => j !== i))}>
              {s.removeHoliday(i + 1)}
            </Button>
          </Space>
        ))}
        <Button size="small" onClick={() => onChange([...spans, empty])}>
          {s.addHoliday}
        </Button>
      </Space>
    </Form.Item>
  );
}

export function WorkingDayList({ days, onChange }: { days: string[]; onChange: (v: string[]) => void }) {
  return (
    <Form.Item label={s.workingDaysTitle}>
      <Space direction="vertical">
        {days.map((day, i) => (
          <Space key={i}>
            {dateInput(s.workingDay(i + 1), day, (v) => onChange(days.map((x, j) => (j === i ? v : x))))}
            <Button size="small" onClick={() => onChange(days.filter((_, j) => j !== i))}>
              {s.removeWorkingDay(i + 1)}
            </Button>
          </Space>
        ))}
        <Button size="small" onClick={() => onChange([...days, ""])}>
          {s.addWorkingDay}
        </Button>
      </Space>
    </Form.Item>
  );
}

// Small pieces the settings editors share.
import { Tag } from "antd";
import { t } from "../../shared/strings";

/** A number field's value: an emptied field is NaN in the draft (zod refuses it, naming the field). */
export const shown = (v: number) => (Number.isNaN(v) ? null : v);
export const typed = (v: number | null) => v ?? Number.NaN;

/** A value the regulation fixes: it cannot be changed, and the clause says why. */
export function FixedTag({ clause }: { clause: string | undefined }) {
  return clause ? <Tag color="blue">{t.settings.fixed(clause)}</Tag> : null;
}

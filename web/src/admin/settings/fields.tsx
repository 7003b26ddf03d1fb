// Small pieces the settings editors share.
import { Tag } from "antd";
import { t } from "../../shared/strings";

/** A number field's value: an emptied field is NaN in the draft (zod refuses it, naming the field). */
export const shown = (v: number) => (Number.isNaN(v) ? null : v);
export const typed = (v: number | null) => v ?? Number.NaN;

/**
 * A share the settings keep as a 0–1 fraction is typed and read as a percentage (35 → 0.35),
 * to one decimal of a percent: the conversion happens here, at the field, and nowhere else.
 */
export const percentShown = (fraction: number) => (Number.isNaN(fraction) ? null : Math.round(fraction * 1000) / 10);
export const fractionTyped = (percent: number | null) => (percent === null ? Number.NaN : Math.round(percent * 10) / 1000);

/** A value the regulation fixes: it cannot be changed, and the clause says why. */
export function FixedTag({ clause }: { clause: string | undefined }) {
  return clause ? <Tag color="blue">{t.settings.fixed(clause)}</Tag> : null;
}

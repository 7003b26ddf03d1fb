// Ant Design form rules: a required field says what to fill in or choose, and a domain zod schema
// refuses exactly what the functions refuse, with the same Chinese message.
import type { z } from "zod";
import { t } from "./strings";

export const zodRule = (schema: z.ZodType) => ({
  validator: async (_: unknown, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? t.form.invalid);
  },
});

/** A field that must be filled in: “请填写…”. */
export const mustFill = (label: string) => [{ required: true, message: t.form.fill(label) }];

/** A field that must be chosen: “请选择…”. */
export const mustChoose = (label: string) => [{ required: true, message: t.form.choose(label) }];

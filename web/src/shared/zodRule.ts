// An Ant Design form rule from a domain zod schema: the page refuses exactly what the functions
// refuse, with the same Chinese message.
import type { z } from "zod";

export const zodRule = (schema: z.ZodType) => ({
  validator: async (_: unknown, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? "填写有误");
  },
});

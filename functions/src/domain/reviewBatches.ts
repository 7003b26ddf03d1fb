// GZ-4.7 (定期) / DG-15 (每年定期): change applications are reviewed in batches. The batch a
// submission joins follows the pack's rhythm: monthly `2025-03`, quarterly `2025-Q1`, half-yearly
// `2025-H1`, annual `2025`.
import { type IsoDate, monthOf, yearOf } from "./dates.js";
import { periodOf } from "./periods.js";
import type { PolicyPack } from "./policy/schema.js";

export function reviewBatchId(submittedOn: IsoDate, pack: PolicyPack): string {
  switch (pack.reviewBatch) {
    case "monthly":
      return `${yearOf(submittedOn)}-${String(monthOf(submittedOn)).padStart(2, "0")}`;
    case "quarterly":
    case "halfYearly":
      return periodOf(submittedOn, pack.reviewBatch);
    case "annual":
      return String(yearOf(submittedOn));
  }
}

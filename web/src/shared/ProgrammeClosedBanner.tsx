import { programmeClosed } from "@domain/machine";
import type { PolicyPack } from "@domain/policy/index";
import { Alert } from "antd";
import { today } from "./dates";
import { t } from "./strings";

/**
 * GZ-5.2 / DG-18: after the pilot's acceptance the programme is read-only. Say so above every
 * page, in the domain's own words, instead of letting people fill in forms the functions and the
 * security rules will refuse.
 */
export function ProgrammeClosedBanner({ pack, endsOn }: { pack: PolicyPack; endsOn: string | null }) {
  const closed = programmeClosed({ today: today(), pack, programmeEndsOn: endsOn });
  if (!closed) return null;
  return <Alert type="warning" showIcon banner data-testid="programme-closed" title={t.closedBanner(closed.message)} />;
}

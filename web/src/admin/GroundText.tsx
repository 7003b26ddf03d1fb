// A ground as staff read it (issue 15.3): its clause ID and, beside it, the regulation's short
// wording from the programme's own pack — never a bare code.
import type { PolicyPack } from "@domain/policy/schema";
import { Tag } from "antd";

export function GroundText({ pack, ground }: { pack: Pick<PolicyPack, "groundWords">; ground: string }) {
  const words = pack.groundWords[ground];
  return (
    <span>
      <Tag color="blue">{ground}</Tag>
      {words}
    </span>
  );
}

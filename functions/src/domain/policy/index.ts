// Registry of policy packs by id. A new city: add its pack file and one line here.
import { dongguan } from "./dongguan.js";
import { guangzhou } from "./guangzhou.js";
import { testOnlySample } from "./testOnlySample.js";
import type { PolicyPack } from "./schema.js";

export const policyPacks: Readonly<Record<string, PolicyPack>> = { guangzhou, dongguan, testOnlySample };

export function getPolicyPack(id: string): PolicyPack {
  const pack = policyPacks[id];
  if (!pack) throw new Error(`未知的政策包：${id}`);
  return pack;
}

export { guangzhou, dongguan };
export { dongguanScoring } from "./dongguanScoring.js";
export { guangzhouScoring } from "./guangzhouScoring.js";
export * from "./schema.js";

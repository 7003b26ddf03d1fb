// Opening a proceeding: the ground must be one the pack's regulation lists, and it must come
// with evidence. Grounds raised automatically (grounds.ts) carry their facts as evidence; the
// system proposes, staff dispose.
import { type Refusal, refuse } from "./errors.js";
import type { Effect } from "./effects.js";
import type { PolicyPack } from "./policy/schema.js";

export type ProceedingKind = "criticism" | "clearOut" | "partnerRemoval";

export interface OpenProceedingInput {
  kind: ProceedingKind;
  ground: string;
  evidence: readonly { description: string; documentId?: string }[];
  /** GZ-4.4a.1: the complaints the criticism rests on. */
  complaintIds?: readonly string[];
}

export type OpenResult = { ok: true; next: "proposed"; effects: Effect[]; clause: string } | Refusal;

const PROCEDURE_NAMES: Record<ProceedingKind, string> = { criticism: "通报批评", clearOut: "清退", partnerRemoval: "取消合作伙伴" };

function groundsOf(kind: ProceedingKind, pack: PolicyPack): readonly string[] {
  if (kind === "criticism") return pack.criticismGrounds;
  if (kind === "clearOut") return pack.clearOut.grounds;
  return pack.partnerRemovalGrounds;
}

/** Grounds "x.1" of GZ-4.4b / DG-10 / DG-16: the subject asked to leave; its own request is the evidence. */
function isOwnRequestGround(ground: string): boolean {
  return /^(GZ-4\.4b|DG-10|DG-16)\.1$/.test(ground);
}

export function openProceeding(input: OpenProceedingInput, pack: PolicyPack): OpenResult {
  const grounds = groundsOf(input.kind, pack);
  if (grounds.length === 0) return refuse("PROCEDURE_NOT_IN_POLICY", `${pack.name}未规定${PROCEDURE_NAMES[input.kind]}`);
  if (!grounds.includes(input.ground)) return refuse("GROUND_NOT_IN_POLICY", `${input.ground} 不是${PROCEDURE_NAMES[input.kind]}的情形`);
  if (input.evidence.length === 0 || input.evidence.some((e) => e.description.trim() === "")) {
    return refuse("EVIDENCE_REQUIRED", "须写明事实依据");
  }
  if (isOwnRequestGround(input.ground) && !input.evidence.some((e) => e.documentId)) {
    return refuse("EVIDENCE_REQUIRED", "自行要求退出须上传本人（单位）的书面申请");
  }
  if (input.ground === "GZ-4.4a.1" && (input.complaintIds ?? []).length === 0) {
    return refuse("EVIDENCE_REQUIRED", "须关联造成的试点企业投诉");
  }
  const effects: Effect[] = input.kind === "clearOut" ? [{ type: "setUnitStatus", status: "clearOutProposed" }] : [];
  return { ok: true, next: "proposed", effects, clause: input.ground };
}

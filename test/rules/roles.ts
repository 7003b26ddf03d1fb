// Who tries each rule in the grid-style rules suites: one table of signed-in identities (uid and
// custom claims) for programme `P`, so every suite names a role the same way.
import { initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import type { Firestore } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { hostPort } from "../support/emulators.js";

export const P = "gz";
/** Signed in before the calendar role was taken away: the old claim no longer counts. */
export const REVOKED = 1_800_000_000;

const identities = {
  reviewer: { uid: "reviewer-gz", claims: { staff: { [P]: "reviewer" } } },
  admin: { uid: "admin-gz", claims: { staff: { [P]: "admin" } } },
  otherProgrammeStaff: { uid: "staff-dg", claims: { staff: { dg: "admin" } } },
  member: { uid: "member-a", claims: { unit: { programmeId: P, unitId: "unit-a" } } },
  owner: { uid: "member-a", claims: { unit: { programmeId: P, unitId: "unit-a" } } },
  sameUnitMember: { uid: "member-a2", claims: { unit: { programmeId: P, unitId: "unit-a" } } },
  otherUnitMember: { uid: "member-b", claims: { unit: { programmeId: P, unitId: "unit-b" } } },
  /** The owner's uid, but a member of another programme's unit. */
  ownerInOtherProgramme: { uid: "member-a", claims: { unit: { programmeId: "dg", unitId: "unit-a" } } },
  calendarAdmin: { uid: "calendar-admin", claims: { calendarAdmin: true } },
  revokedCalendarAdmin: { uid: "calendar-revoked", claims: { calendarAdmin: true, auth_time: REVOKED - 1 } },
  enterpriseToken: { uid: "anon-enterprise", claims: { firebase: { sign_in_provider: "anonymous" } } },
} as const;

export type Role = "anonymous" | keyof typeof identities;

/** The rules-test context of a role: unauthenticated, or signed in with that role's claims. */
export function contextOf(env: RulesTestEnvironment, role: Role) {
  if (role === "anonymous") return env.unauthenticatedContext();
  const { uid, claims } = identities[role];
  return env.authenticatedContext(uid, claims);
}

/**
 * A rules-test environment of its own project (so one suite's seeds never meet another's), with
 * the repository's rules, cleared and seeded with rules disabled.
 */
export async function startRulesEnv(projectId: string, seed: (db: Firestore) => Promise<void>): Promise<RulesTestEnvironment> {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  const env = await initializeTestEnvironment({ projectId, firestore: { host, port, rules: readFileSync("firestore.rules", "utf8") } });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled((ctx) => seed(ctx.firestore() as unknown as Firestore));
  return env;
}

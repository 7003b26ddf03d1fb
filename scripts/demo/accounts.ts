// Demo sign-ins, printed by `npm start` and used by the tests. Obviously fictional
// (example.com is reserved for documentation); they exist only on the Auth emulator.
export const DEMO_PASSWORD = "demo-2025";

export interface DemoAccount {
  uid: string;
  email: string;
  displayName: string;
  /** Custom claims, the same shape firestore.rules reads. */
  claims: { staff?: Record<string, "reviewer" | "admin">; unit?: { programmeId: string; unitId: string }; calendarAdmin?: boolean };
  /** Where this person clicks first. */
  start: "/admin" | "/portal";
}

export const demoAccounts: DemoAccount[] = [
  { uid: "staff-gz", email: "staff.gz@example.com", displayName: "广州工作小组（演示）", claims: { staff: { "gz-2025": "admin" } }, start: "/admin" },
  { uid: "staff-dg", email: "staff.dg@example.com", displayName: "东莞工作专班（演示）", claims: { staff: { "dg-2025": "admin" } }, start: "/admin" },
  { uid: "calendar-admin", email: "calendar@example.com", displayName: "平台节假日日历管理员（演示）", claims: { calendarAdmin: true }, start: "/admin" },
  { uid: "member-gz-01", email: "unit.gz01@example.com", displayName: "穗链智造联络员（演示）", claims: { unit: { programmeId: "gz-2025", unitId: "gz-u01" } }, start: "/portal" },
  { uid: "member-gz-02", email: "unit.gz02@example.com", displayName: "羊城云数联络员（演示）", claims: { unit: { programmeId: "gz-2025", unitId: "gz-u02" } }, start: "/portal" },
  { uid: "member-dg-01", email: "unit.dg01@example.com", displayName: "莞工数字联络员（演示）", claims: { unit: { programmeId: "dg-2025", unitId: "dg-u01" } }, start: "/portal" },
];

export function account(uid: string): DemoAccount {
  const a = demoAccounts.find((x) => x.uid === uid);
  if (!a) throw new Error(`no demo account ${uid}`);
  return a;
}

// The portal's tabs have addresses, so a notification's link (and the same link in its e-mail,
// see mailKinds.mailMessage) opens the page it is about: /portal/reports/2026-Q4 opens the report,
// /portal/proceedings/… the dashboard's criticisms, /portal/changes the applications.
export type PortalTab = "dashboard" | "report" | "changes" | "advance" | "circulars";

const SEGMENTS: Record<string, PortalTab> = { reports: "report", report: "report", changes: "changes", advance: "advance", circulars: "circulars", proceedings: "dashboard", dashboard: "dashboard" };
export const PATHS: Record<PortalTab, string> = { dashboard: "/portal", report: "/portal/report", changes: "/portal/changes", advance: "/portal/advance", circulars: "/portal/circulars" };

/** The tab a portal address opens; anything unknown opens the dashboard. */
export function portalTabOf(path: string): PortalTab {
  const segment = path.replace(/^\/portal\/?/, "").split(/[/?#]/)[0] ?? "";
  return SEGMENTS[segment] ?? "dashboard";
}


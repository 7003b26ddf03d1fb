// The portal's tabs have addresses, so a notification's link (and the same link in its e-mail,
// see mailKinds.mailMessage) opens the page it is about: /portal/reports/2026-Q4 opens the report,
// /portal/proceedings/… the dashboard's criticisms, /portal/changes the applications.
import { useEffect, useState } from "react";

export type PortalTab = "dashboard" | "report" | "changes" | "advance" | "circulars";

const SEGMENTS: Record<string, PortalTab> = { reports: "report", report: "report", changes: "changes", advance: "advance", circulars: "circulars", proceedings: "dashboard", dashboard: "dashboard" };
const PATHS: Record<PortalTab, string> = { dashboard: "/portal", report: "/portal/report", changes: "/portal/changes", advance: "/portal/advance", circulars: "/portal/circulars" };

/** The tab a portal address opens; anything unknown opens the dashboard. */
export function portalTabOf(path: string): PortalTab {
  const segment = path.replace(/^\/portal\/?/, "").split(/[/?#]/)[0] ?? "";
  return SEGMENTS[segment] ?? "dashboard";
}

/** Moves within the portal without reloading it (the page and its live reads stay). */
export function openPortalLink(link: string) {
  window.history.pushState(null, "", link);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The open tab, following the address bar (back and forward included). */
export function usePortalTab(): [PortalTab, (tab: PortalTab) => void] {
  const [tab, setTab] = useState<PortalTab>(() => portalTabOf(window.location.pathname));
  useEffect(() => {
    const follow = () => setTab(portalTabOf(window.location.pathname));
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);
  const choose = (next: PortalTab) => {
    if (portalTabOf(window.location.pathname) !== next) window.history.pushState(null, "", PATHS[next]);
    setTab(next);
  };
  return [tab, choose];
}

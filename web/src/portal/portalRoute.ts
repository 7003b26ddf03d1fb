// Following the portal's address in the browser: the open tab, and moving between tabs and to a
// notification's link without reloading (the page and its live reads stay).
import { useEffect, useState } from "react";
import { PATHS, portalTabOf, type PortalTab } from "./portalTabs";

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

import { describe, expect, it } from "vitest";
import { portalTabOf } from "../../web/src/portal/portalTabs.js";

describe("portal addresses", () => {
  it("a notification's link opens the page it is about", () => {
    expect(portalTabOf("/portal/reports/2026-Q4")).toBe("report");
    expect(portalTabOf("/portal/proceedings/p-123")).toBe("dashboard");
    expect(portalTabOf("/portal/changes")).toBe("changes");
    expect(portalTabOf("/portal/circulars")).toBe("circulars");
  });
  it("the portal's own address and anything unknown open the dashboard", () => {
    expect(portalTabOf("/portal")).toBe("dashboard");
    expect(portalTabOf("/portal/")).toBe("dashboard");
    expect(portalTabOf("/portal/nonsense/x")).toBe("dashboard");
  });
});

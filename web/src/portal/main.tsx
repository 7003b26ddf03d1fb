import { createRoot } from "react-dom/client";
import { PortalApp } from "./PortalApp";

createRoot(document.getElementById("root")!).render(<PortalApp />);

import { Alert, Spin } from "antd";
import { lazy, Suspense } from "react";
import { Shell } from "../shared/Shell";
import { SignIn } from "../shared/SignIn";
import { t } from "../shared/strings";
import { useSession } from "../shared/useSession";

// Signed-out visitors download only the sign-in form; the portal (with Firestore) loads after.
const Portal = lazy(() => import("./Portal"));

export function PortalApp() {
  const session = useSession();
  if (session.state === "loading") return <Shell title={t.app.portalTitle}><Spin /></Shell>;
  if (session.state === "signedOut") return <Shell title={t.app.portalTitle}><SignIn title={`${t.app.portalTitle} · ${t.session.signIn}`} /></Shell>;
  const name = session.user.displayName ?? session.user.email ?? "";
  const unit = session.claims.unit;
  return (
    <Shell title={t.app.portalTitle} userName={name}>
      {unit ? (
        <Suspense fallback={<Spin />}>
          <Portal programmeId={unit.programmeId} unitId={unit.unitId} />
        </Suspense>
      ) : (
        <Alert type="warning" showIcon title={t.session.notUnitMember} />
      )}
    </Shell>
  );
}

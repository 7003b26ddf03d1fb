import { lazy, Suspense } from "react";
import { Loading, Notice, Shell } from "../shared/Shell";
import { SignIn } from "../shared/SignIn";
import { t } from "../shared/strings";
import { useSession } from "../shared/useSession";

// Signed-out visitors download only the plain frame and sign-in form; the portal (Ant Design,
// Firestore) loads after.
const Portal = lazy(() => import("./Portal"));

export function PortalApp() {
  const session = useSession();
  if (session.state === "loading") return <Shell title={t.app.portalTitle}><Loading /></Shell>;
  if (session.state === "signedOut") return <Shell title={t.app.portalTitle}><SignIn title={`${t.app.portalTitle} · ${t.session.signIn}`} /></Shell>;
  const name = session.user.displayName ?? session.user.email ?? "";
  const unit = session.claims.unit;
  return (
    <Shell title={t.app.portalTitle} userName={name}>
      {unit ? (
        <Suspense fallback={<Loading />}>
          <Portal programmeId={unit.programmeId} unitId={unit.unitId} />
        </Suspense>
      ) : (
        <Notice>{t.session.notUnitMember}</Notice>
      )}
    </Shell>
  );
}

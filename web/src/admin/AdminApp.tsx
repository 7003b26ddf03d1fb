import { lazy, Suspense } from "react";
import { Loading, Notice, Shell } from "../shared/Shell";
import { SignIn } from "../shared/SignIn";
import { t } from "../shared/strings";
import { useSession } from "../shared/useSession";

// Signed-out visitors download only the plain frame and sign-in form; the admin page (Ant Design,
// Firestore) loads after.
const Admin = lazy(() => import("./Admin"));

export function AdminApp() {
  const session = useSession();
  if (session.state === "loading") return <Shell title={t.app.adminTitle}><Loading /></Shell>;
  if (session.state === "signedOut") return <Shell title={t.app.adminTitle}><SignIn title={`${t.app.adminTitle} · ${t.session.signIn}`} /></Shell>;
  const staff = session.claims.staff ?? {};
  const calendarAdmin = session.claims.calendarAdmin === true;
  return (
    <Shell title={t.app.adminTitle} userName={session.user.displayName ?? session.user.email ?? ""}>
      {Object.keys(staff).length === 0 && !calendarAdmin ? (
        <Notice>{t.session.notStaff}</Notice>
      ) : (
        <Suspense fallback={<Loading />}>
          <Admin staff={staff} calendarAdmin={calendarAdmin} />
        </Suspense>
      )}
    </Shell>
  );
}

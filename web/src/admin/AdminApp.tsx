import { Alert, Spin } from "antd";
import { Shell } from "../shared/Shell";
import { SignIn } from "../shared/SignIn";
import { t } from "../shared/strings";
import { useSession } from "../shared/useSession";
import { ProgrammeUnits } from "./ProgrammeUnits";

export function AdminApp() {
  const session = useSession();
  if (session.state === "loading") return <Shell title={t.adminTitle}><Spin tip={t.loading} /></Shell>;
  if (session.state === "signedOut") return <Shell title={t.adminTitle}><SignIn title={`${t.adminTitle} · ${t.signIn}`} /></Shell>;
  const programmes = Object.keys(session.claims.staff ?? {});
  return (
    <Shell title={t.adminTitle} userName={session.user.displayName ?? session.user.email ?? ""}>
      {programmes.length === 0 ? <Alert type="warning" showIcon title={t.notStaff} /> : programmes.map((p) => <ProgrammeUnits key={p} programmeId={p} />)}
    </Shell>
  );
}

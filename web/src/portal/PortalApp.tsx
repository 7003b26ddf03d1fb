import { Alert, Spin } from "antd";
import { Shell } from "../shared/Shell";
import { SignIn } from "../shared/SignIn";
import { t } from "../shared/strings";
import { useSession } from "../shared/useSession";
import { UnitDashboard } from "./UnitDashboard";

export function PortalApp() {
  const session = useSession();
  if (session.state === "loading") return <Shell title={t.portalTitle}><Spin tip={t.loading} /></Shell>;
  if (session.state === "signedOut") return <Shell title={t.portalTitle}><SignIn title={`${t.portalTitle} · ${t.signIn}`} /></Shell>;
  const name = session.user.displayName ?? session.user.email ?? "";
  const unit = session.claims.unit;
  return (
    <Shell title={t.portalTitle} userName={name}>
      {unit ? <UnitDashboard programmeId={unit.programmeId} unitId={unit.unitId} /> : <Alert type="warning" showIcon title={t.notUnitMember} />}
    </Shell>
  );
}

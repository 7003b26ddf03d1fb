import { Card, Space, Typography } from "antd";
import { Shell } from "../shared/Shell";
import { t } from "../shared/strings";

/** Landing page: what this is and where each kind of user goes. */
export function PublicApp() {
  return (
    <Shell title={t.appName}>
      <Card style={{ maxWidth: 720, margin: "32px auto" }}>
        <Typography.Paragraph>{t.publicIntro}</Typography.Paragraph>
        <Space size="large">
          <a href="/portal">{t.enterPortal}</a>
          <a href="/admin">{t.enterAdmin}</a>
        </Space>
      </Card>
    </Shell>
  );
}

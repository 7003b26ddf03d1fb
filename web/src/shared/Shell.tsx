import { App, Button, ConfigProvider, Layout, Space, Typography } from "antd";
import zhCN from "antd/locale/zh_CN";
import { signOut } from "firebase/auth";
import type { ReactNode } from "react";
import { auth } from "./firebase";
import { t } from "./strings";

/** Page frame: zh-CN locale, title bar, optional signed-in user with a sign-out button. */
export function Shell({ title, userName, children }: { title: string; userName?: string; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN}>
      <App>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
          <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
            {title}
          </Typography.Title>
          {userName && (
            <Space>
              <span style={{ color: "#fff" }}>{t.signedInAs(userName)}</span>
              <Button onClick={() => signOut(auth)}>{t.signOut}</Button>
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
      </App>
    </ConfigProvider>
  );
}

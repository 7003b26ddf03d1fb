import { App, Button, ConfigProvider, Layout, Space, Typography } from "antd";
import zhCN from "antd/locale/zh_CN";
import { signOut } from "firebase/auth";
import type { ReactNode } from "react";
import { auth } from "./firebase";
import { t } from "./strings";

// Contrast meets WCAG 2.1 AA (4.5:1), checked by axe-core in the browser tests: Ant Design's
// default blue (#1677ff), grey secondary text and several tag colours fall short on white, so
// the primary colour is the darker blue-7, error and warning texts (danger buttons, form warnings)
// are red-7 and a dark gold, and the light texts, tag texts and empty-table text are darkened.
// A link (or link button) under the pointer turns darker (blue-8), not lighter as by default.
const accessibleTheme = {
  token: { colorPrimary: "#0958d9", colorLink: "#0958d9", colorLinkHover: "#003eb3", colorLinkActive: "#002c8c", colorError: "#cf1322", colorWarning: "#ad6800", colorTextDescription: "rgba(0, 0, 0, 0.65)", colorTextTertiary: "rgba(0, 0, 0, 0.65)", colorTextPlaceholder: "rgba(0, 0, 0, 0.55)" },
  components: { Table: { colorTextDisabled: "rgba(0, 0, 0, 0.6)" }, Tag: { green7: "#237804", gold7: "#874d00", orange7: "#ad4e00", lime7: "#3f6600", cyan7: "#006d75", volcano7: "#ad2102", magenta7: "#9e1068", purple7: "#391085", geekblue7: "#10239e", blue7: "#003eb3", red7: "#a8071a" } },
};

/** Page frame: zh-CN locale, title bar, optional signed-in user with a sign-out button. */
export function Shell({ title, userName, children }: { title: string; userName?: string; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={accessibleTheme}>
      <App>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
          <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
            {title}
          </Typography.Title>
          {userName && (
            <Space>
              <span style={{ color: "#fff" }}>{t.session.signedInAs(userName)}</span>
              <Button onClick={() => signOut(auth)}>{t.session.signOut}</Button>
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
      </App>
    </ConfigProvider>
  );
}

// Ant Design's frame for the signed-in and public pages: zh-CN locale, the accessible theme, and
// App (message / modal). Imported by the lazily loaded pages only, so the sign-in page never
// downloads Ant Design.
//
// Contrast meets WCAG 2.1 AA (4.5:1), checked by axe-core in the browser tests: Ant Design's
// default blue (#1677ff), grey secondary text and several tag colours fall short on white, so
// the primary colour is the darker blue-7, error and warning texts (danger buttons, form warnings)
// are red-7 and a dark gold (5.4:1; gold-7 #ad6800 was 4.41:1), and the light texts, tag texts
// and empty-table text are darkened. A link, a button or a danger button under the pointer turns
// darker (blue-8, red-8), not lighter as by default: the default hover blue behind a primary
// button's white text is 4.16:1 (a dialog's 确定 appearing under the pointer was caught by axe).
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";

const accessibleTheme = {
  token: { colorPrimary: "#0958d9", colorPrimaryHover: "#003eb3", colorErrorHover: "#a8071a", colorLink: "#0958d9", colorLinkHover: "#003eb3", colorLinkActive: "#002c8c", colorError: "#cf1322", colorWarning: "#9a5b00", colorTextDescription: "rgba(0, 0, 0, 0.65)", colorTextTertiary: "rgba(0, 0, 0, 0.65)", colorTextPlaceholder: "rgba(0, 0, 0, 0.55)" },
  components: { Table: { colorTextDisabled: "rgba(0, 0, 0, 0.6)" }, Tag: { green7: "#237804", gold7: "#874d00", orange7: "#ad4e00", lime7: "#3f6600", cyan7: "#006d75", volcano7: "#ad2102", magenta7: "#9e1068", purple7: "#391085", geekblue7: "#10239e", blue7: "#003eb3", red7: "#a8071a" } },
};

export function AntProvider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={accessibleTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}

// A public document (a 公示, a clear-out announcement) printed on its own: 打印 marks its card,
// and the page's print stylesheet leaves everything else off the paper.
import { Button, Card } from "antd";
import { useState, type ReactNode } from "react";

export function PrintableCard({ testId, title, printLabel, children }: { testId: string; title: ReactNode; printLabel: string; children: ReactNode }) {
  const [printing, setPrinting] = useState(false);
  function print() {
    setPrinting(true);
    // Print once the mark is rendered, then take it off.
    requestAnimationFrame(() => {
      window.print();
      setPrinting(false);
    });
  }
  return (
    <Card data-testid={testId} data-printable className={printing ? "print-this" : undefined} style={{ marginBottom: 16 }} title={title} extra={<Button className="no-print" size="small" onClick={print}>{printLabel}</Button>}>
      {children}
    </Card>
  );
}

/** Printing one card: the page's header, controls and every other printable card are left off. */
export const PRINT_CSS = `@media print {
  header, .no-print, .ant-tabs-nav, .ant-select, [data-printable]:not(.print-this) { display: none !important; }
  main { padding: 0 !important; }
  .ant-card { border: 0 !important; }
}`;

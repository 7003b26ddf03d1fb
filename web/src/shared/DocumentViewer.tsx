// Opens a PDF or an image inside the page, so a reviewer reads the evidence beside the decision
// instead of hunting in a downloads folder. The bytes come through the same audited download as
// the 下载 button (a fresh single-use link; the fetch is recorded in the document's trail). PDFs
// are drawn with pdf.js, loaded only when a document is first opened, so no page pays for it
// up front; other types are offered as a download only (DocumentLink).
import { Alert, Button, Modal, Space, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { call } from "../data/callables";
import { errorText } from "./errorText";
import { t } from "./strings";

const s = t.upload;
/** Enough to read a typical licence or report in the page; longer files are downloaded. */
const MAX_PAGES = 20;

/** Whether the page can show this type itself. */
export const viewable = (contentType: string) => contentType === "application/pdf" || contentType.startsWith("image/");

export function DocumentViewer({ programmeId, documentId, fileName, contentType }: { programmeId: string; documentId: string; fileName: string; contentType: string }) {
  const [open, setOpen] = useState(false);
  if (!viewable(contentType)) return null;
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} aria-label={s.viewNamed(fileName)}>
        {s.view}
      </Button>
      {open && (
        <Modal open title={s.viewerTitle(fileName)} footer={null} width="min(960px, 96vw)" onCancel={() => setOpen(false)} destroyOnHidden>
          <Typography.Paragraph type="secondary">{s.viewerAudited}</Typography.Paragraph>
          <Contents programmeId={programmeId} documentId={documentId} fileName={fileName} contentType={contentType} />
        </Modal>
      )}
    </>
  );
}

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; blob: Blob };

function Contents({ programmeId, documentId, fileName, contentType }: { programmeId: string; documentId: string; fileName: string; contentType: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let live = true;
    (async () => {
      const { url } = await call("getDocumentDownload", { programmeId, documentId });
      const response = await fetch(url);
      if (!response.ok) throw new Error(await response.text());
      return response.blob();
    })()
      .then((blob) => live && setLoaded({ state: "ready", blob }))
      .catch((err: unknown) => live && setLoaded({ state: "failed", message: s.viewerFailed(errorText(err)) }));
    return () => {
      live = false;
    };
  }, [programmeId, documentId]);

  if (loaded.state === "loading") return <Spin tip={s.viewerLoading}><div style={{ minHeight: 120 }} /></Spin>;
  if (loaded.state === "failed") return <Alert type="error" showIcon role="alert" title={loaded.message} />;
  return contentType === "application/pdf" ? <PdfPages blob={loaded.blob} /> : <ImageView blob={loaded.blob} alt={fileName} />;
}

function ImageView({ blob, alt }: { blob: Blob; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return src ? <img src={src} alt={alt} data-testid="document-image" style={{ maxWidth: "100%", display: "block", margin: "0 auto" }} /> : null;
}

function PdfPages({ blob }: { blob: Blob }) {
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<{ shown: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    holder.current?.replaceChildren();
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs?url");
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()) }).promise;
      const shown = Math.min(pdf.numPages, MAX_PAGES);
      const width = Math.max(320, (holder.current?.clientWidth ?? 800) - 2);
      for (let n = 1; n <= shown && live; n++) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", s.viewerPageLabel(n));
        canvas.style.cssText = "display:block;max-width:100%;margin:0 auto 12px;border:1px solid #d9d9d9";
        holder.current?.appendChild(canvas);
        await page.render({ canvasContext: canvas.getContext("2d")!, viewport, canvas }).promise;
      }
      if (live) setPages({ shown, total: pdf.numPages });
    })().catch((err: unknown) => live && setProblem(s.viewerFailed(errorText(err))));
    return () => {
      live = false;
    };
  }, [blob]);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <div ref={holder} data-testid="document-pages" />
      {pages && <Typography.Text data-testid="document-page-count">{s.viewerPages(pages.shown, pages.total)}</Typography.Text>}
    </Space>
  );
}

// Requests about uploaded documents: the upload form's fields, the download and checklist callables.
import { z } from "zod";
import { decisionDocumentKinds } from "../decisionDocumentKinds.js";
import { documentTargetTypes } from "../documents.js";
import { documentKindSchema } from "../policy/schema.js";
import { enumOf, idOf, isoDate, text } from "./common.js";

export const documentTargetTypeSchema = enumOf("材料所属事项类型", documentTargetTypes);

/** Multipart form fields arrive as strings; "stamped" is "true"/"false". */
export const uploadDocumentFieldsSchema = z.object({
  programmeId: idOf("专项编号"),
  targetType: documentTargetTypeSchema,
  targetId: idOf("材料所属事项编号"),
  kind: documentKindSchema,
  /** The query date printed on a Credit China report (GZ-4.6.1 freshness), entered by the uploader. */
  issuedOn: isoDate("查询日期（出具日期）").optional(),
  stamped: z
    .enum(["true", "false"], { error: "是否盖章（stamped）应为 true 或 false" })
    .default("false")
    .transform((v) => v === "true"),
});
export type UploadDocumentFields = z.output<typeof uploadDocumentFieldsSchema>;

export const getDocumentDownloadRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  documentId: idOf("材料编号"),
});

export const checkDocumentsRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  targetType: documentTargetTypeSchema,
  targetId: idOf("材料所属事项编号"),
});

/** Staff produce the formal document of a decision (决定文书) as a PDF. */
export const issueDecisionDocumentRequestSchema = z.object({
  programmeId: idOf("专项编号"),
  kind: enumOf("文书类型", decisionDocumentKinds),
  /** The decision's subject: the proceeding (通报批评, 清退, 逾期处理, 公告) or the evaluation. */
  subjectId: idOf("决定事项编号"),
});

/**
 * The public verification record of a generated document (`verifications/{id}`, id from the QR
 * code): exactly what the document itself shows — its title, the issuing programme, the issue
 * date — and the SHA-256 of its bytes. Anyone may read one by its id; only functions write.
 */
export const verificationSchema = z.object({
  title: text("文书标题", 100),
  programmeName: text("专项名称", 200),
  issuedOn: isoDate("出具日期"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "文件摘要应为 64 位十六进制"),
});
export type Verification = z.infer<typeof verificationSchema>;

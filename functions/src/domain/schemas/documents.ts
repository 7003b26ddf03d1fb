// Requests about uploaded documents: the upload form's fields, the download and checklist callables.
import { z } from "zod";
import { documentTargetTypes } from "../documents.js";
import { documentKindSchema } from "../policy/schema.js";
import { enumOf, idOf, isoDate } from "./common.js";

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

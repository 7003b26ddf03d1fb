import { z } from "zod";
import { decisionDocumentKinds } from "../decisionDocumentKinds.js";
import { documentTargetTypes } from "../documents.js";
import { jobNames } from "../jobs.js";
import { documentKindSchema } from "../policy/schema.js";
import { actorSchema, clauseIdField, count, enumOf, idOf, instant, isoDate, optionalText, text } from "./common.js";

export const contentTypeSchema = enumOf("文件类型", ["application/pdf", "image/jpeg", "image/png"] as const);

/** Uploaded file metadata; the bytes live in storage, never in Firestore. */
export const documentMetaSchema = z.object({
  kind: documentKindSchema,
  ownerUnitId: idOf("所属牵引单位编号").optional(),
  fileName: text("文件名", 255),
  storagePath: text("存储路径", 1024),
  size: z.number().int().positive("文件不能为空").max(20 * 1024 * 1024, "文件不能超过 20 MB"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "文件摘要应为 64 位十六进制"),
  contentType: contentTypeSchema,
  /** GZ-2.2.13: readable only by the owning unit and staff. */
  sensitive: z.boolean(),
  stamped: z.boolean().default(false),
  issuedOn: isoDate("出具日期").optional(),
  uploadedAt: instant("上传时间"),
  uploadedBy: actorSchema,
  previousVersionId: idOf("上一版本编号").optional(),
  // Where the file belongs and its place in the chain of versions.
  programmeId: idOf("专项编号").optional(),
  target: z.object({ type: enumOf("材料所属事项类型", documentTargetTypes), id: idOf("材料所属事项编号"), unitId: idOf("事项所属牵引单位编号") }).optional(),
  /** `${target.type}/${target.id}`: versions of one kind for one target share it. */
  targetKey: text("材料所属事项", 300).optional(),
  version: z.number().int().min(1).optional(),
  /** true on the newest version of this kind for this target; older versions stay, flagged false. */
  current: z.boolean().optional(),
  /** Set when a reviewer decides on the target with this version as the current one. */
  approvedAt: instant("审核通过时间").optional(),
  approvedBy: actorSchema.optional(),
  /** A generated decision document (决定文书): which decision, and its public verification record. */
  decision: z.object({ kind: enumOf("文书类型", decisionDocumentKinds), subjectId: idOf("决定事项编号"), verificationId: idOf("核验编号") }).optional(),
  /** `${decision.kind}/${decision.subjectId}`: the versions of one decision's document share it. */
  decisionKey: text("决定文书", 300).optional(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/**
 * One download link (GZ-2.2.13): issued to one person after the access check, good for one fetch
 * within its few minutes. The fetch is the audited download; a second fetch is refused.
 */
export const downloadLinkSchema = z.object({
  documentId: idOf("材料编号"),
  issuedTo: actorSchema,
  issuedAt: instant("签发时间"),
  expiresAt: instant("失效时间"),
  fetchedAt: instant("下载时间").optional(),
});
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

/** Append-only audit entry (GZ-2.1): who, what, before/after, clause, when. */
export const auditEntrySchema = z.object({
  at: instant("时间"),
  actor: actorSchema,
  action: text("操作", 100),
  entity: text("对象路径", 500),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  clause: clauseIdField().optional(),
  note: optionalText("说明"),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const notificationSchema = z.object({
  /** For the programme's staff (work group) as a whole. */
  toStaff: z.boolean().optional(),
  toUid: idOf("接收人编号").optional(),
  toUnitId: idOf("接收单位编号").optional(),
  kind: text("通知类型", 50),
  title: text("标题", 200),
  body: text("内容", 3000),
  link: optionalText("链接", 500),
  createdAt: instant("创建时间"),
  readAt: instant("已读时间").optional(),
}).refine((n) => n.toUid !== undefined || n.toUnitId !== undefined || n.toStaff === true, { message: "通知须指定接收人或接收单位", path: ["toUid"] });
export type Notification = z.infer<typeof notificationSchema>;

/** Progress of a batched job (period close, deadline sweep) so it can stop and resume. */
export const jobRunSchema = z.object({
  job: enumOf("任务", ["periodClose", "deadlineSweep"] as const),
  asOf: isoDate("执行日期"),
  periodId: z.string().optional(),
  state: enumOf("任务状态", ["running", "done", "failed"] as const),
  /** Last unit id processed, in document-id order. */
  cursor: z.string().optional(),
  batches: count("已完成批次"),
  processed: count("已处理数"),
  proposed: count("提出候选数"),
  /** Refusals met on the way (e.g. a date beyond the holiday calendar), in Chinese. */
  errors: z.array(z.object({ item: text("对象", 500), message: text("原因", 2000) })).default([]),
  updatedAt: instant("更新时间"),
});
export type JobRun = z.infer<typeof jobRunSchema>;

/**
 * Issue 16.1: a stored document a job or trigger could not read (it does not parse with its
 * schema). The job skipped it and finished the rest; staff read why here. One record per job and
 * document (a stable id), so a re-run only moves `lastSeenAt`; nothing deletes it.
 */
export const jobProblemSchema = z.object({
  job: enumOf("任务", jobNames),
  path: text("文档路径", 1500),
  reason: text("原因", 2000),
  firstSeenAt: instant("首次发现时间"),
  lastSeenAt: instant("最近发现时间"),
});
export type JobProblem = z.infer<typeof jobProblemSchema>;

// Staff export a published list version (the newest when none is named) as Excel: the partner
// list and catalogue (GZ-4.6.3, DG-14) or the unit change list (DG-13). Audited like every export.
import type { CollectionReference } from "firebase-admin/firestore";
import { refuse, Refused } from "../domain/errors.js";
import { exportPublishedListRequestSchema, type CatalogueList, type PartnerList, type UnitChangeList } from "../domain/schemas/index.js";
import { appendAuditOnce } from "../store/audit.js";
import { collections } from "../store/collections.js";
import { loadProgrammeContext } from "../store/programmeContext.js";
import { requireStaff, staffActor } from "./caller.js";
import { LIST_TITLE, listWorkbook } from "./listWorkbook.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const exportPublishedList = validatedOnCall("exportPublishedList", exportPublishedListRequestSchema, async (req, request) => {
  const caller = requireStaff(request.auth, req.programmeId);
  const now = new Date();
  const ctx = await loadProgrammeContext(req.programmeId);
  // Typed loosely: the three list collections share the version header and `entries`.
  const col = (req.list === "partners" ? collections.partnerLists(req.programmeId) : req.list === "catalogue" ? collections.catalogueLists(req.programmeId) : collections.unitChangeLists(req.programmeId)) as unknown as CollectionReference<PartnerList | CatalogueList | UnitChangeList>;
  const snap = req.version ? await col.doc(String(req.version)).get() : (await col.orderBy("version", "desc").limit(1).get()).docs[0];
  const version = snap?.data();
  if (!snap || !version) throw new Refused(refuse("LIST_NOT_PUBLISHED", req.version ? `${LIST_TITLE[req.list]}第 ${req.version} 版` : LIST_TITLE[req.list]));
  const buffer = await listWorkbook(ctx.programme.name, req.list, version);
  const fileName = `${ctx.programme.name}_${LIST_TITLE[req.list]}_第${version.version}版.xlsx`;
  await appendAuditOnce(req.programmeId, `export-${req.list}-${version.version}-${now.getTime()}`, {
    at: now,
    actor: staffActor(caller),
    action: "list.exported",
    entity: snap.ref.path,
    after: { fileName, rows: version.entries.length },
    clause: version.clause,
  });
  return { fileName, contentBase64: buffer.toString("base64"), rows: version.entries.length, version: version.version };
});

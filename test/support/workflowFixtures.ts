// Records the proceedings and feedback tests need besides the demo seed, written with the admin
// SDK through the typed collections (so they obey the same schemas as real data). Uploaded
// documents are metadata rows here: the bytes belong to the upload endpoint, not to these tests.
import { partnerListEntries } from "../../functions/src/domain/applyChange.js";
import { makeUscc } from "../../functions/src/domain/uscc.js";
import { collections } from "../../functions/src/store/collections.js";
import type { DocumentKind } from "../../functions/src/domain/policy/schema.js";

export async function seedPartner(programmeId: string, unitId: string, id: string, seq: number, name = `合作伙伴${seq}（演示）有限公司`) {
  await collections.partners(programmeId).doc(id).set({ unitId, name, uscc: makeUscc(seq), status: "active", since: "2025-02-01" });
}

export async function seedCatalogueItem(programmeId: string, unitId: string, id: string, partnerId?: string) {
  await collections.catalogue(programmeId).doc(id).set({ unitId, name: `小快轻准方案 ${id}`, category: "生产管控", priceMin: 1000, priceMax: 5000, smallFastLightPrecise: true, status: "approved", ...(partnerId ? { partnerId } : {}) });
}

export async function seedEnterprise(programmeId: string, unitId: string, id: string, seq: number, name = `试点企业${seq}（演示）`) {
  await collections.enterprises(programmeId).doc(id).set({ name, uscc: makeUscc(seq), servedBy: unitId, diagnosisDone: false, onCloud: false, acceptance: "pending" });
}

export async function seedDocument(programmeId: string, id: string, kind: DocumentKind, ownerUnitId?: string) {
  await collections.documents(programmeId).doc(id).set({
    kind,
    ...(ownerUnitId ? { ownerUnitId } : {}),
    fileName: `${id}.pdf`,
    storagePath: `programmes/${programmeId}/documents/${id}`,
    size: 1024,
    sha256: "a".repeat(64),
    contentType: "application/pdf",
    sensitive: false,
    stamped: true,
    uploadedAt: new Date(),
    uploadedBy: { uid: "staff-gz", role: "staff" },
  });
}

export async function seedUnit(programmeId: string, id: string, seq: number, name: string) {
  await collections.units(programmeId).doc(id).set({ name, uscc: makeUscc(seq), status: "listed", listedOn: "2025-01-15", batch: "第一批" });
}

export async function auditOf(programmeId: string, entity: string) {
  const snap = await collections.audit(programmeId).where("entity", "==", entity).get();
  return snap.docs.map((d) => d.data());
}

/**
 * The partner list's next version, listing every partner of the programme now on record (as a
 * published addition would have left it): what a removal then takes off. Returns its number.
 */
export async function publishPartnerListNow(programmeId: string, publishedOn = "2025-02-01") {
  const [units, partners, top] = await Promise.all([
    collections.units(programmeId).get(),
    collections.partners(programmeId).get(),
    collections.partnerLists(programmeId).orderBy("version", "desc").limit(1).get(),
  ]);
  const registry = { units: new Map(units.docs.map((d) => [d.id, d.data()])), partners: new Map(partners.docs.map((d) => [d.id, d.data()])), catalogue: new Map() };
  const version = (top.docs[0]?.data().version ?? 0) + 1;
  await collections.partnerLists(programmeId).doc(String(version)).set({ version, publishedOn, publishedAt: new Date(`${publishedOn}T10:00:00+08:00`), clause: programmeId.startsWith("dg") ? "DG-14" : "GZ-4.6.3", changeIds: [], entries: partnerListEntries(registry) });
  return version;
}

// Every Firestore path the system uses, built in one place so no string paths are scattered
// through triggers, jobs and callables. Everything a programme owns lives under it, so rules
// and exports scope by programme.
export const paths = {
  programme: (programmeId: string) => `programmes/${programmeId}`,
  units: (programmeId: string) => `programmes/${programmeId}/units`,
  unit: (programmeId: string, unitId: string) => `programmes/${programmeId}/units/${unitId}`,
  reports: (programmeId: string) => `programmes/${programmeId}/reports`,
  report: (programmeId: string, reportId: string) => `programmes/${programmeId}/reports/${reportId}`,
  audit: (programmeId: string) => `programmes/${programmeId}/audit`,
} as const;

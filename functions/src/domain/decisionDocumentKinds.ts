// The kinds of decision document (决定文书) the system produces; words and content are in
// decisionDocuments.ts. Its own module so the stored schemas can name the kinds without importing
// the word catalogue.
export const decisionDocumentKinds = ["criticismNotice", "evaluationResult", "clearOutDecision", "overdueDecision", "clearOutAnnouncement", "changeReview", "publicNotice", "publishedList"] as const;
export type DecisionDocumentKind = (typeof decisionDocumentKinds)[number];

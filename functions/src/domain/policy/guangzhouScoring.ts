// Guangzhou's evaluation model as the pack ships it (version 1 of the programme's settings; the
// work group changes it as governed data, GZ-3.4.2): enterprises served 25, results 35, products
// and solutions 20, overall conduct 20; bands 优秀 ≥ 90, 良好 80–90, 合格 60–80, 不合格 < 60.
// GZ-3.3 names the aspects — 完成改造试点企业数量、试点企业数字化改造成效、试点企业满意度、
// 牵引单位服务能力以及绩效任务书完成情况 — but not their weights: those are the bureau's choice.
import type { ScoringModel } from "./schema.js";

export const guangzhouScoring: ScoringModel = {
  dimensions: [
    {
      id: "enterprisesServed",
      label: "服务企业",
      weight: 25,
      parts: [
        { kind: "metric", metric: "enterprisesTransformed", points: 15 },
        { kind: "metric", metric: "diagnoses", points: 5 },
        { kind: "metric", metric: "cloudEnterprises", points: 5 },
      ],
    },
    {
      id: "results",
      label: "改造成效",
      weight: 35,
      parts: [
        { kind: "metric", metric: "level2Share", points: 20 },
        { kind: "judged", id: "satisfaction", label: "试点企业满意度与改造成效核查", points: 15 },
      ],
    },
    {
      id: "productsAndSolutions",
      label: "产品和解决方案",
      weight: 20,
      parts: [
        { kind: "metric", metric: "solutions", points: 10 },
        { kind: "metric", metric: "typicalCases", points: 5 },
        { kind: "metric", metric: "platforms", points: 5 },
      ],
    },
    {
      id: "conduct",
      label: "综合表现",
      weight: 20,
      parts: [
        { kind: "metric", metric: "reporting", points: 6 },
        { kind: "metric", metric: "complaintsClosed", points: 4 },
        { kind: "judged", id: "serviceCapability", label: "服务能力与履职情况", points: 10 },
      ],
    },
  ],
  bands: [
    { label: "优秀", min: 90 },
    { label: "良好", min: 80 },
    { label: "合格", min: 60 },
    { label: "不合格", min: 0 },
  ],
  passMark: 60,
};

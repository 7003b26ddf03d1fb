// Dongguan's evaluation model as the pack ships it (version 1 of the programme's settings; the
// 工作专班 changes it as governed data). DG-8 ranks units "从完成改造试点企业数量、试点企业数字化
// 改造成效等方面", and DG-9.2 ranks on the task book's completion, so the two aspects it names
// carry most of the weight: 完成改造试点企业数量 40, 数字化改造成效 40, the task book's other
// duties and conduct 20. The weights themselves are the bureau's choice; bands as in Guangzhou.
import type { ScoringModel } from "./schema.js";

export const dongguanScoring: ScoringModel = {
  dimensions: [
    {
      id: "enterprisesServed",
      label: "完成改造试点企业数量",
      weight: 40,
      parts: [
        { kind: "metric", metric: "enterprisesTransformed", points: 30 },
        { kind: "metric", metric: "diagnoses", points: 10 },
      ],
    },
    {
      id: "results",
      label: "试点企业数字化改造成效",
      weight: 40,
      parts: [
        { kind: "metric", metric: "level2Share", points: 20 },
        { kind: "metric", metric: "cloudEnterprises", points: 5 },
        { kind: "judged", id: "satisfaction", label: "试点企业满意度与改造成效核查", points: 15 },
      ],
    },
    {
      id: "conduct",
      label: "任务书其他任务与履职",
      weight: 20,
      parts: [
        { kind: "metric", metric: "solutions", points: 5 },
        { kind: "metric", metric: "typicalCases", points: 3 },
        { kind: "metric", metric: "platforms", points: 2 },
        { kind: "metric", metric: "reporting", points: 4 },
        { kind: "metric", metric: "complaintsClosed", points: 2 },
        { kind: "judged", id: "serviceCapability", label: "服务能力与履职情况", points: 4 },
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

// Plain-language Chinese wording of each ground, quoted from the regulations, for announcements
// (GZ-4.5 / DG-11: name and reason), notifications and the admin page.
const LABELS: Record<string, string> = {
  "GZ-4.4a.1": "人员能力不足或团队配置不合理，诊断、改造服务不能满足企业需求，造成试点企业投诉",
  "GZ-4.4a.2": "资料报送不及时、不完整、不规范",
  "GZ-4.4a.3": "季度考核项目实施进度滞后，没有合理说明以及有效补救措施",
  "GZ-4.4a.4": "名称、住所、法定代表人、经营范围以及注册资本等发生重大变更，未及时报告说明",
  "GZ-4.4a.5": "违背诚信原则，不履行职责",
  "GZ-4.4a.6": "项目未通过验收",
  "GZ-4.4b.1": "牵引单位自行要求退出",
  "GZ-4.4b.2": "未按规定参加绩效评价",
  "GZ-4.4b.3": "累计两次绩效评价不达标",
  "GZ-4.4b.4": "牵引单位被依法终止",
  "GZ-4.4b.5": "伪造资料、弄虚作假",
  "GZ-4.4b.6": "泄露试点企业商业机密、核心技术或敏感信息",
  "GZ-4.4b.7": "有违国家级、省级试点工作通知精神，对数转工作造成不良影响，或以不正当理由收取中介费用、工作费用、咨询费用等",
  "GZ-4.4b.8": "其他不符合牵引单位要求的，或不适合继续担任牵引单位",
  "DG-10.1": "牵引单位自行要求退出",
  "DG-10.2": "未按规定参加绩效评价",
  "DG-10.3": "累计两次绩效评价不达标",
  "DG-10.4": "牵引单位被依法终止",
  "DG-10.5": "伪造资料、弄虚作假",
  "DG-10.6": "其他不符合牵引单位要求",
  "DG-16.1": "合作伙伴自愿退出",
  "DG-16.2": "受到企业投诉并没有有效解决达到2次",
  "DG-16.3": "试点企业对合作伙伴的服务满意度评价为“不满意”达到2次",
  "DG-16.4": "合作伙伴单位被依法终止",
  "DG-16.5": "伪造资料、弄虚作假",
  "DG-16.6": "其他不符合牵引单位的合作伙伴要求",
};

/** The regulation's words for a ground; the clause ID itself when it has none here. */
export function groundLabel(ground: string): string {
  return LABELS[ground] ?? ground;
}

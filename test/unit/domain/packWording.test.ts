// Issue 15.3, every screen speaks the pack: a ground is shown with the regulation's own wording,
// taken from the programme's pack, and a procedure the regulation does not have is absent. The
// wording is checked against the regulation's text itself (quoted below from the two documents),
// so a paraphrase or another city's words cannot slip in.
import { describe, expect, it } from "vitest";
import { dongguan, guangzhou, policyPacks, type PolicyPack } from "../../../functions/src/domain/policy/index.js";
import { groundsOf, proceedingKindsOf } from "../../../functions/src/domain/procedureKinds.js";
import { groundLabel, groundOptions } from "../../../functions/src/domain/words.js";

/** 广州市……管理工作规程 4.4 (通报批评) and 4.4b (清退), as printed (numbering aside). */
const GZ_TEXT =
  "出现以下其中一种或多种情形的，对牵引单位进行通报批评，并责令限期整改：人员能力不足或团队配置不合理，诊断、改造服务不能满足企业需求，造成试点企业投诉的；资料报送不及时、不完整、不规范的；" +
  "季度考核项目实施进度滞后，没有合理说明以及有效补救措施的；牵引单位名称、住所、法定代表人、经营范围以及注册资本等内容发生重大变更，未及时报告说明的；违背诚信原则，不履行职责的；项目未通过验收的。" +
  "牵引单位有下列情形之一的，将对牵引单位予以清退，且不得重新申请纳入：牵引单位自行要求退出的；未按规定参加绩效评价的；累计两次绩效评价不达标的；牵引单位被依法终止的；伪造资料、弄虚作假的；" +
  "泄露试点企业商业机密、核心技术或敏感信息，包括但不限于客户数据、产品设计、生产流程等；有违国家级、省级试点工作通知精神，对数转工作造成不良影响，或以任何不正当理由收取中介费用、工作费用、咨询费用等；" +
  "其他不符合牵引单位要求的，或不适合继续担任牵引单位的。";
/** 东莞市……管理办法（试行）第十条 (清退) and 第十六条 (取消合作伙伴). */
const DG_TEXT =
  "牵引单位有下列情形之一的，将对牵引单位予以清退，且不得重新申请纳入：（一）牵引单位自行要求退出的；（二）未按规定参加绩效评价的；（三）累计两次绩效评价不达标的；（四）牵引单位被依法终止的；" +
  "（五）伪造资料、弄虚作假的；（六）其他不符合牵引单位要求的。合作伙伴有下列情形之一的，责令牵引单位取消与其的合作，并作相应变更：（一）合作伙伴自愿退出的；（二）受到企业投诉并没有有效解决达到2次的；" +
  "（三）试点企业对合作伙伴的服务满意度评价为“不满意”达到2次的；（四）合作伙伴单位被依法终止的；（五）伪造资料、弄虚作假的；（六）其他不符合牵引单位的合作伙伴要求的。";
/** Punctuation, spaces and 的 differ between the text and the short form; the words do not. */
const bare = (x: string) => x.replace(/[\s，。、；：“”"（）()的,;:一二三四五六]/g, "");

/** Every ground a pack lets staff pick: criticism, clear-out, partner removal, and the own-request ones. */
const pickable = (pack: PolicyPack) => [...pack.criticismGrounds, ...pack.clearOut.grounds, ...pack.partnerRemovalGrounds, ...pack.ownRequestGrounds];

describe("ground wording comes from the programme's own pack", () => {
  it("GZ-4.4a: every Guangzhou criticism and clear-out ground has the regulation's wording, as the regulation words it", () => {
    for (const g of pickable(guangzhou)) expect(guangzhou.groundWords[g], g).toBeTruthy();
    const seed = bare(GZ_TEXT);
    for (const [id, words] of Object.entries(guangzhou.groundWords)) expect(seed.includes(bare(words)), `${id}: ${words}`).toBe(true);
    expect(groundLabel(guangzhou, "GZ-4.4b.3")).toBe("GZ-4.4b.3 累计两次绩效评价不达标");
    expect(groundLabel(guangzhou, "GZ-4.4b.2")).toBe("GZ-4.4b.2 未按规定参加绩效评价");
  });

  it("DG-10: every Dongguan clear-out and partner-removal ground has the regulation's wording, as the regulation words it", () => {
    for (const g of pickable(dongguan)) expect(dongguan.groundWords[g], g).toBeTruthy();
    const seed = bare(DG_TEXT);
    for (const [id, words] of Object.entries(dongguan.groundWords)) expect(seed.includes(bare(words)), `${id}: ${words}`).toBe(true);
  });

  it("DG-16.3: the partner-removal picker offers the dissatisfied-ratings ground in the regulation's words", () => {
    const options = groundOptions(dongguan, groundsOf("partnerRemoval", dongguan));
    expect(options.map((o) => o.value)).toEqual(["DG-16.1", "DG-16.2", "DG-16.3", "DG-16.4", "DG-16.5", "DG-16.6"]);
    expect(options.find((o) => o.value === "DG-16.3")?.label).toBe("DG-16.3 试点企业对合作伙伴的服务满意度评价为“不满意”达到2次");
  });

  it("every pack words each ground it lets staff pick, and its words stay within 200 characters", () => {
    for (const pack of Object.values(policyPacks)) {
      for (const g of pickable(pack)) {
        expect(pack.groundWords[g], `${pack.id} ${g}`).toBeTruthy();
        expect(groundLabel(pack, g).startsWith(`${g} `)).toBe(true);
      }
    }
  });

  it("a Dongguan pack holds no Guangzhou clause ID, and a Guangzhou pack no Dongguan one", () => {
    expect(JSON.stringify(dongguan)).not.toMatch(/GZ-\d/);
    expect(JSON.stringify(guangzhou)).not.toMatch(/DG-\d/);
    // And the labels a Dongguan screen builds from its pack name only Dongguan clauses.
    const labels = proceedingKindsOf(dongguan).flatMap((k) => groundOptions(dongguan, groundsOf(k, dongguan)).map((o) => o.label));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/^DG-/);
  });
});

describe("a procedure the regulation does not have is absent", () => {
  it("DG-9.2: Dongguan has no 通报批评 (low-ranked units are interviewed); its proceedings are clear-out and partner removal", () => {
    expect(proceedingKindsOf(dongguan)).toEqual(["clearOut", "partnerRemoval"]);
    expect(groundsOf("criticism", dongguan)).toEqual([]);
  });

  it("GZ-4.4a: Guangzhou has 通报批评 and clear-out, and no partner-removal proceeding (partners leave by change application, GZ-4.6.0)", () => {
    expect(proceedingKindsOf(guangzhou)).toEqual(["criticism", "clearOut"]);
    expect(groundsOf("criticism", guangzhou)).toHaveLength(6);
  });
});

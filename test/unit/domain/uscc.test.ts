import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeUscc, parseUscc, USCC_CHARSET } from "../../../functions/src/domain/uscc.js";

// Real codes from public sources, independent of our implementation: the GB 32100-2015
// example and three large enterprises' published codes.
const REAL = ["91350100M000100Y43", "91440300708461136T", "914403001922038216", "91110000802100433B"];

function codeOf(input: string): string | undefined {
  const r = parseUscc(input);
  return r.ok ? undefined : r.code;
}

describe("parseUscc (GB 32100-2015)", () => {
  it("accepts published real codes and splits them", () => {
    for (const c of REAL) expect(parseUscc(c).ok).toBe(true);
    const r = parseUscc("91440300708461136T");
    expect(r.ok && r.value).toMatchObject({ authority: "9", type: "1", typeName: "企业", division: "440300", orgCode: "708461136" });
  });

  it("trims surrounding spaces", () => {
    expect(parseUscc("  91350100M000100Y43 ").ok).toBe(true);
  });

  it("refuses a wrong length", () => {
    expect(codeOf("91350100M000100Y4")).toBe("USCC_LENGTH");
    expect(codeOf("")).toBe("USCC_LENGTH");
  });

  it("refuses I, O, Z, S, V and lower case", () => {
    expect(codeOf("91350100M000100YO3")).toBe("USCC_CHARSET");
    expect(codeOf("91350100m000100Y43")).toBe("USCC_CHARSET");
    const r = parseUscc("91350100M000100YS3");
    expect(r.ok ? "" : r.message).toContain("第 17 位");
  });

  it("refuses an unknown registration authority or a type it does not have", () => {
    expect(codeOf("B1350100M000100Y43")).toBe("USCC_AUTHORITY");
    expect(codeOf("94350100M000100Y43")).toBe("USCC_TYPE"); // 工商 has types 1–3 only
  });

  it("refuses an impossible administrative division", () => {
    expect(codeOf("91990100M000100Y43")).toBe("USCC_DIVISION");
  });

  it("refuses a wrong organisation-code check character", () => {
    expect(codeOf("91350100M000100Y53")).toBe("USCC_ORG_CHECK");
  });

  it("refuses a wrong final check character, naming the right one", () => {
    const r = parseUscc("91350100M000100Y44");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("USCC_CHECK");
      expect(r.message).toContain("“3”");
    }
  });

  it("detects every single-character substitution in the last position", () => {
    for (const c of REAL) {
      for (const ch of USCC_CHARSET) if (ch !== c.charAt(17)) expect(codeOf(c.slice(0, 17) + ch)).toBe("USCC_CHECK");
    }
  });
});

describe("makeUscc", () => {
  it("produces valid, distinct codes from serial numbers (demo data)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        const code = makeUscc(n);
        expect(parseUscc(code).ok).toBe(true);
        expect(code.startsWith("91440100")).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(makeUscc(1)).not.toBe(makeUscc(2));
  });

  it("reproduces a real code from its parts", () => {
    expect(makeUscc({ authority: "9", type: "1", division: "350100", orgBody: "M000100Y" })).toBe("91350100M000100Y43");
  });

  it("refuses a bad body", () => {
    expect(() => makeUscc({ orgBody: "SHORT" })).toThrow();
  });
});

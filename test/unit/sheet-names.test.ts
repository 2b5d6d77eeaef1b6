// The names of a committee workbook's sheets, one per branch: Excel refuses a name longer than 31
// characters, with : \ / ? * [ ] in it, starting or ending with an apostrophe, or equal to another
// sheet's ignoring case.
import { describe, expect, it } from "vitest";
import { sheetName, uniqueSheetNames } from "../../src/export/report-files.ts";

describe("sheet names", () => {
  it("removes the characters Excel refuses and keeps at most 31", () => {
    expect(sheetName("第一[党]支部/东区:*?\\")).toBe("第一党支部东区");
    expect(sheetName("'引号支部'")).toBe("引号支部");
    expect(sheetName("很".repeat(40))).toHaveLength(31);
    expect(sheetName("[]:")).toBe("支部");
  });

  it("makes every name unique among the branches and the sheets already there, ignoring case", () => {
    const long = "磐东街道某某社区居民委员会第一网格党支部（老年党员活动小组）";
    const names = uniqueSheetNames(["汇总", "Branch A", "branch a", long, long, "第一/党支部", "第一党支部"], ["汇总"]);
    expect(names.slice(0, 3)).toEqual(["汇总（2）", "Branch A", "branch a（2）"]);
    expect(names[3]).toBe(long.slice(0, 31));
    expect(names[4]).toBe(`${long.slice(0, 28)}（2）`);
    expect(names.slice(5)).toEqual(["第一党支部", "第一党支部（2）"]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

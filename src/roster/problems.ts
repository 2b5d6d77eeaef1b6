// A problem found in the file, with the line the secretary must go to. Errors keep a row
// out of the import; warnings do not.

export interface RosterProblem {
  /** Undefined for the people table (the first sheet, or the whole CSV file); "组织" for the org sheet. */
  readonly sheet?: string | undefined;
  /** 1-based, as shown by Excel or a text editor; 0 when the problem is the file as a whole. */
  readonly line: number;
  readonly message: string;
}

export function where(p: Pick<RosterProblem, "sheet" | "line">): string {
  if (p.line <= 0) return "文件";
  return `${p.sheet ? `${p.sheet}表` : ""}第${p.line}行`;
}

export const formatProblem = (p: RosterProblem): string => `${where(p)}：${p.message}`;

// Branch A's roster as its secretary keeps it (党员名单, the template's columns): everyone the
// branch has now, written from the records (roles, tags, dates, 联系领导, 流动去向), so that a
// re-import changes nothing for them; new people are added as rows with their history.
import { dateToDay } from "../../src/domain/calendar-day.ts";
import type { Harness } from "../support/harness.ts";

const HEADER = ["姓名", "手机号", "所在党组织", "党组织编码", "上级党组织编码", "角色", "标签", "出生日期", "入党日期", "联系领导", "流动去向", "上次谈心日期", "谈心人"];
const ROLE_WORD = { MEMBER: "党员", LEADER: "党员领导干部", SECRETARY: "支部书记", AFFAIRS_WORKER: "党务工作者" } as const;
const TAG_WORD = { OLD_MEMBER: "老党员", OLD_CADRE: "老干部", OLD_MODEL: "老模范", MOBILE: "流动党员", VETERAN: "退役军人" } as const;

export interface NewRow {
  name: string;
  mobile: string;
  born: string;
  joinedParty: string;
  /** 联系领导, by name. */
  leader: string;
  lastTalkOn: string;
}

export async function branchRoster(h: Harness, orgId: number, newRows: readonly NewRow[]): Promise<{ name: string; data: Uint8Array }> {
  const p = h.db.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { id: orgId }, include: { parent: true } });
  const people = await p.person.findMany({
    where: { memberships: { some: { orgId, status: "ACTIVE" } } },
    include: { memberships: { where: { orgId, status: "ACTIVE" } }, responsibleLeader: true },
    orderBy: { id: "asc" },
  });
  const day = (d: Date | null) => (d ? dateToDay(d) : "");
  const rows = people.map((x) => [
    x.name,
    x.mobile ?? "",
    org.name,
    org.code,
    org.parent?.code ?? "",
    x.memberships.flatMap((m) => (m.role === "AID_DELEGATE" ? [] : [ROLE_WORD[m.role]])).join("、"),
    x.tags.map((t) => TAG_WORD[t]).join("、"),
    day(x.birthDate),
    day(x.joinedPartyOn),
    x.responsibleLeader?.name ?? "",
    x.whereabouts ?? "",
    "",
    "",
  ]);
  for (const n of newRows) rows.push([n.name, n.mobile, org.name, org.code, org.parent?.code ?? "", "党员", "", n.born, n.joinedParty, n.leader, "", n.lastTalkOn, ""]);
  const csv = [HEADER, ...rows].map((r) => r.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
  return { name: `${org.name}花名册.csv`, data: new TextEncoder().encode(csv) };
}

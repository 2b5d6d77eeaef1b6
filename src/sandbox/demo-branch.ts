// The demo branch the sandbox starts with: a secretary, two leaders, an affairs worker and a
// dozen members, among them old members, an old cadre, an old model, a mobile member and one
// member in hardship. Names are invented; mobiles are from a reserved-looking range.
// Beside it, so the committee's views can be tried: two more branches under the same 总支 (a
// secretary, a leader and a few members each) and the 党工委's own secretary and affairs worker.
import type { PersonTag } from "../generated/prisma/enums.ts";
import type { RoleName } from "../domain/roles.ts";

export interface DemoPerson {
  name: string;
  mobile: string;
  roles: RoleName[];
  tags?: PersonTag[];
  birth: string;
  joined: string;
  leader?: string;
  whereabouts?: string;
  /** In hardship (the aid flow opens a hardship-archive entry for this member). */
  hardship?: boolean;
}

export const DEMO_ORGS = [
  { code: "pd", name: "磐东街道党工委", kind: "COMMITTEE" as const, parent: null },
  { code: "pd-jw", name: "磐东居委党总支", kind: "GENERAL_BRANCH" as const, parent: "pd" },
  { code: "pd-jw-1", name: "磐东居委第一党支部", kind: "BRANCH" as const, parent: "pd-jw" },
  { code: "pd-jw-2", name: "磐东居委第二党支部", kind: "BRANCH" as const, parent: "pd-jw" },
  { code: "pd-jw-3", name: "磐东居委第三党支部", kind: "BRANCH" as const, parent: "pd-jw" },
];
export const DEMO_BRANCH = "pd-jw-1";
export const DEMO_GROUP_CHAT = "oc_demo_branch_group";

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: "王建国", mobile: "13800000001", roles: ["SECRETARY", "LEADER"], birth: "1968-03-12", joined: "1992-07-01" },
  { name: "李明", mobile: "13800000002", roles: ["LEADER"], birth: "1975-05-20", joined: "1998-06-15" },
  { name: "陈芳", mobile: "13800000003", roles: ["LEADER"], birth: "1980-11-02", joined: "2003-07-01" },
  { name: "林晓", mobile: "13800000004", roles: ["AFFAIRS_WORKER"], birth: "1990-08-08", joined: "2014-05-04", leader: "李明" },
  { name: "张三", mobile: "13800000011", roles: [], birth: "1985-02-14", joined: "2010-07-01", leader: "李明", hardship: true },
  { name: "李四", mobile: "13800000012", roles: [], birth: "1992-09-30", joined: "2016-12-20", leader: "李明" },
  { name: "王五", mobile: "13800000013", roles: [], birth: "1941-01-05", joined: "1962-10-01", leader: "李明", tags: ["OLD_MEMBER"] },
  { name: "赵六", mobile: "13800000014", roles: [], birth: "1946-06-18", joined: "1970-03-08", leader: "李明", tags: ["OLD_MEMBER", "OLD_CADRE"] },
  { name: "孙七", mobile: "13800000015", roles: [], birth: "1950-12-24", joined: "1975-07-01", leader: "陈芳", tags: ["OLD_MODEL"] },
  { name: "周八", mobile: "13800000016", roles: [], birth: "1988-04-01", joined: "2012-06-30", leader: "陈芳", tags: ["MOBILE"], whereabouts: "深圳市南山区（务工）" },
  { name: "吴九", mobile: "13800000017", roles: [], birth: "1979-07-07", joined: "2005-07-01", leader: "陈芳", tags: ["VETERAN"] },
  { name: "郑十", mobile: "13800000018", roles: [], birth: "1995-10-10", joined: "2019-07-01", leader: "陈芳" },
  { name: "钱多多", mobile: "13800000019", roles: [], birth: "1999-01-01", joined: "2022-06-01", leader: "陈芳" },
  { name: "冯兰", mobile: "13800000020", roles: [], birth: "1938-09-09", joined: "1958-05-01", leader: "王建国", tags: ["OLD_MEMBER"] },
  { name: "何勇", mobile: "13800000021", roles: [], birth: "1983-03-03", joined: "2009-09-09", leader: "王建国" },
  { name: "许静", mobile: "13800000022", roles: [], birth: "1991-12-12", joined: "2015-07-01", leader: "王建国" },
];

/** Someone of the demo outside the first branch: `org` is their organisation's code. */
export interface DemoPersonIn extends DemoPerson {
  org: string;
}

/**
 * The committee's two office holders and the people of the second and third branches. Their
 * leaders are named within their own branch; one member of each branch is in hardship.
 */
export const DEMO_COMMITTEE_PEOPLE: DemoPersonIn[] = [
  { org: "pd", name: "高志远", mobile: "13800000090", roles: ["SECRETARY"], birth: "1966-09-18", joined: "1989-06-01" },
  { org: "pd", name: "邓雪梅", mobile: "13800000091", roles: ["AFFAIRS_WORKER"], birth: "1986-04-23", joined: "2008-07-01" },
  { org: "pd-jw-2", name: "刘卫东", mobile: "13800000101", roles: ["SECRETARY", "LEADER"], birth: "1970-02-02", joined: "1994-07-01" },
  { org: "pd-jw-2", name: "黄秀英", mobile: "13800000102", roles: ["LEADER"], birth: "1977-08-15", joined: "2001-05-20" },
  { org: "pd-jw-2", name: "马国华", mobile: "13800000111", roles: [], birth: "1944-03-30", joined: "1966-07-01", leader: "黄秀英", tags: ["OLD_MEMBER"], hardship: true },
  { org: "pd-jw-2", name: "罗丽", mobile: "13800000112", roles: [], birth: "1987-11-11", joined: "2011-07-01", leader: "黄秀英" },
  { org: "pd-jw-2", name: "梁斌", mobile: "13800000113", roles: [], birth: "1993-06-06", joined: "2017-06-30", leader: "刘卫东" },
  { org: "pd-jw-2", name: "宋玉兰", mobile: "13800000114", roles: [], birth: "1952-01-20", joined: "1978-12-01", leader: "刘卫东", tags: ["OLD_MODEL"] },
  { org: "pd-jw-3", name: "唐志强", mobile: "13800000201", roles: ["SECRETARY", "LEADER"], birth: "1973-10-10", joined: "1997-07-01" },
  { org: "pd-jw-3", name: "韩梅", mobile: "13800000202", roles: ["LEADER"], birth: "1982-12-05", joined: "2006-06-01" },
  { org: "pd-jw-3", name: "曹建军", mobile: "13800000211", roles: [], birth: "1958-05-04", joined: "1980-09-01", leader: "韩梅", tags: ["VETERAN"] },
  { org: "pd-jw-3", name: "彭慧", mobile: "13800000212", roles: [], birth: "1990-03-08", joined: "2013-07-01", leader: "韩梅", hardship: true },
  { org: "pd-jw-3", name: "蒋涛", mobile: "13800000213", roles: [], birth: "1996-07-21", joined: "2020-07-01", leader: "唐志强", tags: ["MOBILE"], whereabouts: "杭州市滨江区（务工）" },
  { org: "pd-jw-3", name: "袁桂芳", mobile: "13800000214", roles: [], birth: "1940-10-01", joined: "1961-07-01", leader: "唐志强", tags: ["OLD_MEMBER"] },
];

/** Everyone of the demo: the first branch's people, then the committee's and the other branches'. */
export const ALL_DEMO_PEOPLE: DemoPersonIn[] = [...DEMO_PEOPLE.map((p) => ({ ...p, org: DEMO_BRANCH })), ...DEMO_COMMITTEE_PEOPLE];

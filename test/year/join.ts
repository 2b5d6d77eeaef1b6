// Three members join branch A mid-year, transferred in from a branch outside the system: they
// are on Lark already, and the secretary adds them to the branch's roster file with the history
// their file brings (joining the Party, their last talk there) and has it imported again, as
// `npm run roster:import` does. The re-import must add them, bind them to Lark, and find
// nothing else to change or remove: everyone else is in the file as the records have them, and
// the members who left during the year are no longer the branch's.
import { createLarkClient } from "../../src/lark/client.ts";
import { createLogger } from "../../src/log.ts";
import { importRoster } from "../../src/roster/import.ts";
import { formatReport } from "../../src/roster/report.ts";
import type { Branch, Person } from "./cast.ts";
import { branchRoster, type NewRow } from "./roster-file.ts";
import type { World } from "./world.ts";

export async function joinByRoster(w: World, br: Branch, gaps: string[]): Promise<Person[]> {
  const leaders = [br.secretary, ...br.leaders];
  const newRows: NewRow[] = [
    { name: "欧阳明远", mobile: "13900010001", born: "1978-02-02", joinedParty: "2010-07-01", leader: leaders[0]!.name, lastTalkOn: "2027-01-18" },
    { name: "司马晓晴", mobile: "13900010002", born: "1994-09-09", joinedParty: "2019-06-30", leader: leaders[1]!.name, lastTalkOn: "2027-03-02" },
    { name: "上官立新", mobile: "13900010003", born: "1970-12-12", joinedParty: "2001-12-12", leader: leaders[2]!.name, lastTalkOn: "2026-12-22" },
  ];
  for (const n of newRows) w.h.double.addUser({ name: n.name, mobile: n.mobile });
  return w.act(`${br.secretary.name} 重新导入花名册`, async () => {
    const report = await importRoster({
      prisma: w.h.db.prisma,
      file: await branchRoster(w.h, br.orgId, newRows),
      // A client of its own, as the script makes: the bot's has a token from months of simulated time ago.
      lark: createLarkClient({ ...w.h.config.lark, log: createLogger("silent") }).sdk,
      actor: { id: br.secretary.id, openId: br.secretary.openId },
      now: w.h.clock.now(),
    });
    // Whatever the import staged for the running bot (a review card) goes out as the recovery sweep would send it.
    await w.h.app.maintenance!.run("recover");
    const expected = report.ok && report.people.created === 3 && report.people.updated === 0 && report.lark.bound.length === 3 && report.review.status === "none";
    if (!expected) gaps.push(`${w.today} 花名册重新导入（新增 3 人）结果不符：\n${formatReport(report)}`);
    const out: Person[] = [];
    for (const n of newRows) {
      const row = await w.h.db.prisma.person.findUnique({ where: { mobile: n.mobile } });
      if (!row?.larkOpenId) continue;
      const person: Person = { id: row.id, name: row.name, openId: row.larkOpenId, orgId: br.orgId };
      w.byOpenId.set(person.openId, person);
      w.cast.everyone.push(person);
      br.members.push(person);
      out.push(person);
    }
    return out;
  });
}

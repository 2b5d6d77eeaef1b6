// 导出我的数据: a member receives, as a spreadsheet in this chat, everything the branch keeps about
// them (their requests, the talks held with them without the leader's notes, visits, training,
// commendations, job-seeking, questions, changes of standing) and who else read those records.
// The right to know and to copy (个人信息保护法 第四十五条), at most once an hour.
import { nextExportAt, EXPORT_KEEP_MS } from "../../../domain/export-limit.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { buildPersonalWorkbook, workbookBytes } from "../../../export/personal-data.ts";
import { lineView } from "../audit-view.ts";
import { todayOf, type Command } from "../../context.ts";
import { UserError } from "../../errors.ts";

/** Enough for a lifetime of a member's records: the existing reads take a limit. */
const ALL = 10_000;

export const myData: Command = {
  name: "导出我的数据",
  aliases: ["我的数据", "个人信息导出", "导出个人信息", "export my data", "my data"],
  summary: { zh: "把支部保存的您的全部记录发给您（表格文件）", en: "receive everything the branch keeps about you, as a spreadsheet" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const { store, actor } = ctx;
    const now = ctx.clock.now();
    const tz = ctx.config.timezone;
    const last = await store.exportFiles.lastExportAt(actor.personId, "personal-data");
    const next = nextExportAt(last, now);
    if (last && next) {
      throw new UserError("export_too_soon", {
        zh: `您在 ${localDateTime(last, tz).slice(11)} 已导出过一次，文件已发到本对话。每小时可导出一次，请在 ${localDateTime(next, tz).slice(11)} 之后再试。`,
        en: `You exported your data at ${localDateTime(last, tz).slice(11)}; the file is in this chat. One export an hour: please try again after ${localDateTime(next, tz).slice(11)}.`,
      });
    }

    const profile = await store.personalRecords.profileOf(actor.personId);
    if (!profile) throw new UserError("no_person", { zh: "名册中没有找到您的记录。", en: "The roster has no record of you." });
    const questions = await store.questions.questionsOf(actor.personId, ALL);
    const data = {
      profile,
      roles: await store.personalRecords.rolesOf(actor.personId),
      requests: await store.aidRequests.requestsOf(actor.personId, ALL),
      talks: await store.personalRecords.talksWith(actor.personId),
      peerTalks: { personId: actor.personId, talks: await store.peerTalks.peerTalksOf({ personId: actor.personId, take: ALL, oldestFirst: true }) },
      visits: await store.personalRecords.visitsTo(actor.personId),
      trainings: await store.training.trainingsOf(actor.personId, ALL),
      attended: await store.trainingRecords.attendedBy(actor.personId, ALL),
      // What is on their record: a nomination still pending or declined is the nominator's text.
      commendations: (await store.commendations.commendationsOf(actor.personId, ALL)).filter((c) => c.status === "APPROVED" || c.status === "REVOKED"),
      jobCases: await store.personalRecords.jobCasesOf(actor.personId),
      questions,
      suggestions: await store.suggestions.namedSuggestionsOf(actor.personId, ALL),
      changes: await store.personalRecords.standingChangesOf(actor.personId),
      // Who else read or changed them, in the words 谁看过我的档案 uses; their own actions left out.
      readings: (await store.auditReading.linesAbout({ personId: actor.personId, since: null, before: null, limit: ALL, notBy: actor.personId })).map((l) => {
        const v = lineView(l, { you: true }, tz);
        return { when: v.when, who: v.who.zh, what: v.what.zh };
      }),
      names: await store.people.personNames(questions.flatMap((q) => q.messages.map((m) => m.authorId))),
    };
    const bytes = await workbookBytes(buildPersonalWorkbook(data, { generatedAt: now, timeZone: tz }));
    const file = await store.exportFiles.createExportFile({
      personId: actor.personId,
      kind: "personal-data",
      fileName: `我的数据-${actor.name}-${todayOf(ctx).replaceAll("-", "")}.xlsx`,
      bytes,
      at: now,
      expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
    });
    await ctx.audit({
      action: "person.export",
      subjectType: "Person",
      subjectId: actor.personId,
      subjectPersonId: actor.personId,
      changes: {
        file: file.id,
        requests: data.requests.length,
        talks: data.talks.length,
        peerTalks: data.peerTalks.talks.length,
        visits: data.visits.length,
        trainings: data.trainings.length + data.attended.length,
        commendations: data.commendations.length,
        jobCases: data.jobCases.length,
        questions: questions.length,
        changes: data.changes.length,
        readings: data.readings.length,
      },
    });
    ctx.reply({ file: { exportFileId: file.id } });
  },
};

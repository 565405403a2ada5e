using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision;

/// <summary>
/// Supervision in the demo, from the seeds. Haixi 2023 (seed 000): "听取审议'一府两院'专项工作报告6件，听取和审议政府计划、预算工作报告5件，
/// 开展执法检查4次（教育法、工会法、治安管理处罚法、矿产资源管理条例），专题调研7次，专题询问1次". Qinghai 2024 (seed 004): "听取审议专项工作报告17个，
/// 开展执法检查3次", ten officials appraised after appointment. The figures are counted from these records by SupervisionStatistics.
/// Today's Haixi meeting carries a report ready to be heard and an appraisal open for the members' phones.
/// Written with the meetings of MeetingDemo, replaying each record's transitions with the demo's dates (the workflows refuse past dates, rightly);
/// no state is set from here.
/// </summary>
public static class SupervisionDemo
{
    public static async Task EnsureAsync(RendaDbContext db, WorkCalendar calendar, CancellationToken ct = default)
    {
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        var qinghai = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "630000", ct);
        if (haixi is null || qinghai is null || !await db.Set<Meeting>().AnyAsync(ct) || await db.Set<WorkReport>().AnyAsync(ct)) return;
        var story = new Story(db, calendar);
        await story.HaixiAsync(haixi, ct);
        await story.QinghaiAsync(qinghai, ct);
        await story.TodayAsync(haixi, ct);
    }

    private sealed class Story(RendaDbContext db, WorkCalendar calendar)
    {
        private readonly Random _random = new(20230601);
        private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
        private DateOnly Today => WorkCalendar.Today(db.Clock);

        private async Task<Dictionary<string, int>> OrgansAsync(Congress c, CancellationToken ct)
            => await db.HandlingUnits.Where(u => u.CongressId == c.Id).ToDictionaryAsync(u => u.Name[c.ShortName.Length..], u => u.Id, ct);

        private async Task<Dictionary<string, int>> CommitteesAsync(Congress c, CancellationToken ct)
            => await db.Committees.Where(u => u.CongressId == c.Id).ToDictionaryAsync(u => u.Name, u => u.Id, ct);

        private async Task<List<Meeting>> MeetingsAsync(Congress c, int year, CancellationToken ct)
            => await db.Set<Meeting>().Include(m => m.Agenda).Where(m => m.CongressId == c.Id && m.StartsOn >= new DateOnly(year, 1, 1) && m.StartsOn <= new DateOnly(year, 12, 31))
                .OrderBy(m => m.StartsOn).ToListAsync(ct);

        /// <summary>A report heard at a past meeting, taken through the loop: opinions within the week, the handling report two months on, judged.</summary>
        private WorkReport Heard(Congress c, Meeting m, WorkReportKind kind, string title, int organ, int? committee, int? topic = null, bool closed = true)
        {
            var heard = m.EndsOn;
            var r = new WorkReport
            {
                CongressId = c.Id, Year = m.StartsOn.Year, Kind = kind, Title = title, OrganId = organ, CommitteeId = committee, TopicId = topic, MeetingId = m.Id, CreatedAt = Now,
            };
            r.Submit($"{title}\n一、基本情况\n……\n二、存在的主要问题\n……\n三、下一步工作打算\n……", m.StartsOn.AddDays(-25));
            r.Distribute(m.StartsOn.AddDays(-8));
            // The final accounts and a budget adjustment are heard by the vote that approves them.
            if (WorkReport.NeedsApproval(kind)) r.RecordApproval(true, heard);
            else r.Hear(heard);
            r.SendOpinions("一、进一步提高思想认识，压实工作责任。\n二、聚焦突出问题，健全长效机制。\n三、加强统筹协调，强化要素保障。", heard.AddDays(6));
            r.ReportHandling("收到审议意见后，我单位认真研究，逐条制定整改措施，明确责任和时限。……", heard.AddDays(70));
            if (closed) r.Judge(HandlingJudgement.Satisfactory, null, null, heard.AddDays(90));
            db.Add(r);
            return r;
        }

        /// <summary>Links the report to the meeting's agenda: the item MeetingDemo wrote for it if the titles match, otherwise a new deliberated item.</summary>
        private static void OnAgenda(Meeting m, WorkReport r)
        {
            var item = m.Agenda.FirstOrDefault(a => a.SubjectType == null && a.Kind == AgendaItemKind.WorkReport && a.Title == r.Title);
            if (item is null)
            {
                item = new AgendaItem { Kind = r.Kind == WorkReportKind.InspectionReport ? AgendaItemKind.Other : AgendaItemKind.WorkReport, Title = $"听取和审议{r.Title}", Order = m.Agenda.Count + 1 };
                if (m.Status == MeetingStatus.Closed) item.RecordOutcome(AgendaOutcome.Deliberated, "听取和审议，形成审议意见");
                m.Agenda.Add(item);
            }
            item.SubjectType = WorkReport.Subject;
            item.SubjectId = r.Id;
        }

        private async Task<List<(int PersonId, string Name)>> SeatedAsync(Congress c, DateOnly day, CancellationToken ct)
            => (await Members.SeatedOnAsync(db, c.Id, day, ct)).Select(m => (m.PersonId, m.Name)).ToList();

        private async Task<List<(int Id, string Name)>> DeputiesAsync(Congress c, int skip, int take, CancellationToken ct)
            => (await db.Deputies.Where(d => d.CongressId == c.Id && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Skip(skip).Take(take)
                .Select(d => new { d.Id, d.Person!.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();

        private async Task<LawEnforcementInspection> InspectionAsync(Congress c, string law, DateOnly starts, string places, string findings, int? topic, int deputySkip, CancellationToken ct,
            bool questionnaire = true, bool spotCheck = true, bool thirdParty = false)
        {
            var seated = await SeatedAsync(c, starts, ct);
            var i = new LawEnforcementInspection
            {
                CongressId = c.Id, Year = starts.Year, Law = law, Title = $"{law}执法检查", StartsOn = starts, EndsOn = starts.AddDays(9), Places = places, TopicId = topic,
                UsesQuestionnaire = questionnaire, UsesSpotCheck = spotCheck, UsesThirdPartyAssessment = thirdParty, CreatedAt = Now,
            };
            i.RecordFindings(findings);
            i.Team.Add(new InspectionTeamMember { Role = TeamRole.Leader, PersonId = seated[1].PersonId, Name = seated[1].Name });
            foreach (var (personId, name) in seated.Skip(4 + deputySkip % 5).Take(3))
                i.Team.Add(new InspectionTeamMember { Role = TeamRole.Member, PersonId = personId, Name = name });
            foreach (var (id, name) in await DeputiesAsync(c, 10 + deputySkip * 3, 3, ct))
                i.Team.Add(new InspectionTeamMember { Role = TeamRole.Deputy, DeputyId = id, Name = name });
            db.Add(i);
            return i;
        }

        public async Task HaixiAsync(Congress haixi, CancellationToken ct)
        {
            var organs = await OrgansAsync(haixi, ct);
            var committees = await CommitteesAsync(haixi, ct);
            var m = await MeetingsAsync(haixi, 2023, ct);
            if (m.Count < 6) return;
            int Gov = organs["人民政府"], Court = organs["中级人民法院"], Proc = organs["人民检察院"];
            int Fin = committees["财政经济委员会"], Edu = committees["教育科学文化卫生委员会"], Law = committees["法制委员会"], Env = committees["农牧环资工作委员会"], Budget = committees["预算工作委员会"];

            // The plan of the year, published in January, with its topics; the records below are made from them.
            var plan = new SupervisionPlan { CongressId = haixi.Id, Year = 2023, Title = "海西州人大常委会2023年度监督工作计划" };
            var suggestion = await db.Set<Suggestions.Suggestion>().Where(s => s.CongressId == haixi.Id && s.Title.Contains("教育")).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                ?? await db.Set<Suggestions.Suggestion>().Where(s => s.CongressId == haixi.Id).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            PlanTopic T(string title, SupervisionKind kind, TopicSource source, int month, int? committee, int? organ = null, string? note = null, int? suggestionId = null)
            {
                var t = new PlanTopic { Title = title, Kind = kind, Source = source, PlannedMonth = month, CommitteeId = committee, OrganId = organ, SourceNote = note, SuggestionId = suggestionId };
                plan.Topics.Add(t);
                return t;
            }
            var tEnv = T("听取和审议州人民政府关于2022年度环境状况和环境目标完成情况的报告", SupervisionKind.WorkReport, TopicSource.CommitteeDecision, 2, Env, Gov, "环境保护法第二十七条");
            var tCourt = T("听取和审议州中级人民法院关于全州各级人民法院信息化建设情况的报告", SupervisionKind.WorkReport, TopicSource.PublicConcern, 4, Law, Court);
            var tProc = T("听取和审议州人民检察院关于全州检察机关公益诉讼工作情况的报告", SupervisionKind.WorkReport, TopicSource.CommitteeDecision, 6, Law, Proc);
            var tFire = T("听取和审议州人民政府关于全州消防安全工作情况的报告", SupervisionKind.WorkReport, TopicSource.Petitions, 8, Law, Gov, "群众来信反映老旧小区消防通道堵塞");
            var tEdu = T("听取和审议州人民政府关于全州教育质量提升工作情况的报告", SupervisionKind.WorkReport, TopicSource.DeputySuggestions, 10, Edu, Gov, "州十五届人大二次会议期间代表集中提出教育质量方面的建议", suggestion);
            var tWomen = T("听取和审议州人民政府关于妇女儿童权益保障工作情况的报告", SupervisionKind.WorkReport, TopicSource.InspectionFindings, 12, Law, Gov, "2022年妇女权益保障法执法检查发现的问题");
            var tAccounts = T("审查和批准2022年州本级财政决算", SupervisionKind.FinanceReport, TopicSource.CommitteeDecision, 6, Budget, Gov, "预算法第七十八条");
            var tAssets = T("听取和审议2022年度国有资产管理情况的综合报告", SupervisionKind.FinanceReport, TopicSource.CommitteeDecision, 10, Fin, Gov, "监督法第二十四条");
            var tLawEdu = T("检查《中华人民共和国教育法》实施情况", SupervisionKind.Inspection, TopicSource.DeputySuggestions, 4, Edu, null, "代表建议集中反映", suggestion);
            var tUnion = T("检查《中华人民共和国工会法》实施情况", SupervisionKind.Inspection, TopicSource.CommitteeDecision, 6, Law);
            var tMinerals = T("检查《海西州矿产资源管理条例》贯彻实施情况", SupervisionKind.Inspection, TopicSource.PublicConcern, 7, Env);
            var tSecurity = T("检查《中华人民共和国治安管理处罚法》实施情况", SupervisionKind.Inspection, TopicSource.PartyCommittee, 9, Law);
            var tAstro = T("州内天文科技产业发展情况专题调研", SupervisionKind.Survey, TopicSource.PartyCommittee, 5, Fin);
            var tInquiry = T("围绕教育质量提升工作开展专题询问", SupervisionKind.Inquiry, TopicSource.DeputySuggestions, 10, Edu, Gov, null, suggestion);
            plan.Publish(new DateOnly(2023, 1, 18));
            db.Add(plan);
            await db.SaveChangesAsync(ct);

            // Six special reports (专项工作报告) of the government, court and procuratorate, one at each meeting.
            var special = new (string Title, int Organ, int Committee, PlanTopic Topic)[]
            {
                ("州人民政府关于2022年度环境状况和环境目标完成情况的报告", Gov, Env, tEnv), ("州中级人民法院关于全州各级人民法院信息化建设情况的报告", Court, Law, tCourt),
                ("州人民检察院关于全州检察机关公益诉讼工作情况的报告", Proc, Law, tProc), ("州人民政府关于全州消防安全工作情况的报告", Gov, Law, tFire),
                ("州人民政府关于全州教育质量提升工作情况的报告", Gov, Edu, tEdu), ("州人民政府关于全州妇女儿童权益保障工作情况的报告", Gov, Law, tWomen),
            };
            var reports = new List<(Meeting, WorkReport)>();
            for (var k = 0; k < special.Length; k++)
                reports.Add((m[k], Heard(haixi, m[k], WorkReportKind.Special, special[k].Title, special[k].Organ, special[k].Committee, special[k].Topic.Id, closed: k != 3)));
            // Five plan and budget reports (计划、预算工作报告).
            var finance = new (int Meeting, WorkReportKind Kind, string Title, PlanTopic? Topic)[]
            {
                (2, WorkReportKind.FinalAccounts, "州人民政府关于2022年州本级财政决算的报告", tAccounts),
                (3, WorkReportKind.PlanExecution, "州人民政府关于2023年上半年国民经济和社会发展计划执行情况的报告", null),
                (3, WorkReportKind.BudgetExecution, "州人民政府关于2023年上半年州本级预算执行情况的报告", null),
                (4, WorkReportKind.BudgetAdjustment, "州人民政府关于2023年州本级预算调整方案的报告", null),
                (4, WorkReportKind.StateAssets, "州人民政府关于2022年度国有资产管理情况的综合报告", tAssets),
            };
            foreach (var (mi, kind, title, topic) in finance)
                reports.Add((m[mi], Heard(haixi, m[mi], kind, title, Gov, kind == WorkReportKind.StateAssets ? Fin : Budget, topic?.Id)));

            // Four law-enforcement inspections, their reports heard (they follow the same loop, counted as inspections).
            var inspections = new[]
            {
                await InspectionAsync(haixi, "《中华人民共和国教育法》", new DateOnly(2023, 4, 10), "德令哈市、格尔木市、都兰县、乌兰县", "学前教育普惠资源不足；农牧区学校师资结构性短缺；职业教育产教融合不够深入。", tLawEdu.Id, 0, ct, thirdParty: true),
                await InspectionAsync(haixi, "《中华人民共和国工会法》", new DateOnly(2023, 6, 5), "格尔木市、茫崖市、天峻县", "新就业形态劳动者入会率偏低；基层工会经费保障不足。", tUnion.Id, 1, ct),
                await InspectionAsync(haixi, "《海西州矿产资源管理条例》", new DateOnly(2023, 7, 12), "格尔木市、茫崖市、大柴旦行委", "矿山地质环境恢复治理进度滞后；部分矿区越界开采问题仍有发生。", tMinerals.Id, 2, ct, thirdParty: true),
                await InspectionAsync(haixi, "《中华人民共和国治安管理处罚法》", new DateOnly(2023, 9, 4), "德令哈市、格尔木市、都兰县", "基层派出所警力不足；部分案件处罚裁量标准不统一。", tSecurity.Id, 3, ct, questionnaire: false),
            };
            await db.SaveChangesAsync(ct);
            // The joint part of Golmud in the education inspection (联动): Golmud's congress sees its part.
            var golmud = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632801", ct);
            if (golmud is not null)
            {
                var part = new LawEnforcementInspection
                {
                    CongressId = golmud.Id, Year = 2023, ParentId = inspections[0].Id, Law = inspections[0].Law, Title = $"{inspections[0].Title}（格尔木市联动检查）",
                    StartsOn = inspections[0].StartsOn, EndsOn = inspections[0].EndsOn, Places = "格尔木市", CreatedAt = Now,
                };
                part.RecordFindings("城区学位紧张，农牧区寄宿制学校生活设施老化。");
                db.Add(part);
            }
            int[] inspectionMeeting = [2, 3, 4, 5];
            for (var k = 0; k < inspections.Length; k++)
            {
                var i = inspections[k];
                var r = Heard(haixi, m[inspectionMeeting[k]], WorkReportKind.InspectionReport, $"海西州人大常委会执法检查组关于检查{i.Law}实施情况的报告", Gov, null, i.TopicId);
                r.InspectionId = i.Id;
                reports.Add((m[inspectionMeeting[k]], r));
                foreach (var d in i.Team.Where(t => t.DeputyId is not null))
                    db.Add(new DutyRecord { DeputyId = d.DeputyId!.Value, On = i.StartsOn, Kind = "参加执法检查", Title = i.Title, SourceType = LawEnforcementInspection.Subject, SourceId = i.Id });
            }
            await db.SaveChangesAsync(ct);
            for (var k = 0; k < inspections.Length; k++) inspections[k].Reported(reports[^(inspections.Length - k)].Item2.Id);
            foreach (var (meeting, r) in reports) OnAgenda(meeting, r);

            // Seven special surveys; five inspections by deputies of four levels (代表视察, counted apart).
            var surveys = new (string Topic, DateOnly On, string Places, PlanTopic? Plan)[]
            {
                ("州内天文科技产业发展情况专题调研", new(2023, 5, 15), "冷湖镇赛什腾山天文观测基地", tAstro),
                ("跨省区旅游节点资源管理情况调研", new(2023, 6, 19), "茶卡盐湖、敦煌、张掖", null),
                ("全州消防安全工作专题调研", new(2023, 7, 3), "德令哈市、格尔木市", null),
                ("全州妇女儿童权益保障工作专题调研", new(2023, 8, 14), "德令哈市、乌兰县、天峻县", null),
                ("全州教育质量提升工作专题调研", new(2023, 9, 11), "格尔木市、都兰县", null),
                ("全州检察机关公益诉讼工作专题调研", new(2023, 5, 22), "格尔木市、茫崖市", null),
                ("国土空间总体规划编制情况专题调研", new(2023, 3, 20), "德令哈市、格尔木市", null),
            };
            var n = 0;
            foreach (var (topic, on, places, t) in surveys)
                await SurveyAsync(haixi, SurveyKind.Survey, topic, on, places, t?.Id, n++, ct);
            foreach (var (topic, on) in new[] { ("世界级盐湖产业基地建设情况集中视察", new DateOnly(2023, 8, 21)), ("天文观测基地建设情况集中视察", new DateOnly(2023, 8, 22)),
                         ("非物质文化遗产传承情况集中视察", new DateOnly(2023, 9, 18)), ("德令哈市“海西里”生态旅游街区开发建设情况集中视察", new DateOnly(2023, 9, 19)), ("教育质量提升情况集中视察", new DateOnly(2023, 10, 16)) })
                await SurveyAsync(haixi, SurveyKind.DeputyInspection, topic, on, "海西州", null, n++, ct);

            // One special inquiry, on the education report at the October meeting.
            var inquiry = new SpecialInquiry
            {
                CongressId = haixi.Id, Year = 2023, Title = "关于全州教育质量提升工作情况的专题询问", MeetingId = m[4].Id, WorkReportId = reports[4].Item2.Id, TopicId = tInquiry.Id, HeldOn = m[4].EndsOn, CreatedAt = Now,
            };
            var members = await SeatedAsync(haixi, m[4].StartsOn, ct);
            inquiry.Questions.Add(new InquiryQuestion { Asker = members[5].Name, AddressedOrgan = "海西州教育局", Question = "农牧区学校音体美教师短缺问题如何解决？", AnsweredBy = "州教育局局长", Answer = "通过特岗计划、县管校聘和走教制度补充，三年内配齐。", Commitment = "2024年秋季学期前补充音体美教师60名", CommitmentDoneOn = new DateOnly(2024, 9, 1) });
            inquiry.Questions.Add(new InquiryQuestion { Asker = members[7].Name, AddressedOrgan = "海西州财政局", Question = "学前教育生均经费如何保障？", AnsweredBy = "州财政局局长", Answer = "已将学前教育生均公用经费纳入预算，逐年提高标准。", Commitment = "2024年起生均公用经费提高到每年800元" });
            inquiry.Questions.Add(new InquiryQuestion { Asker = members[9].Name, AddressedOrgan = "海西州人民政府", Question = "职业教育如何与盐湖产业需求对接？", AnsweredBy = "州人民政府副州长", Answer = "推动州职业技术学校与盐湖企业共建实训基地，开设订单班。" });
            // A deputy invited to the meeting asks too (列席代表参加专题询问): the demo deputy, so the phone archive shows it.
            var invited = await db.Deputies.Where(d => d.CongressId == haixi.Id && d.Status == DeputyStatus.Serving
                    && db.Accounts.Any(a => a.UserName == "daibiao" && a.PersonId == d.PersonId))
                .Select(d => new { d.Id, d.Person!.Name }).FirstOrDefaultAsync(ct);
            if (invited is not null)
                inquiry.Questions.Add(new InquiryQuestion { Asker = invited.Name, AskerDeputyId = invited.Id, AddressedOrgan = "海西州教育局", Question = "牧区寄宿制学校冬季取暖经费能否足额保障？", AnsweredBy = "州教育局局长", Answer = "已纳入州级财政预算，按实际供暖期足额拨付。" });
            // Member askers who hold a deputy's mandate of the congress are linked to it (by person), so the question is in their archive.
            var askers = new[] { members[5], members[7], members[9] };
            var personIds = askers.Select(a => a.PersonId).ToList();
            var mandates = await db.Deputies.Where(d => d.CongressId == haixi.Id && d.Status == DeputyStatus.Serving && personIds.Contains(d.PersonId))
                .Select(d => new { d.Id, d.PersonId }).ToListAsync(ct);
            for (var k = 0; k < askers.Length; k++)
                inquiry.Questions[k].AskerDeputyId = mandates.FirstOrDefault(d => d.PersonId == askers[k].PersonId)?.Id;
            db.Add(inquiry);
            await db.SaveChangesAsync(ct);
            await InquiryWorkflow.FollowInArchiveAsync(db, inquiry, ct);
            await db.SaveChangesAsync(ct);
        }

        private async Task SurveyAsync(Congress c, SurveyKind kind, string topic, DateOnly on, string places, int? planTopic, int n, CancellationToken ct)
        {
            var deputies = await DeputiesAsync(c, 30 + n * 2, kind == SurveyKind.DeputyInspection ? 4 : 2, ct);
            var s = new Survey
            {
                CongressId = c.Id, Year = on.Year, Kind = kind, Topic = topic, StartsOn = on, EndsOn = on.AddDays(kind == SurveyKind.DeputyInspection ? 0 : 3), Places = places, TopicId = planTopic,
                Participants = kind == SurveyKind.DeputyInspection ? "省州县乡四级人大代表" : "常委会分管副主任、有关专门委员会和工作委员会、部分州人大代表",
                Findings = "发展基础较好，但要素保障、人才支撑和体制机制方面仍有短板。", Report = $"关于{topic.Replace("专题调研", "", StringComparison.Ordinal)}的调研报告：……",
                CreatedAt = Now, Deputies = deputies.Select(d => new SurveyDeputy { DeputyId = d.Id }).ToList(),
            };
            db.Add(s);
            await db.SaveChangesAsync(ct);
            foreach (var d in deputies)
                db.Add(new DutyRecord { DeputyId = d.Id, On = on, Kind = kind == SurveyKind.DeputyInspection ? "参加代表视察" : "参加专题调研", Title = topic, SourceType = Survey.Subject, SourceId = s.Id });
        }

        public async Task QinghaiAsync(Congress qinghai, CancellationToken ct)
        {
            var organs = await OrgansAsync(qinghai, ct);
            var committees = await CommitteesAsync(qinghai, ct);
            var m = await MeetingsAsync(qinghai, 2024, ct);
            if (m.Count < 6) return;
            int Gov = organs["人民政府"], Court = organs["高级人民法院"], Proc = organs["人民检察院"], Sup = organs["监察委员会"];
            // Seventeen special reports of 一府一委两院 over the year's six meetings.
            var special = new (int Meeting, string Title, int Organ, string Committee)[]
            {
                (0, "省人民政府关于2023年度环境状况和环境保护目标完成情况的报告", Gov, "农牧环资工作委员会"), (0, "省人民政府关于全省乡村振兴工作情况的报告", Gov, "农牧环资工作委员会"),
                (0, "省人民政府关于全省医疗保障工作情况的报告", Gov, "教育科学文化卫生委员会"),
                (1, "省人民政府关于全省生态环境保护督察整改工作情况的报告", Gov, "农牧环资工作委员会"), (1, "省监察委员会关于整治群众身边不正之风和腐败问题工作情况的报告", Sup, "法制委员会"),
                (1, "省人民政府关于全省文化和旅游产业发展情况的报告", Gov, "教育科学文化卫生委员会"),
                (2, "省人民政府关于“十四五”规划纲要实施中期评估情况的报告", Gov, "财政经济委员会"), (2, "省人民政府关于全省盐湖产业高质量发展情况的报告", Gov, "财政经济委员会"),
                (2, "省人民政府关于全省民族团结进步示范省建设情况的报告", Gov, "民族宗教华侨外事委员会"),
                (3, "省高级人民法院关于环境资源审判工作情况的报告", Court, "法制委员会"), (3, "省人民政府关于全省清洁能源产业发展情况的报告", Gov, "财政经济委员会"),
                (3, "省人民政府关于全省教育强省建设情况的报告", Gov, "教育科学文化卫生委员会"),
                (4, "省人民检察院关于公益诉讼检察工作情况的报告", Proc, "法制委员会"), (4, "省人民政府关于全省安全生产工作情况的报告", Gov, "法制委员会"),
                (4, "省人民政府关于全省养老服务体系建设情况的报告", Gov, "教育科学文化卫生委员会"),
                (5, "省人民政府关于代表建议、批评和意见办理情况的报告", Gov, "代表人事选举任免工作委员会"), (5, "省人民政府关于全省数字经济和绿色算力产业发展情况的报告", Gov, "财政经济委员会"),
            };
            var reports = new List<(Meeting, WorkReport)>();
            foreach (var (mi, title, organ, committee) in special)
                reports.Add((m[mi], Heard(qinghai, m[mi], WorkReportKind.Special, title, organ, committees[committee])));
            foreach (var (mi, kind, title) in new[] { (0, WorkReportKind.StateAssets, "省人民政府关于2023年度国有资产管理情况的综合报告"), (2, WorkReportKind.PlanExecution, "省人民政府关于2024年上半年国民经济和社会发展计划执行情况的报告"), (2, WorkReportKind.FinalAccounts, "省人民政府关于2023年省级决算的报告") })
                reports.Add((m[mi], Heard(qinghai, m[mi], kind, title, Gov, committees["预算工作委员会"])));

            var inspections = new[]
            {
                await InspectionAsync(qinghai, "《中华人民共和国安全生产法》和《青海省安全生产条例》", new DateOnly(2024, 5, 13), "西宁市、海西州、海东市", "企业主体责任落实不到位；基层安全监管力量薄弱；邀请国家部委专家和专业领域代表委员协同检查。", null, 0, ct, thirdParty: true),
                await InspectionAsync(qinghai, "《中华人民共和国黄河保护法》", new DateOnly(2024, 7, 8), "海南州、黄南州、果洛州", "水土流失综合治理任务重；生态补偿机制有待完善。", null, 1, ct),
                await InspectionAsync(qinghai, "《青海省农作物种子条例》", new DateOnly(2024, 9, 9), "海东市、海北州", "种质资源保护基础薄弱；种子市场监管有待加强。", null, 2, ct, thirdParty: false),
            };
            await db.SaveChangesAsync(ct);
            int[] at = [1, 3, 4];
            for (var k = 0; k < inspections.Length; k++)
            {
                var r = Heard(qinghai, m[at[k]], WorkReportKind.InspectionReport, $"青海省人大常委会执法检查组关于检查{inspections[k].Law}实施情况的报告", Gov, committees["法制委员会"]);
                r.InspectionId = inspections[k].Id;
                reports.Add((m[at[k]], r));
                foreach (var d in inspections[k].Team.Where(t => t.DeputyId is not null))
                    db.Add(new DutyRecord { DeputyId = d.DeputyId!.Value, On = inspections[k].StartsOn, Kind = "参加执法检查", Title = inspections[k].Title, SourceType = LawEnforcementInspection.Subject, SourceId = inspections[k].Id });
            }
            await db.SaveChangesAsync(ct);
            for (var k = 0; k < inspections.Length; k++) inspections[k].Reported(reports[^(inspections.Length - k)].Item2.Id);
            foreach (var (meeting, r) in reports) OnAgenda(meeting, r);

            // 任后监督 for the first time: ten officials the standing committee appointed report (oral and written) at the December meeting; members appraise.
            var december = m[5];
            var officials = await db.Set<Appointment>().Where(a => a.CongressId == qinghai.Id && a.Status == AppointmentStatus.Approved && a.Kind == AppointmentKind.Appointment && a.DecidedOn < december.StartsOn)
                .OrderBy(a => a.DecidedOn).ThenBy(a => a.Id).Take(10).ToListAsync(ct);
            var present = december.Attendance.Count > 0 ? december.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.PersonId).ToList()
                : (await SeatedAsync(qinghai, december.StartsOn, ct)).Select(s => s.PersonId).ToList();
            if (present.Count == 0)
                present = await db.Set<MeetingAttendance>().Where(a => a.MeetingId == december.Id && a.Status == AttendanceStatus.Present).Select(a => a.PersonId).ToListAsync(ct);
            var choices = SupervisionSettings.DefaultAppraisalChoices.Split('|');
            for (var k = 0; k < officials.Count; k++)
            {
                var a = officials[k];
                var review = new PostAppointmentReview
                {
                    CongressId = qinghai.Id, Year = 2024, AppointmentId = a.Id, OfficialName = a.PersonName, Post = a.Post, MeetingId = december.Id, WrittenReport = k >= 4,
                    PerformanceReport = $"{a.PersonName}同志关于任职以来履职情况的报告：一、坚持学习……二、依法履职……三、存在不足和努力方向……", CreatedAt = Now,
                };
                review.Open(choices, december.StartsOn);
                db.Add(review);
                await db.SaveChangesAsync(ct);
                var chosen = new List<string>();
                foreach (var p in present)
                {
                    db.Add(new AppraisalReceipt { ReviewId = review.Id, PersonId = p, At = december.StartsOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) });
                    var roll = _random.Next(100);
                    chosen.Add(choices[roll < 86 ? 0 : roll < 98 ? 1 : 2]);
                    db.Add(new AppraisalPaper { Id = Guid.NewGuid(), ReviewId = review.Id, Choice = chosen[^1] });
                }
                review.Close(AppraisalWorkflow.Digest(review.Id, present, chosen));
            }
            await db.SaveChangesAsync(ct);
        }

        /// <summary>Haixi today: a report on today's agenda ready to be heard (the loop of the browser test), one on the next meeting with its lead-time clocks, an appraisal open.</summary>
        public async Task TodayAsync(Congress haixi, CancellationToken ct)
        {
            var organs = await OrgansAsync(haixi, ct);
            var committees = await CommitteesAsync(haixi, ct);
            var current = await db.Set<Meeting>().Include(x => x.Agenda).Where(x => x.CongressId == haixi.Id && x.Status == MeetingStatus.InSession).FirstOrDefaultAsync(ct);
            var next = await db.Set<Meeting>().Include(x => x.Agenda).Where(x => x.CongressId == haixi.Id && x.Status == MeetingStatus.Scheduled).OrderBy(x => x.StartsOn).FirstOrDefaultAsync(ct);
            if (current is null) return;
            var edu = new WorkReport
            {
                CongressId = haixi.Id, Year = current.StartsOn.Year, Kind = WorkReportKind.Special, Title = "州教育局关于全州义务教育优质均衡发展工作情况的报告", OrganId = organs["教育局"],
                CommitteeId = committees["教育科学文化卫生委员会"], MeetingId = current.Id, CreatedAt = Now,
            };
            edu.Submit("一、工作进展\n全州义务教育阶段学校办学条件持续改善……\n二、存在的问题\n城乡师资配置不均衡……\n三、下一步打算\n……", current.StartsOn.AddDays(-22));
            edu.Distribute(current.StartsOn.AddDays(-8));
            db.Add(edu);
            await db.SaveChangesAsync(ct);
            OnAgenda(current, edu);
            if (next is not null)
            {
                var budget = new WorkReport
                {
                    CongressId = haixi.Id, Year = next.StartsOn.Year, Kind = WorkReportKind.BudgetExecution, Title = $"州人民政府关于{next.StartsOn.Year}年州本级预算执行情况的报告", OrganId = organs["人民政府"],
                    CommitteeId = committees["预算工作委员会"], MeetingId = next.Id, CreatedAt = Now,
                };
                db.Add(budget);
                await db.SaveChangesAsync(ct);
                OnAgenda(next, budget);
                // The lead-time clocks of the default settings, as the demo's history started them: thirty days before each stage's day.
                var defaults = new SupervisionSettings();
                foreach (var stage in SupervisionClocks.LeadStages(defaults))
                {
                    var clock = SupervisionClocks.Lead(defaults, stage, budget.Title) with
                    {
                        Rule = $"专项工作报告应当在常委会会议举行{stage.Days}日前{stage.What}", Unit = PeriodUnit.CalendarDays, Amount = 30,
                    };
                    SupervisionClocks.Start(db, calendar, budget, clock, next.StartsOn.AddDays(-stage.Days - 30), SupervisionClocks.LeadOwner(stage, budget));
                }
            }
            // An appraisal open today: an official the committee appointed in 2023 reports; the members appraise on their phones.
            var official = await db.Set<Appointment>().Where(a => a.CongressId == haixi.Id && a.Status == AppointmentStatus.Approved && a.Kind == AppointmentKind.Appointment && a.DecidedOn < new DateOnly(2024, 1, 1))
                .OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
            if (official is not null)
            {
                var review = new PostAppointmentReview
                {
                    CongressId = haixi.Id, Year = current.StartsOn.Year, AppointmentId = official.Id, OfficialName = official.PersonName, Post = official.Post, MeetingId = current.Id,
                    PerformanceReport = $"{official.PersonName}同志关于任职以来履职情况的报告：一、加强学习，提高政治素质……二、依法履职，推动工作落实……三、存在的不足……", CreatedAt = Now,
                };
                review.Open(SupervisionSettings.DefaultAppraisalChoices.Split('|'), current.StartsOn);
                db.Add(review);
            }
            // An interpellation answered this week: the demo member is among the proposers and still to say whether satisfied.
            var member = await db.StandingCommitteeMembers.Where(m => m.CongressId == haixi.Id && m.Post == StandingCommitteePost.Member && m.LeftOn == null).OrderBy(m => m.Id).Select(m => m.PersonId).FirstOrDefaultAsync(ct);
            var seated = await SeatedAsync(haixi, current.StartsOn, ct);
            var proposers = seated.Where(x => x.PersonId == member).Concat(seated.Where(x => x.PersonId != member).Skip(3).Take(4)).ToList();
            if (proposers.Count == 5)
            {
                var interpellation = new Interpellation
                {
                    CongressId = haixi.Id, Year = current.StartsOn.Year, MeetingId = current.Id, OrganId = organs["生态环境局"], FiledOn = current.StartsOn.AddDays(-6),
                    Title = "关于州生态环境局对柴达木循环经济试验区企业超标排放问题查处不力的质询案",
                    Questions = "一、群众多次反映的企业超标排放问题，为何长期未能查处到位？\n二、在线监测数据异常为何未及时预警？\n三、下一步如何落实整改？",
                    CreatedAt = Now, Proposers = proposers.Select(x => new InterpellationProposer { PersonId = x.PersonId, Name = x.Name }).ToList(),
                };
                interpellation.AnswerWith("已对涉事企业立案处罚并责令限期整改，同时对在线监测设备开展专项检查。", "州生态环境局局长", current.StartsOn);
                // Two proposers have said they are satisfied; the demo member is still to say.
                foreach (var p in proposers.Skip(1).Take(2)) interpellation.Rate(p.PersonId, true);
                db.Add(interpellation);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}

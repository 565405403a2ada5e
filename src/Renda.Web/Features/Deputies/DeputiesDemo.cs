using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// The demo story of deputies' work: Haixi's stations (a 代表之家 among them) built in 2023 with ¥3,590,000 of 浙江援青项目资金 for
/// "三室一站一平台"; the 2023 receptions (a 主任接待日 among them) with an opinion in every outcome; and the current year with a
/// reception in progress, an overdue referral, an opinion turned into the demo deputy's draft suggestion and a reception ahead.
/// Every step replays the entities' transitions with the story's dates.
/// </summary>
public static class DeputiesDemo
{
    public const string HomeName = "海西州人大代表之家";
    public const string Programme = "三室一站一平台";
    public const string AidSource = "浙江援青项目资金";
    public const string EducationBureau = "海西州教育局";

    public static async Task EnsureAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        // Delegations and groups named on the demo roster become entities (the roster import does the same).
        foreach (var congressId in await db.Congresses.AsNoTracking().Select(c => c.Id).ToListAsync(ct))
            await DeputyBodies.LinkAsync(db, congressId, ct);
        var haixi = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == "632800", ct);
        if (haixi is null || await db.Set<LiaisonStation>().AnyAsync(s => s.CongressId == haixi.Id, ct)) return;

        var deputies = await db.Deputies.AsNoTracking().Where(d => d.CongressId == haixi.Id && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Take(6)
            .Select(d => new { d.Id, d.PersonId }).ToListAsync(ct) is var rows ? rows.Select(d => (d.Id, d.PersonId)).ToList() : [];
        var golmud = await db.Congresses.AsNoTracking().FirstAsync(c => c.Code == "632801", ct);
        var township = await db.Congresses.AsNoTracking().FirstAsync(c => c.Code == "632801100", ct);
        var golmudDeputy = await db.Deputies.AsNoTracking().Where(d => d.CongressId == golmud.Id && d.PersonId == deputies[0].PersonId).Select(d => d.Id).FirstAsync(ct);
        var townshipDeputy = await db.Deputies.AsNoTracking().Where(d => d.CongressId == township.Id).OrderBy(d => d.Id).Select(d => new { d.Id, d.PersonId }).FirstAsync(ct);
        var chair = await db.StandingCommitteeMembers.AsNoTracking().Where(m => m.CongressId == haixi.Id && m.Post == StandingCommitteePost.Chair).Select(m => m.PersonId).FirstAsync(ct);
        var unit = await db.HandlingUnits.AsNoTracking().FirstAsync(u => u.CongressId == haixi.Id && u.Name == EducationBureau, ct);
        var settings = await Settings.ForAsync<DeputySettings>(db, haixi.Id, ct);

        // --- stations, 四级代表进站, funding (2023: ¥3,590,000 of 浙江援青项目资金 for 三室一站一平台) ---
        LiaisonStation Station(string name, StationKind kind, string address, string town, params int[] deputyIds) => new()
        {
            CongressId = haixi.Id, Name = name, Kind = kind, Address = address, Township = town, OpenedOn = new DateOnly(2023, 9, 28),
            OpeningHours = "工作日 9:00—12:00、14:30—17:30", ReceptionSchedule = "每月第一个星期五上午为代表接待日；每季度一次主任接待日",
            Facilities = "代表工作室、接待室、会议室，互联网+履职平台终端",
            Deputies = deputyIds.Select(d => new StationDeputy { DeputyId = d, AssignedOn = new DateOnly(2023, 9, 28) }).ToList(),
        };
        var home = Station(HomeName, StationKind.Home, "德令哈市柴达木东路 18 号", "德令哈市河西街道", deputies[0].Id, deputies[1].Id, deputies[2].Id);
        var guolemude = Station("格尔木市郭勒木德镇人大代表联络站", StationKind.Station, "格尔木市郭勒木德镇政府院内", "郭勒木德镇", deputies[3].Id, golmudDeputy, townshipDeputy.Id);
        var hedong = Station("德令哈市河东街道人大代表联络站", StationKind.Station, "德令哈市河东街道长江路 6 号", "德令哈市河东街道", deputies[4].Id);
        var chaka = Station("乌兰县茶卡镇人大代表联络站", StationKind.Station, "乌兰县茶卡镇盐湖路 2 号", "茶卡镇", deputies[5].Id);
        db.AddRange(home, guolemude, hedong, chaka);
        await db.SaveChangesAsync(ct);
        StationFunding Aid(LiaisonStation? s, decimal amount, string purpose) => new()
        {
            CongressId = haixi.Id, StationId = s?.Id, Programme = Programme, Source = AidSource, Amount = amount, Purpose = purpose, Year = 2023,
        };
        db.AddRange(
            Aid(home, 1_200_000m, "海西州人大代表之家新建：代表工作室、接待室、会议室“三室”"),
            Aid(guolemude, 800_000m, "郭勒木德镇代表联络站升级改造"),
            Aid(hedong, 650_000m, "河东街道代表联络站升级改造"),
            Aid(chaka, 540_000m, "茶卡镇代表联络站升级改造"),
            Aid(null, 400_000m, "“互联网+履职”代表履职服务平台"),
            new StationFunding { CongressId = haixi.Id, StationId = home.Id, Source = "州级财政", Amount = 120_000m, Purpose = "代表之家运行经费", Year = 2026 });
        await db.SaveChangesAsync(ct);

        // --- 2023: a 代表接待日 and a 主任接待日, an opinion in every outcome ---
        var r1 = Held(db, home, ReceptionKind.Deputies, new DateOnly(2023, 10, 13), "上午 9:00—11:30", "城乡环境清洁行动", [Deputy(deputies[0]), Deputy(deputies[1])]);
        var answered2023 = await db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == haixi.Id && s.Year == 2023 && s.FirstAnsweredOn != null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.LeadDeputyId, s.FirstAnsweredOn }).FirstOrDefaultAsync(ct);
        var leadPerson = answered2023 is null ? null : await db.Deputies.AsNoTracking().Where(d => d.Id == answered2023.LeadDeputyId).Select(d => (int?)d.PersonId).FirstAsync(ct);
        var r2Attendees = new List<ReceptionAttendee> { new() { PersonId = chair }, Deputy(deputies[3]) };
        if (answered2023 is not null && r2Attendees.All(a => a.PersonId != leadPerson)) r2Attendees.Add(new ReceptionAttendee { PersonId = leadPerson!.Value, DeputyId = answered2023.LeadDeputyId });
        var r2 = Held(db, guolemude, ReceptionKind.Chairpersons, new DateOnly(2023, 11, 3), "上午 9:30—12:00", "六大行动——主任接待日", r2Attendees);
        await db.SaveChangesAsync(ct);
        WriteDuty(db, r1, home.Name);
        WriteDuty(db, r2, guolemude.Name);

        var spot = Opinion(r1, "马秀兰", "13997101234", "城乡建设", "小区门口垃圾转运点夏季异味大，希望增加清运频次。", new DateOnly(2023, 10, 13));
        var local = Opinion(r1, "才让扎西", "13997105678", "城乡建设", "河西街道老旧小区路灯损坏多处，夜间出行不便。", new DateOnly(2023, 10, 13));
        var referred = Opinion(r1, "李国华", "13997109012", "教育", "希望增加城区幼儿园学位，解决入园难问题。", new DateOnly(2023, 10, 13));
        var suggested = Opinion(r2, "索南卓玛", "13997203456", "经济发展", "盐湖产业园区用工多，希望加强本地技能培训和就业对接。", new DateOnly(2023, 11, 3));
        var unhappy = Opinion(r2, "王建国", "13997207890", "教育", "郭勒木德镇中心学校校车线路不覆盖远处村社，学生上学远。", new DateOnly(2023, 11, 3));
        db.AddRange(spot, local, referred, suggested, unhappy);
        await db.SaveChangesAsync(ct);
        spot.AnswerOnTheSpot(new DateOnly(2023, 10, 13), "已当场联系州住建局，转运点清运调整为每日两次。");
        local.HandToTownship(new DateOnly(2023, 10, 13), "德令哈市河西街道办事处");
        local.RecordTownshipResult(new DateOnly(2023, 10, 27), "街道已完成 23 盏路灯维修。");
        Refer(db, seed.Calendar, settings, referred, unit.Id, new DateOnly(2023, 10, 16), new DateOnly(2023, 10, 30), "州教育局已将新增 3 所公办幼儿园纳入 2024 年建设计划。");
        Refer(db, seed.Calendar, settings, unhappy, unit.Id, new DateOnly(2023, 11, 6), new DateOnly(2023, 11, 24), "已协调增开一条校车线路，覆盖两个村社。");
        await db.SaveChangesAsync(ct);
        foreach (var (o, feedbackOn, satisfaction) in new[] { (spot, new DateOnly(2023, 10, 16), Satisfaction.Satisfied), (local, new DateOnly(2023, 10, 30), Satisfaction.BasicallySatisfied),
            (referred, new DateOnly(2023, 11, 2), Satisfaction.Satisfied), (unhappy, new DateOnly(2023, 11, 28), Satisfaction.Dissatisfied) })
            Close(db, o, feedbackOn, satisfaction, r1.Id == o.ReceptionDayId ? r1 : r2);
        if (answered2023 is not null)
        {
            suggested.TurnIntoSuggestion(new DateOnly(2023, 11, 3), answered2023.Id);
            var answer = await ConstituentOpinionWorkflow.SuggestionAnswerAsync(db, answered2023.Id, ct);
            suggested.RecordFeedback(answered2023.FirstAnsweredOn!.Value.AddDays(3), "已电话告知群众该建议的办理答复。", answer);
            suggested.RecordSatisfaction(answered2023.FirstAnsweredOn!.Value.AddDays(3), Satisfaction.Satisfied);
            Handled(db, suggested, r2);
        }
        await db.SaveChangesAsync(ct);

        // --- the current year: a reception held (an overdue referral), one in progress today (a suggestion draft), one ahead ---
        var today = WorkCalendar.Today(db.Clock);
        var earlier = today.AddDays(-42);
        var r3 = Held(db, hedong, ReceptionKind.Deputies, earlier, "上午 9:00—11:30", "教育质量提升", [Deputy(deputies[4]), Deputy(deputies[0])]);
        var r4 = ReceptionDay.Schedule(haixi.Id, home.Id, ReceptionKind.Deputies, today, "上午 9:00—11:30", "生活品质", [Deputy(deputies[0]), Deputy(deputies[1])], today.AddDays(-7), settings.ReceptionNoticeDays);
        var r5 = ReceptionDay.Schedule(haixi.Id, home.Id, ReceptionKind.Chairpersons, today.AddDays(10), "上午 9:30—12:00", "六大行动——主任接待日",
            [new ReceptionAttendee { PersonId = chair }, Deputy(deputies[0])], today, settings.ReceptionNoticeDays);
        db.AddRange(r4, r5);
        await db.SaveChangesAsync(ct);
        WriteDuty(db, r3, hedong.Name);
        var overdue = Opinion(r3, "韩志强", "13997301122", "教育", "河东片区中学放学时段交通拥堵，希望设置护学岗。", earlier);
        var closed = Opinion(r3, "周丽娟", "13997303344", "医疗卫生", "社区卫生服务站周末不开诊，希望安排轮值。", earlier);
        var waiting = Opinion(r4, "何玉梅", "13997401234", "社会保障", "高龄津贴申领需要多次跑腿，希望简化手续。", today);
        var toSuggest = Opinion(r4, "巴图", "13997405678", "生态环境", "巴音河城区段河道两岸绿化带缺少管护，希望明确责任单位并增加管护投入。", today);
        var online = new ConstituentOpinion
        {
            CongressId = haixi.Id, StationId = home.Id, Source = OpinionSource.Online, ReceiptCode = "DEMO2026ONL", PersonName = "萨仁", Contact = "13997509876",
            Content = "希望代表之家周六也开放半天，方便上班族反映问题。", Category = "其他", ReceivedOn = today.AddDays(-2), ReceivedAt = DateTime.SpecifyKind(today.AddDays(-2).ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc),
        };
        db.AddRange(overdue, closed, waiting, toSuggest, online);
        await db.SaveChangesAsync(ct);
        Refer(db, seed.Calendar, settings, overdue, unit.Id, earlier.AddDays(1), null, null);
        closed.AnswerOnTheSpot(earlier, "卫健委已安排周末轮值门诊。");
        Close(db, closed, earlier.AddDays(2), Satisfaction.Satisfied, r3);
        await db.SaveChangesAsync(ct);

        // The demo deputy (daibiao) turns an opinion into a draft suggestion through the Suggestions module, as the action does.
        var daibiao = await db.Deputies.AsNoTracking().Where(d => d.Id == deputies[0].Id).Select(d => new { d.Id, d.PersonId, d.Person!.Name }).FirstAsync(ct);
        var account = await db.Accounts.AsNoTracking().Where(a => a.UserName == "daibiao").Select(a => a.Id).FirstAsync(ct);
        var (draft, _) = await SuggestionWorkflow.CreateAsync(db, seed.Calendar, new SuggestionActor(account, daibiao.Name, haixi.Id, daibiao.Id, [], ActorKinds.Deputy, daibiao.PersonId),
            new SuggestionWorkflow.Draft("关于加强巴音河城区段河道绿化带管护的建议", $"{today:yyyy年M月d日}，{HomeName}代表接待日群众反映：\n{toSuggest.Content}", "生态环境",
                SubmissionPeriod.BetweenSessions, null, false), null, ct);
        toSuggest.TurnIntoSuggestion(today, draft.Id);
        await db.SaveChangesAsync(ct);
        _ = waiting;
    }

    private static int s_code;

    private static ReceptionAttendee Deputy((int Id, int PersonId) d) => new() { DeputyId = d.Id, PersonId = d.PersonId };

    /// <summary>A reception published a week ahead and held on its day.</summary>
    private static ReceptionDay Held(RendaDbContext db, LiaisonStation station, ReceptionKind kind, DateOnly on, string time, string topic, List<ReceptionAttendee> attendees)
    {
        var r = ReceptionDay.Schedule(station.CongressId, station.Id, kind, on, time, topic, attendees, on.AddDays(-7), 3);
        r.Close(on);
        db.Add(r);
        return r;
    }

    private static void WriteDuty(RendaDbContext db, ReceptionDay r, string station) => ReceptionDayWorkflow.WriteDutyRecords(db, r, station);

    private static ConstituentOpinion Opinion(ReceptionDay r, string name, string contact, string category, string content, DateOnly on) => new()
    {
        CongressId = r.CongressId, StationId = r.StationId, ReceptionDayId = r.Id, Source = OpinionSource.Reception, ReceiptCode = $"DEMO{Interlocked.Increment(ref s_code):D4}",
        PersonName = name, Contact = contact, Category = category, Content = content, ReceivedOn = on, ReceivedAt = DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc),
    };

    /// <summary>Referred with its reply clock; answered on <paramref name="answeredOn"/> (the clock met that day), or left running (overdue once due).</summary>
    private static void Refer(RendaDbContext db, WorkCalendar calendar, DeputySettings settings, ConstituentOpinion o, int unitId, DateOnly on, DateOnly? answeredOn, string? answer)
    {
        o.Refer(on, unitId);
        var clock = Deadlines.Start(db, calendar, new ClockStart(o.CongressId, ReceptionClocks.Of(o), ReceptionClocks.Reply(settings, unitId, ConstituentOpinionWorkflow.Summary(o)), on, ClockOwner.Unit(unitId)));
        if (answeredOn is { } a)
        {
            o.AnswerReferral(a, answer!);
            clock.Complete(a.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
        }
        else if (clock.DueOn < WorkCalendar.Today(db.Clock))
            clock.MarkOverdue();
    }

    private static void Close(RendaDbContext db, ConstituentOpinion o, DateOnly on, Satisfaction satisfaction, ReceptionDay r)
    {
        o.RecordFeedback(on, "已电话向群众反馈办理结果。");
        o.RecordSatisfaction(on, satisfaction);
        Handled(db, o, r);
    }

    private static void Handled(RendaDbContext db, ConstituentOpinion o, ReceptionDay r)
    {
        foreach (var deputyId in r.Attendees.Select(a => a.DeputyId).OfType<int>())
            db.Add(new DutyRecord { DeputyId = deputyId, On = o.FeedbackOn!.Value, Kind = DutyKinds.OpinionHandled, Title = ReceptionDayWorkflow.Short($"办理群众意见：{ConstituentOpinionWorkflow.Summary(o)}"), SourceType = ConstituentOpinionWorkflow.Subject, SourceId = o.Id });
    }
}

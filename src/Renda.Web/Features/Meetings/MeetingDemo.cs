using System.Globalization;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

/// <summary>
/// The meetings of the demo, from the seeds: Haixi 2023 (seed 000: "依法作出……15项决定决议", "任免……97人次，组织向宪法宣誓32人次"),
/// Qinghai 2024 (seed 004: 三审出台青海省国家生态文明高地建设条例), lighter meetings in the other years so the numbering is
/// continuous, and the current meeting of Haixi in session today with a vote open for the members' phones, the next one
/// scheduled, and this year's livelihood-projects ballot. Written as records (the workflows refuse past dates, rightly).
/// </summary>
public static class MeetingDemo
{
    public static async Task EnsureAsync(RendaDbContext db, WorkCalendar calendar, CancellationToken ct = default)
    {
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        var qinghai = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "630000", ct);
        if (haixi is null || qinghai is null || await db.Set<Meeting>().AnyAsync(ct)) return;
        if (!db.ChangeTracker.HasChanges()) db.ChangeTracker.Clear();
        var today = WorkCalendar.Today(db.Clock);
        var story = new Story(db, calendar);
        await story.HaixiAsync(haixi, today, ct);
        await story.QinghaiAsync(qinghai, ct);
        await story.SaveAsync(ct);
        await story.LivelihoodAsync(haixi, today, ct);
    }

    private sealed class Story(RendaDbContext db, WorkCalendar calendar)
    {
        private readonly Random _random = new(20231227);
        // The demo's congresses keep the statutory periods.
        private readonly MeetingSettings _settings = new();
        private readonly Dictionary<(int Congress, int Year), int> _serials = [];
        // The records refer to each other by generated ids, so the story is written in phases: meetings with their
        // agenda and attendance; then votes, resolutions and appointments; then ballots and oaths; then the links back.
        private readonly List<Action> _afterMeetings = [], _afterVotes = [], _afterOaths = [];

        private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
        private DateOnly Today => WorkCalendar.Today(db.Clock);

        public async Task SaveAsync(CancellationToken ct)
        {
            foreach (var phase in new[] { _afterMeetings, _afterVotes, _afterOaths })
            {
                await db.SaveChangesAsync(ct);
                // A phase may queue work for the next one; run what is queued now.
                var actions = phase.ToList();
                phase.Clear();
                foreach (var a in actions) a();
            }
            await db.SaveChangesAsync(ct);
        }

        // --- Haixi ---------------------------------------------------------------------------------

        private static readonly string[] Resolutions2023 =
        [
            "关于省级转贷海西州地方政府债券并相应调整收支预算的决议", "关于批准海西州2022年州本级财政决算的决议", "关于海西州国土空间总体规划（2021—2035年）的决议",
            "关于召开海西州第十五届人民代表大会第三次会议的决定", "关于批准2023年州本级预算调整方案的决议", "关于加强冷湖天文观测环境保护的决议",
            "关于深化木里矿区生态环境综合整治的决议", "关于开展第八个五年法治宣传教育中期评估的决议", "关于批准海西州2023年上半年国民经济和社会发展计划执行情况报告的决议",
            "关于建设世界级盐湖产业基地法治保障的决定", "关于批准《海西州城乡规划管理条例（修正案）》报批的决定", "关于海西州人民政府2022年度国有资产管理情况综合报告的决议",
            "关于加强州本级预算审查监督的决定", "关于海西州2024年国民经济和社会发展计划草案的决议", "关于调整海西州第十五届人民代表大会代表名额的决定",
        ];

        private static readonly string[] Reports =
        [
            "州人民政府关于2022年度环境状况和环境目标完成情况的报告", "州中级人民法院关于全州各级人民法院信息化建设情况的报告",
            "州人民检察院关于全州检察机关公益诉讼工作情况的报告", "州人民政府关于矿产资源管理条例贯彻实施情况执法检查报告的研究处理情况",
            "州人民政府关于2022年度国有资产管理情况的综合报告", "州人民政府关于代表建议办理情况的报告",
        ];

        private static readonly string[] Posts =
        [
            "州人民政府副州长", "州发展和改革委员会主任", "州教育局局长", "州财政局局长", "州自然资源局局长", "州生态环境局局长", "州住房和城乡建设局局长",
            "州交通运输局局长", "州农业农村局局长", "州水利局局长", "州卫生健康委员会主任", "州民政局局长", "州人力资源和社会保障局局长", "州文体旅游广电局局长",
            "州市场监督管理局局长", "州应急管理局局长", "州林业和草原局局长", "州中级人民法院副院长", "州中级人民法院审判员", "州人民检察院检察员",
            "州人民检察院副检察长", "州人大常委会副秘书长", "州人大常委会代表人事选举任免工作委员会主任",
        ];

        /// <summary>Haixi 2023: six meetings (第八至十三次) carrying 15 decisions and resolutions, 97 appointment person-times, 32 oaths.</summary>
        public async Task HaixiAsync(Congress haixi, DateOnly today, CancellationToken ct)
        {
            var term = await db.Terms.FirstAsync(t => t.CongressId == haixi.Id, ct);
            var number = 0;
            // 2022: the first seven meetings of the term (lighter records).
            foreach (var d in new[] { new DateOnly(2022, 1, 12), new DateOnly(2022, 3, 29), new DateOnly(2022, 5, 26), new DateOnly(2022, 7, 28), new DateOnly(2022, 9, 27), new DateOnly(2022, 11, 29), new DateOnly(2022, 12, 28) })
                await LightMeetingAsync(haixi, term, ++number, d, ct);

            // 2023, the year of seed 000. Per meeting: resolutions, and person-times by kind (选举, 任命, 免职, 撤职, 接受辞职).
            // Sums: 15 resolutions; 2 + 30 + 45 + 2 + 18 = 97 person-times; the 32 elected or appointed take the oath.
            var dates2023 = new[] { new DateOnly(2023, 2, 23), new DateOnly(2023, 4, 26), new DateOnly(2023, 6, 28), new DateOnly(2023, 8, 29), new DateOnly(2023, 10, 26), new DateOnly(2023, 12, 26) };
            int[] resolutions = [2, 3, 2, 3, 2, 3];
            int[][] personnel = [[0, 6, 8, 0, 3], [1, 5, 7, 1, 3], [0, 4, 9, 0, 2], [1, 6, 8, 0, 4], [0, 4, 6, 1, 3], [0, 5, 7, 0, 3]];
            var r = 0;
            for (var i = 0; i < dates2023.Length; i++)
            {
                var m = await MeetingAsync(haixi, term, ++number, dates2023[i], dates2023[i].AddDays(1), ct);
                AddReport(m, Reports[i]);
                for (var k = 0; k < resolutions[i]; k++, r++)
                    AddResolution(m, Resolutions2023[r].EndsWith("决定", StringComparison.Ordinal) ? ResolutionKind.Decision : ResolutionKind.Resolution, Resolutions2023[r]);
                AddPersonnel(m, personnel[i]);
            }
            // 2024 to this year: bimonthly meetings with their reports.
            for (var year = 2024; year <= today.Year; year++)
                foreach (var month in new[] { 2, 4, 6, 8, 10, 12 })
                {
                    var d = calendar.NextWorkingDayFrom(new DateOnly(year, month, 25));
                    if (d.AddDays(14) > today) break;
                    await LightMeetingAsync(haixi, term, ++number, d, ct);
                }

            // Today: a meeting in session with a roll-call vote open for the members' phones, and nominations for a personnel vote.
            var current = await MeetingAsync(haixi, term, ++number, today, today.AddDays(1), ct, inSession: true);
            AddReport(current, $"州人民政府关于{today.Year}年代表建议办理情况的报告", pending: true);
            var item = Agenda(current, AgendaItemKind.Resolution, "关于加强柴达木盆地水资源节约集约利用的决议");
            item.SubjectType = ResolutionWorkflow.Subject;
            var personnelItem = Agenda(current, AgendaItemKind.Appointment, "人事任免事项");
            _afterMeetings.Add(() =>
            {
                var draft = new Resolution
                {
                    CongressId = haixi.Id, MeetingId = current.Meeting.Id, AgendaItemId = item.Id, Kind = ResolutionKind.Resolution, CreatedAt = Now,
                    Title = item.Title,
                    Text = "为贯彻落实水资源刚性约束制度，推进柴达木盆地水资源节约集约利用，海西州人民代表大会常务委员会作出如下决议：\n一、各级人民政府应当坚持以水定城、以水定地、以水定人、以水定产，严格用水总量和强度双控。\n二、……\n三、本决议自通过之日起施行。",
                };
                db.Add(draft);
                NewVote(current, item, VoteKind.Whole, $"表决：{item.Title}", secret: false, openedAt: Now);
                _afterVotes.Add(() => item.SubjectId = draft.Id);
                foreach (var (kind, post) in new[] { (AppointmentKind.Appointment, "州教育局局长"), (AppointmentKind.Removal, "州教育局副局长") })
                    db.Add(NewAppointment(haixi, current.Meeting, personnelItem, kind, post, today.AddDays(-14), null));
            });

            // In three weeks: the next meeting, scheduled, not yet notified.
            var next = new Meeting
            {
                CongressId = haixi.Id, TermId = term.Id, Number = ++number, StartsOn = today.AddDays(21), EndsOn = today.AddDays(22), Place = "州人大常委会会议室",
                CreatedAt = Now, Title = Title(haixi, term, number),
            };
            db.Add(next);
            AddReport(next, $"州人民政府关于{today.Year}年州本级预算执行情况的报告", pending: true);
            AddReport(next, "州人大常委会执法检查组关于《海西州城镇供热条例》实施情况的报告", pending: true);
        }

        // --- Qinghai 2024 --------------------------------------------------------------------------

        /// <summary>Qinghai 2023 (第一至七次, lighter) and 2024 (第八至十三次): the ecological-highland regulation through three readings (seed 004).</summary>
        public async Task QinghaiAsync(Congress qinghai, CancellationToken ct)
        {
            var term = await db.Terms.FirstAsync(t => t.CongressId == qinghai.Id, ct);
            var number = 0;
            foreach (var d in new[] { new DateOnly(2023, 1, 19), new DateOnly(2023, 3, 28), new DateOnly(2023, 5, 30), new DateOnly(2023, 7, 26), new DateOnly(2023, 9, 26), new DateOnly(2023, 11, 28), new DateOnly(2023, 12, 26) })
                await LightMeetingAsync(qinghai, term, ++number, d, ct);
            (DateOnly On, string[] Bills, string[] Decisions, string Report)[] year2024 =
            [
                (new(2024, 3, 27), ["青海省国家生态文明高地建设条例（草案）（一审）"], ["关于召开青海省第十四届人民代表大会第三次会议的决定"], "省人民政府关于2023年度国有资产管理情况的综合报告"),
                (new(2024, 5, 29), ["青海省人民代表大会常务委员会议事规则（修订草案）"], ["关于批准《西宁市城市供水条例》的决定"], "省人民政府关于2023年度环境状况和环境保护目标完成情况的报告"),
                (new(2024, 7, 30), ["青海省国家生态文明高地建设条例（草案）（二审）"], ["关于批准2023年省级决算的决议", "关于庆祝人民代表大会成立70周年的决议"], "省人民政府关于2024年上半年国民经济和社会发展计划执行情况的报告"),
                (new(2024, 9, 25), ["青海省国家生态文明高地建设条例（草案）（三审）"], ["关于批准2024年省级预算调整方案的决议"], "省高级人民法院关于环境资源审判工作情况的报告"),
                (new(2024, 11, 27), ["青海省实施《中华人民共和国土地管理法》办法（修订草案）"], ["关于提请审议青海省人民代表大会议事规则（草案）的决定"], "省人民检察院关于公益诉讼检察工作情况的报告"),
                (new(2024, 12, 25), [], ["关于青海省2025年国民经济和社会发展计划草案的决议"], "省人民政府关于代表建议、批评和意见办理情况的报告"),
            ];
            foreach (var (on, bills, decisions, report) in year2024)
            {
                var m = await MeetingAsync(qinghai, term, ++number, on, on.AddDays(2), ct);
                AddReport(m, report);
                foreach (var bill in bills)
                {
                    var item = Agenda(m, AgendaItemKind.BillReading, bill);
                    if (bill.Contains("一审", StringComparison.Ordinal) || bill.Contains("二审", StringComparison.Ordinal))
                        item.RecordOutcome(AgendaOutcome.Deliberated, "分组审议，提出修改意见");
                    else
                        _afterMeetings.Add(() => Decide(m, item, VoteKind.Whole, $"表决：{bill}", secret: false, _ => { }));
                }
                foreach (var d in decisions)
                    AddResolution(m, d.EndsWith("决定", StringComparison.Ordinal) ? ResolutionKind.Decision : ResolutionKind.Resolution, d);
                AddPersonnel(m, [0, 3, 2, 0, 1]);
            }
        }

        // --- building blocks -------------------------------------------------------------------------

        private static string Title(Congress c, Term t, int n) => $"{c.ShortName}第{ChineseNumerals.Of(t.Number)}届人大常委会第{ChineseNumerals.Of(n)}次会议";

        private async Task LightMeetingAsync(Congress c, Term term, int number, DateOnly on, CancellationToken ct)
        {
            var m = await MeetingAsync(c, term, number, on, on.AddDays(1), ct);
            AddReport(m, number == 1 ? "关于常委会年度工作要点的说明" : $"{c.ShortName}人民政府关于专项工作情况的报告");
        }

        private sealed record DemoMeeting(Meeting Meeting, Congress Congress, List<(int PersonId, string Name, bool Present)> Roll);

        /// <summary>
        /// A meeting with its notice, the attendance of the members seated then (a few on leave), organ heads and two invited deputies;
        /// closed unless in session. Its steps are replayed on the meeting: notice ten days ahead, opened on its first day, closed.
        /// </summary>
        private async Task<DemoMeeting> MeetingAsync(Congress c, Term term, int number, DateOnly starts, DateOnly ends, CancellationToken ct, bool inSession = false)
        {
            var seated = await Members.SeatedOnAsync(db, c.Id, starts, ct);
            var m = new Meeting
            {
                CongressId = c.Id, TermId = term.Id, Number = number, StartsOn = starts, EndsOn = ends, Place = c.Level == RegionLevel.Province ? "省人大常委会会议厅" : "州人大常委会会议室",
                CreatedAt = Now, Title = Title(c, term, number),
            };
            m.SendNotice(starts.AddDays(-10).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), starts.AddDays(-10), null, _settings.NoticeDays);
            m.Open(starts);
            var onLeave = _random.Next(1, 4);
            // The first members in rank order attend (the chair and the demo member among them); the last few are on leave.
            var roll = seated.Select((s, i) => (s.PersonId, s.Name, Present: i < seated.Count - onLeave)).ToList();
            foreach (var (personId, _, present) in roll)
                m.Attendance.Add(MeetingAttendance.Of(personId, present ? AttendanceStatus.Present : AttendanceStatus.OnLeave, present ? null : "因公请假"));
            var province = c.Level == RegionLevel.Province;
            m.Attendees.Add(new MeetingAttendee { Kind = AttendeeKind.OrganHead, Name = Name(), Organisation = $"{c.ShortName}人民政府副{(province ? "省长" : "州长")}" });
            m.Attendees.Add(new MeetingAttendee { Kind = AttendeeKind.OrganHead, Name = Name(), Organisation = $"{c.ShortName}监察委员会副主任" });
            m.Attendees.Add(new MeetingAttendee { Kind = AttendeeKind.OrganHead, Name = Name(), Organisation = $"{c.ShortName}{(province ? "高级" : "中级")}人民法院院长" });
            m.Attendees.Add(new MeetingAttendee { Kind = AttendeeKind.OrganHead, Name = Name(), Organisation = $"{c.ShortName}人民检察院检察长" });
            // Seed 000 invites deputies to every meeting: two each time, in turn, written into their duty records.
            var deputies = await db.Deputies.AsNoTracking().Where(d => d.CongressId == c.Id && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Skip(number * 2 % 60).Take(2)
                .Select(d => new { d.Id, d.Person!.Name, d.Delegation }).ToListAsync(ct);
            foreach (var d in deputies)
                m.Attendees.Add(new MeetingAttendee { Kind = AttendeeKind.InvitedDeputy, DeputyId = d.Id, Name = d.Name, Organisation = d.Delegation ?? "人大代表" });
            if (!inSession)
            {
                m.Close([]);
                m.RecordMinutes($"{m.Title}于{starts:yyyy年M月d日}至{ends:M月d日}在{m.Place}举行。会议听取和审议了有关报告，表决通过了有关决议决定和人事任免事项。");
            }
            db.Add(m);
            _afterMeetings.Add(() =>
            {
                foreach (var d in deputies)
                    db.Add(new DutyRecord { DeputyId = d.Id, On = starts, Kind = "列席常委会会议", Title = m.Title, SourceType = MeetingWorkflow.Subject, SourceId = m.Id });
            });
            return new DemoMeeting(m, c, roll);
        }

        private static AgendaItem Agenda(DemoMeeting m, AgendaItemKind kind, string title) => Agenda(m.Meeting, kind, title);

        private static AgendaItem Agenda(Meeting m, AgendaItemKind kind, string title)
        {
            var item = new AgendaItem { Kind = kind, Title = title, Order = m.Agenda.Count + 1 };
            m.Agenda.Add(item);
            return item;
        }

        private static void AddReport(DemoMeeting m, string title, bool pending = false) => AddReport(m.Meeting, title, pending);

        private static void AddReport(Meeting m, string title, bool pending = false)
        {
            var item = Agenda(m, AgendaItemKind.WorkReport, title);
            if (!pending) item.RecordOutcome(AgendaOutcome.Deliberated, "听取和审议，形成审议意见");
        }

        /// <summary>An adopted resolution with its whole vote and, for every third, a follow-up task.</summary>
        private void AddResolution(DemoMeeting m, ResolutionKind kind, string title)
        {
            var item = Agenda(m, AgendaItemKind.Resolution, title);
            item.SubjectType = ResolutionWorkflow.Subject;
            var year = m.Meeting.EndsOn.Year;
            var serial = _serials[(m.Congress.Id, year)] = _serials.GetValueOrDefault((m.Congress.Id, year)) + 1;
            _afterMeetings.Add(() =>
            {
                var r = new Resolution
                {
                    CongressId = m.Congress.Id, MeetingId = m.Meeting.Id, AgendaItemId = item.Id, Kind = kind, Title = title, CreatedAt = Now,
                    Text = $"{m.Congress.StandingCommitteeName}第{ChineseNumerals.Of(m.Meeting.Number)}次会议审议了有关议案，{(kind == ResolutionKind.Decision ? "决定" : "决议")}如下：\n一、……\n二、本{MeetingLabels.Of(kind)}自通过之日起施行。",
                };
                db.Add(r);
                Decide(m, item, VoteKind.Whole, $"表决：{title}", secret: false, vote =>
                {
                    r.Decide(true, m.Meeting.EndsOn, serial, vote.Id);
                    item.SubjectId = r.Id;
                    if (serial % 3 == 1)
                    {
                        var due = m.Meeting.EndsOn.AddMonths(6);
                        var task = r.AddTask("向常委会书面报告贯彻落实情况", null, $"{m.Congress.ShortName}人民政府", due);
                        if (due < Today) task.Complete(due.AddDays(-20), "已书面报告常委会，落实情况良好。");
                    }
                });
            });
        }

        /// <summary>Person-times by kind for one meeting: a combined secret vote for the appointments and one for the rest; the appointed take the oath together.</summary>
        private void AddPersonnel(DemoMeeting m, int[] byKind)
        {
            var item = Agenda(m, AgendaItemKind.Appointment, "人事任免事项");
            item.RecordOutcome(AgendaOutcome.Adopted, $"通过 {byKind.Sum()} 人次，未通过 0 人次");
            _afterMeetings.Add(() =>
            {
                var appointing = new List<Appointment>();
                var removing = new List<Appointment>();
                for (var k = 0; k < byKind.Length; k++)
                    for (var n = 0; n < byKind[k]; n++)
                    {
                        var kind = Enum.GetValues<AppointmentKind>()[k];
                        var post = Posts[_random.Next(Posts.Length)];
                        if (m.Congress.Level == RegionLevel.Province)
                            post = post.Replace("中级人民法院", "高级人民法院", StringComparison.Ordinal).Replace("州", "省", StringComparison.Ordinal).Replace("副省长", "副省长", StringComparison.Ordinal);
                        var a = NewAppointment(m.Congress, m.Meeting, item, kind, post, m.Meeting.StartsOn.AddDays(-12), m.Meeting.EndsOn);
                        if (a.LawExamRequired) a.RecordLawExam("通过国家统一法律职业资格考试（A证）");
                        (Appointment.TakesOath(kind) ? appointing : removing).Add(a);
                        db.Add(a);
                    }
                if (appointing.Count > 0)
                    Decide(m, item, VoteKind.Appointment, $"{string.Join("、", appointing.Take(3).Select(a => a.PersonName))}等{appointing.Count}人的任命事项（合并表决）", secret: true, vote =>
                    {
                        var serial = 0;
                        foreach (var a in appointing)
                        {
                            a.Decide(true, m.Meeting.EndsOn, vote.Id);
                            a.IssueCertificate($"{m.Congress.ShortName}人常任字〔{m.Meeting.EndsOn.Year}〕{m.Meeting.Number * 100 + ++serial}号", m.Meeting.EndsOn);
                        }
                        var oath = new Oath
                        {
                            CongressId = m.Congress.Id, Kind = appointing.Count == 1 ? OathKind.Individual : OathKind.Collective, TakenOn = m.Meeting.EndsOn,
                            Place = m.Meeting.Place, Leader = appointing.Count == 1 ? null : appointing[0].PersonName, OrganisedBy = OathOrganiser.StandingCommittee,
                            MeetingId = m.Meeting.Id, Text = Oath.Text2018, CreatedAt = Now,
                            Takers = appointing.Select(a => new OathTaker { AppointmentId = a.Id, PersonName = a.PersonName }).ToList(),
                        };
                        db.Add(oath);
                        _afterOaths.Add(() => { foreach (var a in appointing) a.RecordOath(oath); });
                    });
                if (removing.Count > 0)
                    Decide(m, item, VoteKind.Appointment, $"{string.Join("、", removing.Take(3).Select(a => a.PersonName))}等{removing.Count}人的免职、撤职和辞职事项（合并表决）", secret: true,
                        vote => { foreach (var a in removing) a.Decide(true, m.Meeting.EndsOn, vote.Id); });
            });
        }

        private Appointment NewAppointment(Congress c, Meeting m, AgendaItem item, AppointmentKind kind, string post, DateOnly nominatedOn, DateOnly? effective) => new()
        {
            CongressId = c.Id, MeetingId = m.Id, AgendaItemId = item.Id, Kind = kind, PersonName = Name(), Gender = _random.Next(3) == 0 ? Gender.Female : Gender.Male,
            BirthDate = new DateOnly(1965 + _random.Next(20), 1 + _random.Next(12), 1 + _random.Next(28)), Post = post,
            Nominator = post.Contains("法院", StringComparison.Ordinal) ? $"{c.ShortName}{(c.Level == RegionLevel.Province ? "高级" : "中级")}人民法院院长"
                : post.Contains("检察", StringComparison.Ordinal) ? $"{c.ShortName}人民检察院检察长" : post.Contains("人大常委会", StringComparison.Ordinal) ? "常委会主任会议" : $"{c.ShortName}人民政府",
            NominatedOn = nominatedOn, LawExamRequired = kind is AppointmentKind.Appointment && (post.EndsWith("审判员", StringComparison.Ordinal) || post.EndsWith("检察员", StringComparison.Ordinal)),
            OathRequired = Appointment.TakesOath(kind), OathOrganiser = OathOrganiser.StandingCommittee, EffectiveOn = effective, CreatedAt = Now,
            Biography = $"{_random.Next(1988, 2005)}年参加工作，历任{c.ShortName}有关部门科长、副局长等职。",
        };

        /// <summary>A vote opened on the meeting's roll, as VoteWorkflow.OpenAsync opens it (on the meeting's last day unless given).</summary>
        private Vote NewVote(DemoMeeting m, AgendaItem item, VoteKind kind, string title, bool secret, DateTime? openedAt = null)
        {
            var vote = new Vote { MeetingId = m.Meeting.Id, AgendaItemId = item.Id, Kind = kind, Title = title, Secret = secret, CreatedAt = Now };
            vote.Open(openedAt ?? m.Meeting.EndsOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                m.Roll.Select(x => new VoteMember { PersonId = x.PersonId, Name = x.Name, Present = x.Present }).ToList());
            db.Add(vote);
            return vote;
        }

        /// <summary>What the demo's staff write when a member present did not press the button within the voting time.</summary>
        private const string DemoEarlyCloseReason = "表决时间已到，未按表决器的出席人员按出席未按表决器计。";

        /// <summary>A vote closed on its ballots (almost every member present votes yes), with the digest and result as VoteWorkflow.CloseAsync computes them.</summary>
        private void Decide(DemoMeeting m, AgendaItem item, VoteKind kind, string title, bool secret, Action<Vote> then)
        {
            var vote = NewVote(m, item, kind, title, secret);
            _afterVotes.Add(() =>
            {
                var ballots = new List<VoteBallot>();
                var papers = new List<BallotChoice>();
                foreach (var member in vote.Members.Where(x => x.Present))
                {
                    var roll = _random.Next(40);
                    if (roll == 0) continue; // present, did not press the button
                    var choice = roll == 1 ? BallotChoice.Abstain : roll == 2 && kind != VoteKind.Appointment ? BallotChoice.No : BallotChoice.Yes;
                    ballots.Add(new VoteBallot { VoteId = vote.Id, PersonId = member.PersonId, Choice = secret ? null : choice, CastAt = vote.OpenedAt!.Value.AddSeconds(_random.Next(5, 200)) });
                    if (secret) papers.Add(choice);
                }
                db.AddRange(ballots);
                db.AddRange(papers.Select(p => new SecretBallotPaper { Id = Guid.NewGuid(), VoteId = vote.Id, Choice = p }));
                vote.Close(vote.OpenedAt!.Value.AddMinutes(5), ballots, papers.Order().ToList(), VoteWorkflow.Digest(vote, ballots, papers), DemoEarlyCloseReason);
                if (kind == VoteKind.Whole)
                    item.RecordOutcome(vote.Passed == true ? AgendaOutcome.Adopted : AgendaOutcome.Rejected, $"赞成{vote.Yes}票，反对{vote.No}票，弃权{vote.Abstain}票（全体组成人员{vote.SeatedMembers}人）");
                then(vote);
            });
        }

        // --- the livelihood-projects ballot of this year ------------------------------------------------

        private static readonly (string Name, string Department, decimal Budget, string Description)[] Candidates =
        [
            ("城乡学校供暖设施改造", "州教育局", 3200m, "对全州38所城乡中小学供暖锅炉和管网进行清洁能源改造。"),
            ("格尔木市老旧小区改造", "州住房和城乡建设局", 8600m, "改造2000年前建成的老旧小区42个，涉及住户6800户。"),
            ("农牧区饮水安全巩固提升", "州水利局", 4500m, "新建和改造农牧区集中供水工程56处，提升水质监测能力。"),
            ("县级医院远程诊疗能力建设", "州卫生健康委员会", 2100m, "为6家县级医院配置远程会诊和影像诊断设备，与州人民医院联通。"),
            ("城区公共停车位建设", "州住房和城乡建设局", 1800m, "在德令哈、格尔木城区新增公共停车位3000个。"),
            ("居家和社区养老服务提升", "州民政局", 1500m, "新建社区老年食堂20个，为特殊困难老年人家庭适老化改造500户。"),
            ("草原生态管护员培训", "州林业和草原局", 600m, "培训草原生态管护员1200人次，配发巡护装备。"),
            ("农村牧区道路安全生命防护", "州交通运输局", 2600m, "在农村牧区公路急弯陡坡、临水临崖路段增设防护设施300公里。"),
            ("高校毕业生就业见习基地", "州人力资源和社会保障局", 900m, "新建就业见习基地30个，提供见习岗位1000个。"),
            ("全民健身场地设施补短板", "州文体旅游广电局", 1200m, "新建和改造社区健身场地80处、多功能运动场10个。"),
        ];

        /// <summary>This year's ballot at the session in January: 10 candidates for 6 places, every serving deputy but a few voting; progress reported since.</summary>
        public async Task LivelihoodAsync(Congress haixi, DateOnly today, CancellationToken ct)
        {
            var ballot = new LivelihoodProjectBallot
            {
                CongressId = haixi.Id, Year = today.Year, Title = $"海西州{today.Year}年民生实事项目", Session = $"海西州第十五届人民代表大会第{ChineseNumerals.Of(today.Year - 2021)}次会议",
                Places = 6, TieRule = TieRule.SubmissionOrder, CreatedAt = Now,
                Projects = Candidates.Select((c, i) => new LivelihoodProject { Order = i + 1, Name = c.Name, Department = c.Department, Budget = c.Budget, Description = c.Description }).ToList(),
            };
            db.Add(ballot);
            await db.SaveChangesAsync(ct);
            var deputies = await db.Deputies.AsNoTracking().Where(d => d.CongressId == haixi.Id && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
            var ids = ballot.Projects.OrderBy(p => p.Order).Select(p => p.Id).ToList();
            // Deputies tick up to six; the early candidates are the popular ones.
            var weights = new[] { 9, 8, 8, 7, 5, 6, 3, 5, 4, 3 };
            var papers = new List<string>();
            foreach (var d in deputies.Skip(6))
            {
                var ticks = ids.Select((id, i) => (id, score: _random.Next(10) < weights[i])).Where(x => x.score).Select(x => x.id).Take(6);
                var paper = LivelihoodChoices.Format(ticks);
                papers.Add(paper);
                db.Add(new LivelihoodBallotReceipt { BallotId = ballot.Id, DeputyId = d });
                db.Add(new LivelihoodBallotPaper { Id = Guid.NewGuid(), BallotId = ballot.Id, Choices = paper });
            }
            ballot.Open(new DateTime(today.Year, 1, 8, 1, 0, 0, DateTimeKind.Utc), deputies.Count);
            ballot.Close(new DateTime(today.Year, 1, 8, 3, 0, 0, DateTimeKind.Utc), papers,
                LivelihoodBallotWorkflow.Digest(ballot.Id, deputies.Skip(6), papers));
            foreach (var p in ballot.Projects.Where(p => p.Adopted))
                for (var month = 3; month <= 9 && new DateOnly(today.Year, month, 28) < today; month += 3)
                    ballot.ReportProgress(p, new DateOnly(today.Year, month, 28), Math.Min(100, month * 10 + p.Order * 3),
                        $"{p.Department}报告：已完成年度计划的{Math.Min(100, month * 10 + p.Order * 3)}%，资金拨付到位，按计划推进。");
            if (today.Month >= 11) ballot.OpenEvaluation();
            await db.SaveChangesAsync(ct);
        }

        private readonly HashSet<string> _names = [];

        /// <summary>A name not yet used in the story: two appointees of one oath must not read as the same person.</summary>
        private string Name()
        {
            string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "韩", "才让", "索南", "多杰", "更登", "祁", "鲁", "星", "冶", "鲍", "朱", "何"];
            string[] given = ["海峰", "玉兰", "明德", "晓军", "卓玛", "建新", "志刚", "红梅", "德吉", "永福", "春燕", "文斌", "占军", "淑琴", "国庆", "丽萍", "金山", "秀芳", "振宇", "拉毛"];
            string name;
            do name = surnames[_random.Next(surnames.Length)] + given[_random.Next(given.Length)];
            while (!_names.Add(name) && _names.Count < surnames.Length * given.Length);
            return name;
        }
    }
}

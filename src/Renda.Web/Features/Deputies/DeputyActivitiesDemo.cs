using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// The demo story of deputies' work: trainings, forums, 六联系 and the four-level joint inspection. Haixi 2023 (seed 000):
/// "举办三期人大代表履职能力提升培训班，培训代表和人大干部150余人次" — three trainings whose attended trainees count 152 person-times
/// (50 + 52 + 50; the few absent are not counted); six "海西人大代表论坛" with the seed's themes; "组织省州县乡'四级人大代表'…开展集中视察调研";
/// "拓展健全'六联系'制度" — contact records through the year. The current year has a training in progress (attendance partly marked), one
/// coming (the demo deputy enrolled), a forum whose opinions wait for a destination, and contacts. Entities replay their transitions.
/// </summary>
public static class DeputyActivitiesDemo
{
    private static readonly string[] Themes = ["城乡环境清洁行动", "天文科技", "非遗传承", "生活品质", "盐湖产业", "教育质量提升"];

    public static async Task EnsureAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        if (haixi is null || await db.Set<Training>().AnyAsync(t => t.CongressId == haixi.Id, ct)) return;
        var story = new Story(db, haixi);
        await story.LoadAsync(ct);
        story.Trainings2023();
        story.Forums2023();
        story.JointInspection2023();
        await db.SaveChangesAsync(ct);
        await story.ContactsAsync(ct);
        story.ThisYear();
        await db.SaveChangesAsync(ct);
        story.DutyRecords();
        await db.SaveChangesAsync(ct);
    }

    private sealed class Story(RendaDbContext db, Congress haixi)
    {
        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "韩", "才让", "索南"];
        private static readonly string[] Given = ["海英", "立新", "晓东", "明霞", "国庆", "春燕", "卓玛", "文斌", "建军", "丽萍", "志远", "玉珍"];
        private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
        private DateOnly Today => WorkCalendar.Today(db.Clock);
        private List<TreeDeputy> _haixi = [], _county = [], _township = [], _province = [];
        private List<(int PersonId, string Name, StandingCommitteePost Post)> _members = [];
        private int? _demoDeputyId;
        private readonly List<Training> _trainings = [];
        private readonly List<Forum> _forums = [];
        private readonly List<JointInspection> _joint = [];

        public async Task LoadAsync(CancellationToken ct)
        {
            var line = await CongressLine.OfAsync(db, haixi.Id, ct);
            var deputies = await db.Deputies.AsNoTracking().Where(d => line.Keys.Contains(d.CongressId) && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.PersonId, d.Person!.Name, d.CongressId }).ToListAsync(ct);
            var all = deputies.Select(d => new TreeDeputy(d.Id, d.PersonId, d.Name, d.CongressId, line[d.CongressId].ShortName, line[d.CongressId].Level)).ToList();
            _haixi = all.Where(d => d.CongressId == haixi.Id).ToList();
            _county = all.Where(d => d.Level == RegionLevel.County).ToList();
            _township = all.Where(d => d.Level == RegionLevel.Township).ToList();
            _province = all.Where(d => d.Level == RegionLevel.Province).ToList();
            _members = (await db.StandingCommitteeMembers.AsNoTracking().Where(s => s.CongressId == haixi.Id && s.LeftOn == null).OrderBy(s => s.Post).ThenBy(s => s.Id)
                .Select(s => new { s.PersonId, s.Person!.Name, s.Post }).ToListAsync(ct)).Select(s => (s.PersonId, s.Name, s.Post)).ToList();
            var demoPerson = await db.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId).FirstOrDefaultAsync(ct);
            _demoDeputyId = _haixi.FirstOrDefault(d => d.PersonId == demoPerson)?.Id;
        }

        private string StaffName(int k) => Surnames[k % Surnames.Length] + Given[(k / Surnames.Length + k) % Given.Length];

        /// <summary>Enrols deputies and 人大干部, marks all but <paramref name="absent"/> as attended, completes.</summary>
        private Training Training(string title, DateOnly starts, int days, string topics, string place, IEnumerable<TreeDeputy> deputies, int staff, int absent, bool complete = true, int? marked = null)
        {
            var t = new Training
            {
                CongressId = haixi.Id, Year = starts.Year, Title = title, StartsOn = starts, EndsOn = starts.AddDays(days - 1), Topics = topics, Place = place,
                Organiser = "海西州人大常委会代表人事选举任免工作委员会", CreatedAt = Now,
            };
            foreach (var d in deputies)
                t.Enrol(new TrainingTrainee { Kind = TraineeKind.Deputy, DeputyId = d.Id, Name = d.Name, Affiliation = $"{d.CongressName}人大代表" });
            for (var k = 0; k < staff; k++)
                t.Enrol(new TrainingTrainee { Kind = TraineeKind.Staff, Name = StaffName(k + title.Length), Affiliation = k % 2 == 0 ? "州人大常委会机关" : "县（市）人大常委会机关" });
            var toMark = marked ?? t.Trainees.Count;
            for (var k = 0; k < toMark; k++)
                t.MarkAttendance(t.Trainees[k], k >= t.Trainees.Count - absent ? Attendance.Absent : Attendance.Attended, k >= t.Trainees.Count - absent ? "因公出差请假" : null, t.StartsOn);
            if (complete) t.Complete(t.EndsOn);
            db.Add(t);
            _trainings.Add(t);
            return t;
        }

        public void Trainings2023()
        {
            // 50 + 52 + 50 = 152 attended person-times: "150余人次".
            Training("2023年第一期人大代表履职能力提升培训班", new DateOnly(2023, 4, 11), 3, "宪法和代表法；代表建议的提出与办理；代表履职档案", "德令哈市 州委党校",
                _haixi.Take(36).Concat(_county.Take(4)), 12, 2);
            Training("2023年第二期人大代表履职能力提升培训班", new DateOnly(2023, 7, 18), 3, "预算审查监督；人大监督工作实务；“互联网+履职”平台使用", "格尔木市 市委党校",
                _haixi.Skip(36).Take(34).Concat(_county.Skip(4).Take(6)), 14, 2);
            Training("2023年第三期人大代表履职能力提升培训班", new DateOnly(2023, 10, 24), 3, "地方立法与基层立法联系点；代表联络站建设；“六联系”制度", "德令哈市 州委党校",
                _haixi.Skip(70).Take(30).Concat(_township.Take(8)), 14, 2);
        }

        public void Forums2023()
        {
            for (var i = 0; i < Themes.Length; i++)
            {
                var f = new Forum
                {
                    CongressId = haixi.Id, Year = 2023, Theme = $"海西人大代表论坛——{Themes[i]}", HeldOn = new DateOnly(2023, 3 + i, 15 + i % 3), Place = i % 2 == 0 ? "德令哈市" : "格尔木市", CreatedAt = Now,
                };
                foreach (var d in _haixi.Skip(100 + i * 6).Take(6))
                    f.Participants.Add(new ForumParticipant { Kind = ForumParticipantKind.Deputy, DeputyId = d.Id, Name = d.Name });
                f.Participants.Add(new ForumParticipant { Kind = ForumParticipantKind.Expert, Name = $"{StaffName(i + 3)}（青海大学教授）" });
                f.Participants.Add(new ForumParticipant { Kind = ForumParticipantKind.Department, Name = i switch { 0 => "海西州住房和城乡建设局", 1 => "海西州科学技术局", 2 => "海西州文体旅游广电局", 3 => "海西州民政局", 4 => "海西州工业和信息化局", _ => "海西州教育局" } });
                var speaker = f.Participants[0].Name;
                f.Opinions.Add(new ForumOpinion
                {
                    Text = $"关于{Themes[i]}，建议建立长效工作机制，加大资金和人才保障。", RaisedBy = speaker,
                    Destination = i % 3 == 0 ? OpinionDestination.Transferred : i % 3 == 1 ? OpinionDestination.Suggestion : OpinionDestination.Decision,
                    DestinationDetail = i % 3 == 0 ? f.Participants[^1].Name : i % 3 == 1 ? "形成州十五届人大二次会议代表建议" : "吸收进州人大常委会相关决定",
                    RoutedOn = f.HeldOn.AddDays(20),
                });
                f.Opinions.Add(new ForumOpinion { Text = $"{Themes[i]}工作要加强宣传，发动群众广泛参与。", RaisedBy = f.Participants[1].Name, Destination = OpinionDestination.Noted, RoutedOn = f.HeldOn.AddDays(20) });
                db.Add(f);
                _forums.Add(f);
            }
        }

        public void JointInspection2023()
        {
            var j = new JointInspection
            {
                CongressId = haixi.Id, Year = 2023, Topic = "省州县乡四级人大代表集中视察盐湖资源综合利用和生态环境保护工作", StartsOn = new DateOnly(2023, 8, 22), EndsOn = new DateOnly(2023, 8, 24),
                Places = "格尔木市察尔汗盐湖、郭勒木德镇、德令哈市柯鲁柯镇", CreatedAt = Now,
                Findings = "一、盐湖资源综合利用水平逐年提高；二、部分企业尾矿处置和生态修复仍有短板；三、建议加快盐湖产业绿色低碳转型，完善生态补偿机制。",
            };
            foreach (var d in _province.Take(3).Concat(_haixi.Skip(140).Take(5)).Concat(_county.Skip(20).Take(5)).Concat(_township.Skip(10).Take(4)))
                j.Deputies.Add(new JointInspectionDeputy { DeputyId = d.Id, Level = d.Level });
            db.Add(j);
            _joint.Add(j);
        }

        public async Task ContactsAsync(CancellationToken ct)
        {
            var kinds = await ContactRecordWorkflow.KindsAsync(db, haixi.Id, ct);
            ContactKind K(string name) => kinds.First(k => k.Name == name);
            var methods = Enum.GetValues<ContactMethod>();
            var n = 0;
            void Add(ContactKind kind, DateOnly on, ContactorRole role, int? personId, int? deputyId, string name, int? contacted, string? constituents, string content)
                => db.Add(new ContactRecord
                {
                    CongressId = haixi.Id, Year = on.Year, KindId = kind.Id, On = on, ContactorRole = role, ContactorPersonId = personId, ContactorDeputyId = deputyId, ContactorName = name,
                    ContactedDeputyId = contacted, Constituents = constituents, Method = methods[n++ % methods.Length], Content = content, CreatedAt = Now,
                });
            foreach (var year in new[] { 2023, Today.Year })
            {
                var last = year == Today.Year ? Today : new DateOnly(year, 12, 20);
                DateOnly On(int month, int day) => new DateOnly(year, month, day) is var d && d <= last ? d : last;
                for (var k = 0; k < 4; k++)
                    Add(K("常委会组成人员联系代表"), On(3 + k * 2, 10), ContactorRole.Member, _members[k].PersonId, null, _members[k].Name, _haixi[10 + k].Id, null, "听取代表对常委会工作的意见建议");
                foreach (var (m, k) in _members.Where(m => m.Post != StandingCommitteePost.Member).Take(2).Select((m, k) => (m, k)))
                    Add(K("主任会议成员联系基层代表"), On(5 + k, 18), ContactorRole.Member, m.PersonId, null, m.Name, _township[k].Id, null, "走访基层代表，了解乡镇人大工作情况");
                for (var k = 0; k < 5; k++)
                    Add(K("代表联系群众"), On(4 + k, 8 + k), ContactorRole.Deputy, _haixi[20 + k].PersonId, _haixi[20 + k].Id, _haixi[20 + k].Name, null,
                        $"{(k % 2 == 0 ? "格尔木市郭勒木德镇" : "德令哈市河西街道")}群众{8 + k}人", "收集群众对城乡环境整治和就业的意见");
                Add(K("代表联系原选区选民"), On(9, 12), ContactorRole.Deputy, _haixi[20].PersonId, _haixi[20].Id, _haixi[20].Name, null, "原选区选民代表15人", "向选民通报履职情况");
                Add(K("专门委员会联系代表"), On(6, 20), ContactorRole.Staff, null, null, "州人大教科文卫委员会 " + StaffName(5), _haixi[30].Id, null, "就教育质量提升征求代表意见");
                Add(K("常委会机关联系代表"), On(7, 6), ContactorRole.Staff, null, null, "州人大常委会代工委 " + StaffName(7), _county[2].Id, null, "了解代表闭会期间活动情况");
            }
        }

        public void ThisYear()
        {
            var today = Today;
            // In progress: began yesterday, ends in two days; half the sign-in sheet entered.
            Training($"{today.Year}年人大代表履职能力提升培训班（进行中）", today.AddDays(-1), 4, "新修改的代表法；代表建议质量提升", "德令哈市 州委党校",
                _haixi.Skip(150).Take(8), 4, 0, complete: false, marked: 6);
            // Coming: the demo deputy is enrolled (their phone home shows it).
            var coming = _haixi.Skip(160).Take(6).ToList();
            if (_demoDeputyId is { } demo && coming.All(d => d.Id != demo)) coming.Insert(0, _haixi.First(d => d.Id == demo));
            Training($"{today.Year}年第二期人大代表履职能力提升培训班", today.AddDays(10), 3, "预算审查监督实务", "格尔木市 市委党校", coming, 2, 0, complete: false, marked: 0);
            var f = new Forum { CongressId = haixi.Id, Year = today.Year, Theme = "海西人大代表论坛——盐湖产业高质量发展", HeldOn = today.AddDays(-3), Place = "格尔木市", CreatedAt = Now };
            foreach (var d in _haixi.Skip(170).Take(5))
                f.Participants.Add(new ForumParticipant { Kind = ForumParticipantKind.Deputy, DeputyId = d.Id, Name = d.Name });
            f.Participants.Add(new ForumParticipant { Kind = ForumParticipantKind.Department, Name = "海西州工业和信息化局" });
            f.Opinions.Add(new ForumOpinion { Text = "建议出台盐湖产业人才引进专项政策。", RaisedBy = f.Participants[0].Name });
            f.Opinions.Add(new ForumOpinion { Text = "建议完善盐湖企业安全生产监管联动机制。", RaisedBy = f.Participants[1].Name });
            db.Add(f);
            _forums.Add(f);
        }

        /// <summary>The archive entries the workflows write, written here from the same records (after the saves gave them ids).</summary>
        public void DutyRecords()
        {
            foreach (var t in _trainings)
                foreach (var x in t.Trainees.Where(x => x.DeputyId is not null && x.Attendance == Attendance.Attended))
                    db.Add(new DutyRecord { DeputyId = x.DeputyId!.Value, On = t.StartsOn, Kind = DutyKinds.Training, Title = t.Title, SourceType = Deputies.Training.Subject, SourceId = t.Id });
            foreach (var f in _forums)
                foreach (var p in f.Participants.Where(p => p.DeputyId is not null))
                    db.Add(new DutyRecord { DeputyId = p.DeputyId!.Value, On = f.HeldOn, Kind = DutyKinds.Forum, Title = f.Theme, SourceType = Forum.Subject, SourceId = f.Id });
            foreach (var j in _joint)
                foreach (var d in j.Deputies)
                    db.Add(new DutyRecord { DeputyId = d.DeputyId, On = j.StartsOn, Kind = DutyKinds.JointInspection, Title = j.Topic, SourceType = JointInspection.Subject, SourceId = j.Id });
            foreach (var r in db.ChangeTracker.Entries<ContactRecord>().Select(e => e.Entity).ToList())
                foreach (var deputyId in new[] { r.ContactorDeputyId, r.ContactedDeputyId }.OfType<int>())
                    db.Add(new DutyRecord { DeputyId = deputyId, On = r.On, Kind = DutyKinds.Contact, Title = $"六联系：{r.ContactorName}（{DeputyActivitiesLabels.Of(r.Method)}）", SourceType = ContactRecord.Subject, SourceId = r.Id });
        }
    }
}

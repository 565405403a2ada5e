using Renda.Web.Features.Meetings;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Legislation;

/// <summary>
/// The legislation story of the seeds, as records: Qinghai 2024 made, amended or repealed 21 regulations and approved 38
/// (seed 004), among them 青海省国家生态文明高地建设条例 after three readings with its versions, comparison and public
/// comments; 34 provincial contact points. Haixi's four regulations approved by the province, its 12 contact points
/// (seed 000), and this year's plan and bills in progress for the demo accounts.
/// </summary>
public static class LegislationDemo
{
    public static async Task EnsureAsync(RendaDbContext db, WorkCalendar calendar, CancellationToken ct = default)
    {
        var qinghai = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "630000", ct);
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        if (qinghai is null || haixi is null || await db.Set<Bill>().AnyAsync(ct)) return;
        var story = new Story(db, calendar);
        await story.ContactPointsAsync(qinghai, haixi, ct);
        await story.QinghaiAsync(qinghai, ct);
        await story.HaixiAsync(haixi, qinghai, ct);
    }

    // ---- texts -----------------------------------------------------------------------------------

    /// <summary>The first-reading draft (一审稿) of 青海省国家生态文明高地建设条例, in plain text as the sponsor submitted it.</summary>
    public const string EcoDraft = """
        青海省国家生态文明高地建设条例（草案）
        第一章 总则
        第一条 为了推进国家生态文明高地建设，筑牢国家生态安全屏障，促进人与自然和谐共生，根据有关法律、行政法规，结合本省实际，制定本条例。
        第二条 本省行政区域内国家生态文明高地的规划、建设、保障和监督等活动，适用本条例。
        第三条 国家生态文明高地建设应当坚持生态保护优先，坚持山水林田湖草沙冰一体化保护和系统治理，坚持绿色发展、共建共享。
        第四条 县级以上人民政府应当加强对国家生态文明高地建设工作的领导，将其纳入国民经济和社会发展规划，所需经费列入本级预算。
        第五条 每年8月15日为全国生态日，各级人民政府及有关部门应当组织开展宣传教育活动。
        第二章 生态安全屏障
        第六条 省人民政府应当统筹划定生态保护红线、环境质量底线和资源利用上线，实行生态环境分区管控。
        第七条 省人民政府应当推进以国家公园为主体的自然保护地体系建设，加强三江源、祁连山、青海湖等重点区域保护。
        第八条 县级以上人民政府应当加强冰川、冻土、湿地、草原等生态系统保护，开展退化草原、沙化土地综合治理。
        第九条 县级以上人民政府应当建立生物多样性保护网络，加强雪豹、藏羚羊、普氏原羚等珍稀濒危野生动物及其栖息地保护。
        第三章 绿色发展
        第十条 县级以上人民政府应当推动产业生态化和生态产业化，建设世界级盐湖产业基地、国家清洁能源产业高地、国际生态旅游目的地和绿色有机农畜产品输出地。
        第十一条 县级以上人民政府应当推进能源消费结构调整，发展光伏、风电、光热、水电和储能，提高清洁能源消纳比例。
        第十二条 鼓励企业开展清洁生产和循环化改造，推行绿色设计、绿色采购和绿色包装。
        第十三条 县级以上人民政府应当倡导简约适度、绿色低碳的生活方式，推广绿色出行、绿色建筑和垃圾分类。
        第四章 保障和监督
        第十四条 省人民政府应当建立健全生态保护补偿机制，完善纵向和横向补偿制度。
        第十五条 省人民政府应当建立国家生态文明高地建设评价考核制度，考核结果作为领导班子和领导干部综合考核评价的重要依据。
        第十六条 县级以上人民政府应当每年向本级人民代表大会或者其常务委员会报告国家生态文明高地建设情况。
        第十七条 鼓励公民、法人和其他组织参与国家生态文明高地建设，对破坏生态环境的行为进行举报。
        第五章 法律责任
        第十八条 违反本条例规定的行为，法律、行政法规已有法律责任规定的，从其规定。
        第十九条 国家机关及其工作人员在国家生态文明高地建设工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。
        第六章 附则
        第二十条 本条例自2024年10月1日起施行。
        """;

    /// <summary>The comments the public and deputies made on the first-reading draft (article index in the draft, source, text, handling, reason).</summary>
    private static readonly (int Article, CommentSource Source, string Name, string Text, CommentHandling Handling, string? Reason)[] EcoComments =
    [
        (3, CommentSource.Citizen, "", "建议在基本原则中增加“坚持依法保护、严格监管”的表述，体现法治保障。", CommentHandling.Adopted, null),
        (3, CommentSource.Deputy, "", "第三条应当写明“尊重自然、顺应自然、保护自然”的理念。", CommentHandling.PartlyAdopted, "理念性表述已在第一条立法目的中体现，本条增加“依法保护”。"),
        (5, CommentSource.Citizen, "", "建议把生态日宣传与学校教育结合，规定教育部门的职责。", CommentHandling.NotAdopted, "学校生态文明教育已由教育法律法规规定，本条例不再重复。"),
        (8, CommentSource.ContactPoint, "", "牧区群众反映草原补奖政策与禁牧休牧衔接不够，建议明确草畜平衡要求。", CommentHandling.Adopted, null),
        (9, CommentSource.Citizen, "", "野生动物肇事损害补偿应当写进条例，解决牧民后顾之忧。", CommentHandling.Adopted, null),
        (11, CommentSource.Expert, "", "建议增加储能和电网建设的统筹规划要求，避免弃风弃光。", CommentHandling.PartlyAdopted, "电网规划属国家事权，条例作原则性规定。"),
        (12, CommentSource.Citizen, "", "第十二条内容与清洁生产促进法重复，建议删除。", CommentHandling.Adopted, null),
        (16, CommentSource.Deputy, "", "政府报告建设情况应当同时向社会公开。", CommentHandling.NotAdopted, "政府信息公开条例已有规定。"),
        (17, CommentSource.ContactPoint, "", "建议对举报属实的给予奖励。", CommentHandling.Adopted, null),
        (0, CommentSource.Citizen, "", "条例总体很好，希望尽快出台，并配套实施细则。", CommentHandling.Adopted, null),
    ];

    private static readonly string[] QinghaiPoints =
    [
        "格尔木市人大常委会基层立法联系点", "西宁市城东区东关大街街道", "西宁市城中区南滩街道", "西宁市城西区胜利路街道", "西宁市城北区朝阳街道", "大通县桥头镇", "湟中区鲁沙尔镇",
        "湟源县城关镇", "海东市乐都区碾伯镇", "平安区小峡镇", "民和县川口镇", "互助县威远镇", "化隆县巴燕镇", "循化县积石镇", "海北州门源县浩门镇", "祁连县八宝镇",
        "海晏县西海镇", "刚察县沙柳河镇", "黄南州同仁市隆务镇", "尖扎县马克唐镇", "海南州共和县恰卜恰镇", "贵德县河阴镇", "果洛州玛沁县大武镇", "玛多县玛查理镇",
        "玉树州玉树市结古街道", "囊谦县香达镇", "海西州德令哈市河西街道", "乌兰县茶卡镇", "省高级人民法院", "省人民检察院", "青海大学法学院", "青海民族大学法学院",
        "省律师协会", "省工商业联合会",
    ];

    private static readonly string[] HaixiPoints =
    [
        "格尔木市河西街道", "格尔木市郭勒木德镇", "德令哈市河东街道", "德令哈市尕海镇", "茫崖市花土沟镇", "乌兰县希里沟镇", "都兰县察汗乌苏镇", "天峻县新源镇",
        "大柴旦行委柴旦镇", "冷湖行委冷湖镇", "州中级人民法院", "青海柴达木职业技术学院",
    ];

    /// <summary>Qinghai's 21 regulations of 2024 (seed 004): title, kind, meeting day they were passed and promulgated.</summary>
    private static readonly (string Title, BillKind Kind, int Month, int Day)[] Qinghai2024 =
    [
        ("青海省红色资源保护传承条例", BillKind.New, 3, 29), ("青海省实施《中华人民共和国森林法》办法", BillKind.Amendment, 3, 29), ("青海省征收排污费管理办法", BillKind.Repeal, 3, 29),
        ("青海省大气污染防治条例", BillKind.Amendment, 3, 29), ("青海省盐湖产业高质量发展促进条例", BillKind.New, 5, 31), ("青海省铁路安全管理条例", BillKind.New, 5, 31),
        ("青海省禁毒条例", BillKind.Amendment, 5, 31), ("青海省消防条例", BillKind.Amendment, 5, 31), ("青海省枸杞产业发展促进条例", BillKind.New, 8, 1),
        ("青海省气象灾害防御条例", BillKind.New, 8, 1), ("青海省湿地保护条例", BillKind.Amendment, 8, 1), ("青海省农作物种子条例", BillKind.Amendment, 8, 1),
        ("青海省国家生态文明高地建设条例", BillKind.New, 9, 27), ("青海省社会信用条例", BillKind.New, 9, 27), ("青海省安全生产条例", BillKind.Amendment, 9, 27),
        ("青海省实施《中华人民共和国农业技术推广法》办法", BillKind.Repeal, 9, 27), ("青海省公共文化服务保障条例", BillKind.New, 11, 29), ("青海省见义勇为人员奖励和保护条例", BillKind.New, 11, 29),
        ("青海省水土保持条例", BillKind.Amendment, 11, 29), ("青海省旅游条例", BillKind.Amendment, 11, 29), ("青海省预防和制止家庭暴力条例", BillKind.Amendment, 11, 29),
    ];

    /// <summary>Who submitted the 38 regulations Qinghai approved in 2024, and what about.</summary>
    private static readonly (string By, string[] Titles)[] Approved2024 =
    [
        ("西宁市人大常委会", ["西宁市城市供水条例", "西宁市物业管理条例", "西宁市湟水河流域水环境保护条例", "西宁市文明行为促进条例", "西宁市养犬管理条例", "西宁市城市绿化条例"]),
        ("海东市人大常委会", ["海东市河湟文化保护传承条例", "海东市农村人居环境整治条例", "海东市城市市容和环境卫生管理条例", "海东市饮用水水源保护条例", "海东市历史文化名城保护条例"]),
        ("海北藏族自治州人大常委会", ["海北藏族自治州祁连山国家公园生态保护条例", "海北藏族自治州青海湖流域生态保护条例", "海北藏族自治州城乡规划管理条例", "海北藏族自治州草原防火条例"]),
        ("黄南藏族自治州人大常委会", ["黄南藏族自治州热贡文化保护条例", "黄南藏族自治州有机畜牧业促进条例", "黄南藏族自治州黄河干流水生态保护条例", "黄南藏族自治州城镇供热条例"]),
        ("海南藏族自治州人大常委会", ["海南藏族自治州清洁能源产业促进条例", "海南藏族自治州龙羊峡库区生态保护条例", "海南藏族自治州农牧区饮水安全条例", "海南藏族自治州防沙治沙条例"]),
        ("果洛藏族自治州人大常委会", ["果洛藏族自治州黄河源头生态保护条例", "果洛藏族自治州草原生态管护条例", "果洛藏族自治州城镇建设管理条例", "果洛藏族自治州藏医药传承发展条例"]),
        ("玉树藏族自治州人大常委会", ["玉树藏族自治州三江源生态保护条例", "玉树藏族自治州冬虫夏草采集管理条例", "玉树藏族自治州城镇管理条例", "玉树藏族自治州民族团结进步条例"]),
        ("大通回族土族自治县人大常委会", ["大通回族土族自治县北川河流域保护条例", "大通回族土族自治县自治条例（修正）"]),
        ("互助土族自治县人大常委会", ["互助土族自治县土族文化保护条例", "互助土族自治县北山国家森林公园保护条例"]),
        ("循化撒拉族自治县人大常委会", ["循化撒拉族自治县孟达天池保护条例", "循化撒拉族自治县街子古镇保护条例"]),
        ("河南蒙古族自治县人大常委会", ["河南蒙古族自治县草原生态保护条例"]),
    ];

    /// <summary>Haixi's four regulations of seed 000, submitted to and approved by Qinghai, then promulgated by Haixi.</summary>
    private static readonly (string Title, DateOnly Passed, DateOnly Approved, DateOnly Promulgated)[] Haixi4 =
    [
        ("海西蒙古族藏族自治州冷湖天文观测环境保护条例", new(2023, 2, 24), new(2023, 3, 30), new(2023, 4, 10)),
        ("海西蒙古族藏族自治州木里矿区生态环境保护条例", new(2023, 4, 27), new(2023, 5, 31), new(2023, 6, 12)),
        ("海西蒙古族藏族自治州生态旅游高质量发展促进条例", new(2023, 8, 30), new(2023, 9, 27), new(2023, 10, 9)),
        ("海西蒙古族藏族自治州促进民族团结进步条例", new(2023, 10, 27), new(2023, 11, 29), new(2023, 12, 11)),
    ];

    /// <summary>A Haixi bill in progress this year: its draft is out for public comment now.</summary>
    public const string WaterDraft = """
        海西蒙古族藏族自治州柴达木盆地水资源保护条例（草案）
        第一章 总则
        第一条 为了保护和合理利用柴达木盆地水资源，保障生活、生产和生态用水，根据《中华人民共和国水法》等法律法规，结合本州实际，制定本条例。
        第二条 本州行政区域内柴达木盆地水资源的规划、保护、开发、利用、节约和管理，适用本条例。
        第三条 水资源保护应当坚持节水优先、空间均衡、系统治理、两手发力，统筹生活、生产和生态用水。
        第二章 规划与配置
        第四条 州人民政府水行政主管部门应当会同有关部门编制柴达木盆地水资源综合规划，报州人民政府批准后实施。
        第五条 实行用水总量和强度双控，县级人民政府应当将用水总量控制指标分解到乡镇和主要用水户。
        第六条 盐湖化工、新能源等重点产业项目应当进行水资源论证，未经论证或者论证不通过的，不得批准取水。
        第三章 保护与节约
        第七条 县级以上人民政府应当划定饮用水水源保护区，设置明显的地理界标和警示标志。
        第八条 禁止在地下水超采区新增取用地下水，已超采的应当制定压采方案并限期实施。
        第九条 工业企业应当采用节水工艺和设备，提高水的重复利用率；城镇新建公共建筑应当安装节水器具。
        第十条 鼓励利用再生水、微咸水和矿井疏干水，再生水可以满足需要的，不得使用新水。
        第四章 法律责任
        第十一条 违反本条例第八条规定，擅自新增取用地下水的，由县级以上人民政府水行政主管部门责令停止违法行为，依法给予处罚。
        第十二条 本条例自公布之日起施行。
        """;

    private sealed class Story(RendaDbContext db, WorkCalendar calendar)
    {
        private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
        private static DateTime At(DateOnly d, int hour = 2) => d.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        private readonly Dictionary<int, List<LegislativeContactPoint>> _points = [];

        public async Task ContactPointsAsync(Congress qinghai, Congress haixi, CancellationToken ct)
        {
            _points[qinghai.Id] = QinghaiPoints.Select((n, i) => new LegislativeContactPoint
            {
                CongressId = qinghai.Id, Name = n, National = i == 0, Location = n.Contains("市", StringComparison.Ordinal) || n.Contains("州", StringComparison.Ordinal) || n.Contains("县", StringComparison.Ordinal) || n.Contains("区", StringComparison.Ordinal) ? n : "西宁市",
                EstablishedOn = new DateOnly(2019 + i % 5, 3 + i % 9, 1),
            }).ToList();
            _points[haixi.Id] = HaixiPoints.Select((n, i) => new LegislativeContactPoint
            {
                CongressId = haixi.Id, Name = n, Location = n.StartsWith("州", StringComparison.Ordinal) || n.StartsWith("青海", StringComparison.Ordinal) ? "德令哈市" : n, EstablishedOn = new DateOnly(2020 + i % 3, 6, 1),
            }).ToList();
            // Haixi deputies work with the first three Haixi points, three each (the first point's take part in its consultation below).
            var deputies = await db.Deputies.Where(d => d.CongressId == haixi.Id && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Skip(60).Take(9).Select(d => d.Id).ToListAsync(ct);
            for (var k = 0; k < deputies.Count && k / 3 < _points[haixi.Id].Count; k++)
                _points[haixi.Id][k / 3].Deputies.Add(new ContactPointDeputy { DeputyId = deputies[k], AssignedOn = _points[haixi.Id][k / 3].EstablishedOn });
            db.AddRange(_points[qinghai.Id]);
            db.AddRange(_points[haixi.Id]);
            await db.SaveChangesAsync(ct);
        }

        public async Task QinghaiAsync(Congress qinghai, CancellationToken ct)
        {
            // The 2024 plan: every regulation made that year was a formal project; two more were researched.
            var number = 0;
            foreach (var (title, kind, month, day) in Qinghai2024)
            {
                var on = new DateOnly(2024, month, day);
                var project = new PlanProject
                {
                    CongressId = qinghai.Id, Year = 2024, Category = PlanCategory.Formal, Title = title, Sponsor = kind == BillKind.Repeal ? "省人大常委会法制工作委员会" : "省人民政府",
                    TargetMeeting = $"{month}月常委会会议",
                };
                project.Take(PlanProjectAction.Complete);
                db.Add(project);
                await db.SaveChangesAsync(ct);
                var bill = new Bill
                {
                    CongressId = qinghai.Id, Kind = kind, Title = title, Sponsor = project.Sponsor, PlanProjectId = project.Id, CreatedAt = At(on.AddMonths(-4)),
                    FewerReadingsReason = kind == BillKind.New ? null : "属部分修改（废止），各方面意见一致，经一次常委会会议审议即交付表决",
                };
                bill.StartReview(on.AddDays(-2));
                bill.Decide(true, on, null);
                bill.Promulgate(++number, on, needsApproval: false);
                db.Add(bill);
                await db.SaveChangesAsync(ct);
                project.BillId = bill.Id;
                db.Add(new FilingHandover { BillId = bill.Id, ToCongressId = qinghai.ParentId!.Value, HandedOverAt = At(on.AddDays(10)), Note = "已报全国人大常委会和国务院备案。" });
                if (title == "青海省国家生态文明高地建设条例") await EcoAsync(qinghai, bill, ct);
            }
            db.Add(Started(new PlanProject { CongressId = qinghai.Id, Year = 2024, Category = PlanCategory.Preparatory, Title = "青海省促进清洁能源产业发展条例", Sponsor = "省人民政府" }));
            db.Add(Started(new PlanProject { CongressId = qinghai.Id, Year = 2024, Category = PlanCategory.Research, Title = "青海省国际生态旅游目的地建设促进条例", Sponsor = "省人大常委会法制工作委员会" }));

            // The 38 approvals, decided at the six meetings of 2024.
            var rules = await Settings.ForAsync<LegislationSettings>(db, qinghai.Id, ct);
            var meetings = await db.Set<Meeting>().Where(m => m.CongressId == qinghai.Id && m.StartsOn.Year == 2024).OrderBy(m => m.StartsOn).ToListAsync(ct);
            var k = 0;
            foreach (var (by, titles) in Approved2024)
                foreach (var title in titles)
                {
                    var meeting = meetings.Count == 0 ? null : meetings[k % meetings.Count];
                    var decided = meeting?.EndsOn ?? new DateOnly(2024, 3 + k % 9, 28);
                    var submitted = decided.AddDays(-40 - k % 30);
                    var a = new Approval
                    {
                        CongressId = qinghai.Id, SubmittedBy = by, Title = title, Kind = title.Contains("修正", StringComparison.Ordinal) ? BillKind.Amendment : BillKind.New, SubmittedOn = submitted,
                        CreatedAt = At(submitted),
                    };
                    Approve(a, meeting?.Id, decided);
                    db.Add(a);
                    await db.SaveChangesAsync(ct);
                    LegislationClocks.StartApproval(db, calendar, rules, a).Complete(At(decided));
                    k++;
                }
            await db.SaveChangesAsync(ct);
        }

        /// <summary>三审出台: the draft, the second-reading and the voting versions, each read at a meeting of the meetings demo, with comments after the first reading.</summary>
        private async Task EcoAsync(Congress qinghai, Bill bill, CancellationToken ct)
        {
            bill.CreatedAt = At(new DateOnly(2024, 3, 10));
            var items = await db.Set<AgendaItem>().Where(a => a.Kind == AgendaItemKind.BillReading && a.Title.StartsWith("青海省国家生态文明高地建设条例"))
                .Join(db.Set<Meeting>().Where(m => m.CongressId == qinghai.Id), a => a.MeetingId, m => m.Id, (a, m) => new { Item = a, Meeting = m })
                .OrderBy(x => x.Meeting.StartsOn).ToListAsync(ct);

            var draft = LegalTextParser.ParsePlain(EcoDraft);
            var v1 = Version(bill, 1, "草案（一审稿）", draft, null, new DateOnly(2024, 3, 10));
            db.Add(v1);
            await db.SaveChangesAsync(ct);

            // Second-reading version: the law committee's revisions after the first reading and the public comment.
            var second = BillText.FromJson(v1.Document);
            var arts = second.Articles().ToList();
            Reword(arts[2], "国家生态文明高地建设应当坚持生态保护优先、依法保护，坚持山水林田湖草沙冰一体化保护和系统治理，坚持绿色发展、共建共享。");
            Reword(arts[7], "县级以上人民政府应当加强冰川、冻土、湿地、草原等生态系统保护，落实草畜平衡和禁牧休牧制度，开展退化草原、沙化土地综合治理。");
            LegalTextEdits.InsertAfter(second, arts[8].Id, LegalTextEdits.NewArticle("因保护国家重点保护野生动物造成人员伤亡、农作物或者牲畜等财产损失的，由当地人民政府依法给予补偿。"));
            LegalTextEdits.Delete(second, arts[11].Id);
            LegalTextEdits.MoveAfter(second, arts[16].Id, arts[14].Id);
            Reword(arts[16], "鼓励公民、法人和其他组织参与国家生态文明高地建设，对破坏生态环境的行为进行举报；举报属实的，按照规定给予奖励。");
            var v2 = Version(bill, 2, "草案修改稿（二审稿）", second, v1.Id, new DateOnly(2024, 7, 20));
            db.Add(v2);
            await db.SaveChangesAsync(ct);

            var third = BillText.FromJson(v2.Document);
            var arts3 = third.Articles().ToList();
            Reword(arts3[0], "为了推进国家生态文明高地建设，筑牢国家生态安全屏障，促进人与自然和谐共生，推动高质量发展，根据有关法律、行政法规，结合本省实际，制定本条例。");
            Reword(arts3[^1], "本条例自2024年11月1日起施行。");
            var v3 = Version(bill, 3, "草案表决稿（三审稿）", third, v2.Id, new DateOnly(2024, 9, 20));
            db.Add(v3);
            await db.SaveChangesAsync(ct);

            db.Add(new ComparisonReason { BillId = bill.Id, FromVersionId = v1.Id, ToVersionId = v2.Id, RowKey = arts[2].Id, Reason = "根据公众意见，增加依法保护的原则。" });
            db.Add(new ComparisonReason { BillId = bill.Id, FromVersionId = v1.Id, ToVersionId = v2.Id, RowKey = arts[7].Id, Reason = "吸收基层立法联系点意见，明确草畜平衡和禁牧休牧要求。" });
            db.Add(new ComparisonReason { BillId = bill.Id, FromVersionId = v1.Id, ToVersionId = v2.Id, RowKey = arts[11].Id, Reason = "与清洁生产促进法重复，删去。" });

            // Readings: the agenda items the meetings demo put on the 2024 meetings, now linked to the bill.
            var versions = new[] { v1, v2, v3 };
            string[] explanations =
            [
                "关于《青海省国家生态文明高地建设条例（草案）》的说明：为贯彻习近平总书记考察青海重要讲话精神，以法治保障国家生态文明高地建设，省人民政府提请审议本条例草案。",
                "省人大法制委员会关于《青海省国家生态文明高地建设条例（草案）》修改情况的报告：根据常委会组成人员审议意见和社会公众意见，对草案作了以下修改……",
                "省人大法制委员会关于《青海省国家生态文明高地建设条例（草案）》审议结果的报告：草案经过三次审议，已经比较成熟，建议本次会议表决通过。",
            ];
            for (var i = 0; i < items.Count && i < 3; i++)
            {
                var (item, meeting) = (items[i].Item, items[i].Meeting);
                item.SubjectType = BillWorkflow.Subject;
                item.SubjectId = bill.Id;
                versions[i].Frozen = true;
                db.Add(new BillReading
                {
                    BillId = bill.Id, Ordinal = i + 1, Stage = Enum.GetValues<ReadingStage>()[i], MeetingId = meeting.Id, AgendaItemId = item.Id, VersionId = versions[i].Id, MeetingOn = meeting.StartsOn,
                    Final = i == 2, Explanation = i == 0 ? explanations[0] : null, RevisionReport = i == 1 ? explanations[1] : null, ResultReport = i == 2 ? explanations[2] : null,
                });
                if (i == 2)
                {
                    bill.FinalVoteId = await db.Set<Vote>().Where(v => v.AgendaItemId == item.Id && v.Kind == VoteKind.Whole).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
                    bill.PassedOn = meeting.EndsOn;
                    bill.PromulgatedOn = meeting.EndsOn;
                    bill.LastReadingOn = meeting.StartsOn;
                }
            }
            bill.FewerReadingsReason = null;

            // Public comment on the first-reading draft: 31 days after the first reading, summary published (every comment has its verdict below).
            var period = new CommentPeriod
            {
                BillId = bill.Id, VersionId = v1.Id, OpensOn = new DateOnly(2024, 4, 8), ClosesOn = new DateOnly(2024, 5, 8), CreatedAt = At(new DateOnly(2024, 4, 8)),
                Points = _points[qinghai.Id].Take(6).Select(p => new CommentPeriodPoint { ContactPointId = p.Id }).ToList(),
            };
            period.PublishSummary("本次征求意见共收到意见10条，采纳6条，部分采纳2条，未采纳2条。法制委员会逐条研究，采纳情况如下。",
                new DateOnly(2024, 7, 25), At(new DateOnly(2024, 7, 25)), pending: 0);
            db.Add(period);
            await db.SaveChangesAsync(ct);
            var deputy = await db.Deputies.Where(d => d.CongressId == qinghai.Id).OrderBy(d => d.Id).Select(d => new { d.Id, d.Person!.Name }).FirstOrDefaultAsync(ct);
            var n = 0;
            foreach (var (article, source, _, text, handling, reason) in EcoComments)
            {
                var node = article == 0 ? null : arts[article - 1];
                var point = source == CommentSource.ContactPoint ? _points[qinghai.Id][n % 6] : null;
                var comment = new BillComment
                {
                    CommentPeriodId = period.Id, BillId = bill.Id, NodeId = node?.Id, ArticleLabel = node?.Label, Source = source, Text = text,
                    TextHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                    Name = source switch { CommentSource.Deputy => deputy?.Name, CommentSource.ContactPoint => point!.Name, CommentSource.Expert => "青海大学法学院教授", _ => null },
                    DeputyId = source == CommentSource.Deputy ? deputy?.Id : null, ContactPointId = point?.Id,
                    CreatedAt = At(new DateOnly(2024, 4, 10).AddDays(n * 2)),
                    // A citizen's comment has its receipt code, fixed in the demo so that the receipt page can be tried.
                    ReceiptCode = source == CommentSource.Citizen ? $"DEMOYJ{n + 1:D4}" : null,
                };
                // Replayed as staff did it: sorted with the similar ones first, then decided.
                comment.Sort(At(new DateOnly(2024, 5, 20)));
                comment.Decide(handling, reason, At(new DateOnly(2024, 6, 20)));
                db.Add(comment);
                n++;
            }
            await db.SaveChangesAsync(ct);
        }

        private static PlanProject Started(PlanProject p)
        {
            p.Take(PlanProjectAction.Start);
            return p;
        }

        /// <summary>The province's review and vote, replayed: findings of no conflict, on a meeting (without agenda records in the demo), approved.</summary>
        private static void Approve(Approval a, int? meetingId, DateOnly decided)
        {
            a.RecordFindings("经审查，该条例同宪法、法律、行政法规和本省地方性法规不抵触，建议批准。", conflict: false);
            a.PutOnAgenda(meetingId, null);
            a.Decide(true, decided, null);
        }

        private static void Reword(LegalNode article, string text)
        {
            var fresh = LegalTextEdits.NewArticle(text);
            article.Children.Clear();
            article.Children.AddRange(fresh.Children);
        }

        private BillVersion Version(Bill bill, int number, string label, LegalDocument doc, int? from, DateOnly on)
            => new()
            {
                BillId = bill.Id, Number = number, Label = label, DerivedFromId = from, Document = BillText.ToJson(doc), ArticleCount = doc.Articles().Count(), CreatedAt = At(on),
            };

        public async Task HaixiAsync(Congress haixi, Congress qinghai, CancellationToken ct)
        {
            // The four regulations of 2023, approved by the province before Haixi promulgated them.
            var number = 0;
            var rules = await Settings.ForAsync<LegislationSettings>(db, qinghai.Id, ct);
            foreach (var (title, passed, approved, promulgated) in Haixi4)
            {
                var bill = new Bill { CongressId = haixi.Id, Kind = BillKind.New, Title = title, Sponsor = "州人民政府", CreatedAt = At(passed.AddMonths(-6)) };
                bill.StartReview(passed);
                bill.Decide(true, passed, null);
                bill.SubmitForApproval();
                bill.ApprovalDecided(true);
                bill.Promulgate(++number, promulgated, needsApproval: true);
                db.Add(bill);
                await db.SaveChangesAsync(ct);
                var a = new Approval
                {
                    CongressId = qinghai.Id, FromCongressId = haixi.Id, BillId = bill.Id, SubmittedBy = haixi.StandingCommitteeName, Title = title, Kind = BillKind.New,
                    SubmittedOn = passed.AddDays(5), CreatedAt = At(passed.AddDays(5)),
                };
                Approve(a, null, approved);
                db.Add(a);
                db.Add(new FilingHandover { BillId = bill.Id, ToCongressId = qinghai.Id, HandedOverAt = At(promulgated.AddDays(7)), Note = "已报省人大常委会备案。" });
                await db.SaveChangesAsync(ct);
                LegislationClocks.StartApproval(db, calendar, rules, a).Complete(At(approved));
            }

            // This year's plan, with a bill whose draft is out for public comment now and a bill shelved since 2024.
            var today = WorkCalendar.Today(db.Clock);
            var year = today.Year;
            var legal = await db.Committees.Where(c => c.CongressId == haixi.Id && c.Name == "法制委员会").Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            var water = Started(new PlanProject { CongressId = haixi.Id, Year = year, Category = PlanCategory.Formal, Title = "海西蒙古族藏族自治州柴达木盆地水资源保护条例", Sponsor = "州人民政府", CommitteeId = legal, TargetMeeting = "12月常委会会议" });
            db.AddRange(water,
                new PlanProject { CongressId = haixi.Id, Year = year, Category = PlanCategory.Formal, Title = "海西蒙古族藏族自治州城市绿化条例（修订）", Sponsor = "州人民政府", CommitteeId = legal, TargetMeeting = "10月常委会会议" },
                new PlanProject { CongressId = haixi.Id, Year = year, Category = PlanCategory.Preparatory, Title = "海西蒙古族藏族自治州枸杞产业促进条例", Sponsor = "州人民政府" },
                Started(new PlanProject { CongressId = haixi.Id, Year = year, Category = PlanCategory.Research, Title = "海西蒙古族藏族自治州盐湖资源综合利用条例", Sponsor = "州人大常委会法制工作委员会" }));
            await db.SaveChangesAsync(ct);
            var bill2 = new Bill
            {
                CongressId = haixi.Id, Kind = BillKind.New, Title = water.Title, Sponsor = water.Sponsor, CommitteeId = legal, PlanProjectId = water.Id,
                CreatedAt = At(today.AddDays(-40)),
            };
            db.Add(bill2);
            await db.SaveChangesAsync(ct);
            water.BillId = bill2.Id;
            var doc = LegalTextParser.ParsePlain(WaterDraft);
            var v = Version(bill2, 1, "草案（征求意见稿）", doc, null, today.AddDays(-30));
            v.Frozen = true;
            db.Add(v);
            await db.SaveChangesAsync(ct);
            var opens = today.AddDays(-14);
            var haixiRules = await Settings.ForAsync<LegislationSettings>(db, haixi.Id, ct);
            var period = new CommentPeriod
            {
                BillId = bill2.Id, VersionId = v.Id, OpensOn = opens, ClosesOn = opens.AddDays(haixiRules.CommentMinDays - 1), CreatedAt = At(opens),
                Points = _points[haixi.Id].Take(5).Select(p => new CommentPeriodPoint { ContactPointId = p.Id }).ToList(),
            };
            db.Add(period);
            await db.SaveChangesAsync(ct);
            var arts = doc.Articles().ToList();
            (int Article, CommentSource Source, string Text)[] comments =
            [
                (6, CommentSource.ContactPoint, "盐湖企业用水量大，建议明确水资源论证由谁组织、多长时间完成。"),
                (8, CommentSource.Citizen, "地下水压采要考虑牧民饮水，建议给牧区生活用水留出余地。"),
                (10, CommentSource.Citizen, "建议对使用再生水的企业给予水价优惠。"),
            ];
            var i = 0;
            foreach (var (article, source, text) in comments)
            {
                var point = source == CommentSource.ContactPoint ? _points[haixi.Id][0] : null;
                var comment = new BillComment
                {
                    CommentPeriodId = period.Id, BillId = bill2.Id, NodeId = arts[article - 1].Id, ArticleLabel = arts[article - 1].Label, Source = source, Text = text,
                    TextHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), Name = point?.Name, ContactPointId = point?.Id,
                    CreatedAt = At(opens.AddDays(1 + i++)),
                    // Two of the point's three deputies came to the point's 座谈会 on the draft (the archive's backfill records it).
                    Deputies = point is null ? [] : point.Deputies.Take(2).Select(d => new BillCommentDeputy { DeputyId = d.DeputyId }).ToList(),
                    ReceiptCode = source == CommentSource.Citizen ? $"DEMOYJ{100 + i:D4}" : null,
                };
                // The first citizen's comment has been sorted with the others on groundwater (已整理); the second is only received.
                if (article == 8) comment.Sort(At(today.AddDays(-3)));
                db.Add(comment);
            }

            // Shelved: read once in June 2024, never again — flagged 搁置满两年 from June of this year.
            var june2024 = await db.Set<Meeting>().Include(m => m.Agenda).Where(m => m.CongressId == haixi.Id && m.StartsOn.Year == 2024 && m.StartsOn.Month == 6).FirstOrDefaultAsync(ct);
            if (june2024 is not null)
            {
                var shelved = new Bill
                {
                    CongressId = haixi.Id, Kind = BillKind.New, Title = "海西蒙古族藏族自治州物业管理条例", Sponsor = "州人民政府", CreatedAt = At(june2024.StartsOn.AddMonths(-2)),
                };
                shelved.StartReview(june2024.StartsOn);
                db.Add(shelved);
                await db.SaveChangesAsync(ct);
                var sv = Version(shelved, 1, "草案", LegalTextParser.ParsePlain("""
                    海西蒙古族藏族自治州物业管理条例（草案）
                    第一条 为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。
                    第二条 本州行政区域内的物业管理活动及其监督管理，适用本条例。
                    第三条 业主大会的成立、业主委员会的选举，依照有关法律法规和本条例执行。
                    第四条 本条例自公布之日起施行。
                    """), null, june2024.StartsOn.AddDays(-10));
                sv.Frozen = true;
                db.Add(sv);
                var item = new AgendaItem
                {
                    Kind = AgendaItemKind.BillReading, Title = "审议《海西蒙古族藏族自治州物业管理条例（草案）》（一审）", SubjectType = BillWorkflow.Subject, SubjectId = shelved.Id,
                    Order = june2024.Agenda.Count + 1,
                };
                item.RecordOutcome(AgendaOutcome.Deliberated, "分组审议，对业主委员会备案等问题分歧较大，暂不安排再次审议");
                june2024.Agenda.Add(item);
                await db.SaveChangesAsync(ct);
                db.Add(new BillReading { BillId = shelved.Id, Ordinal = 1, Stage = ReadingStage.First, MeetingId = june2024.Id, AgendaItemId = item.Id, VersionId = sv.Id, MeetingOn = june2024.StartsOn });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}

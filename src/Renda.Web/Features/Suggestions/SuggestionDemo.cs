using System.Globalization;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// The suggestions of the demo story (runs after DemoData, in demo mode only; idempotent):
/// Haixi's 2023 — the 34 suggestions of seed report 000, "年内共办结34件，办复率和满意率均达到100%" —
/// and the current year with a suggestion in every state. History is replayed through the state
/// machine (the Suggestion methods) with the dates it happened on, and the legal clocks are started
/// and ended as SuggestionWorkflow does (Deadlines.Start, then Complete or Cancel at that moment),
/// so every record is one the workflow could have produced. The audit trail records the load itself,
/// at the time it ran, by "system".
/// </summary>
public static class SuggestionDemo
{
    public const string CongressCode = "632800";
    /// <summary>州十五届人大二次会议 (illustrative dates): suggestions made during it are received by the standing committee on its closing day.</summary>
    public static readonly DateOnly Session2023Opens = new(2023, 1, 6), Session2023Closes = new(2023, 1, 9);

    /// <summary>
    /// Qinghai's own regulation on deputies' suggestions (DOMAIN.md; 1990, amended 1999-01-27), cited by the clocks of both demo
    /// congresses (the province and Haixi prefecture) beside the national law. Only its title is cited: its article numbers could
    /// not be checked against its text, and a wrong article is worse than none.
    /// </summary>
    public const string QinghaiRule = "《青海省县级以上人民代表大会代表议案暨代表建议、批评和意见的规定》（1999年修正）";

    private static async Task CiteQinghaiRulesAsync(RendaDbContext db, CancellationToken ct)
    {
        foreach (var code in new[] { CongressCode, "630000" })
        {
            if (await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is not { } congress)
                continue;
            var st = await Settings.ForAsync<SuggestionSettings>(db, congress.Id, ct);
            st.AssignBasis = st.ReassignBasis = st.ContactBasis = st.CoViewsBasis = st.AnswerBasis = st.RatingBasis = st.RehandleBasis
                = $"{SuggestionSettings.NationalBasis}；{QinghaiRule}";
            await Settings.SaveAsync(db, congress.Id, st, ct);
        }
    }

    public static async Task EnsureAsync(RendaDbContext db, WorkCalendar calendar, CancellationToken ct = default)
    {
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == CongressCode, ct);
        if (haixi is null || await db.Set<Suggestion>().AnyAsync(s => s.CongressId == haixi.Id && s.Number == "2023-001", ct))
            return;
        // DemoData leaves thousands of saved entities tracked; each save would scan them all.
        if (!db.ChangeTracker.HasChanges())
            db.ChangeTracker.Clear();
        await CiteQinghaiRulesAsync(db, ct);
        var cast = await Cast.LoadAsync(db, haixi, ct);
        var story = new Story(db, calendar, cast, await Settings.ForAsync<SuggestionSettings>(db, haixi.Id, ct));
        Haixi2023(story);
        CurrentYear(story, WorkCalendar.Today(db.Clock));
        await story.RunAsync(ct);
    }

    // --- Haixi 2023: 34 suggestions, all assigned, answered on time, rated 满意 ---------------------

    private sealed record Item(string Title, string Category, string Unit, string? CoUnit, string AnswerCategory, string Content, string Reply,
        bool Key = false, bool FaceToFace = false, int? CoSigner = null, string? Promise = null, bool PromiseOpen = false);

    private static readonly Item[] Session2023 =
    [
        new("关于加强冷湖天文观测基地光污染防控的建议", "生态环境", "生态环境局", "发展和改革委员会", "A",
            "冷湖赛什腾山已成为国内重要的光学天文观测基地，随着周边旅游和矿产开发，夜间照明逐年增多。建议依照《冷湖天文观测环境保护条例》划定暗夜保护核心区和缓冲区，对保护区内道路、景区和企业照明实行限时、限向、限色管理，布设光污染监测点并定期通报。",
            "我局已会同冷湖行委对保护区内照明设施开展全面排查，完成23处不合规灯具改造，在赛什腾山周边布设4个夜天光背景监测点，监测数据按季度向社会公布。", Key: true, FaceToFace: true, CoSigner: 3),
        new("关于持续推进木里矿区生态修复后期管护的建议", "生态环境", "自然资源局", "林业和草原局", "B",
            "木里矿区生态环境综合整治三年行动取得明显成效，但渣山复绿、采坑边坡的植被成活率仍需巩固。建议落实《木里矿区生态环境保护条例》，建立修复区后期管护责任清单，保障管护资金，开展植被成活率年度评估。",
            "我局已制定木里矿区修复区后期管护方案，明确管护主体和责任清单，2023年安排管护资金并委托第三方开展植被成活率评估，评估结果将纳入年度生态考核。", Key: true, FaceToFace: true,
            Promise: "2024年9月底前完成木里矿区修复区植被成活率第三方评估并公布结果"),
        new("关于支持建设世界级盐湖产业基地人才引进的建议", "经济发展", "发展和改革委员会", "人力资源和社会保障局", "B",
            "建设世界级盐湖产业基地，人才是关键。目前盐湖化工、新材料领域高端人才短缺、引进后留不住。建议设立盐湖产业人才专项，完善住房、子女入学、医疗等配套保障，推动校企共建实训基地。",
            "州发展改革委会同人社部门已起草盐湖产业人才引进专项办法，明确安家补助、子女入学和医疗保障等措施，并与省内高校签订共建实训基地框架协议。", Key: true,
            Promise: "2023年底前出台盐湖产业人才引进专项办法"),
        new("关于优化格尔木市城市公交线路和发车班次的建议", "城乡建设", "交通运输局", null, "A",
            "格尔木市城区近年向东、向南拓展，新建小区和工业园区公交覆盖不足，部分线路高峰时段候车时间超过30分钟。建议优化线网布局，增开至昆仑经济技术开发区的线路，高峰时段加密班次。",
            "我局已指导格尔木市完成公交线网优化，新开通至昆仑经济技术开发区2条线路，调整3条线路走向，早晚高峰发车间隔缩短至12分钟以内。"),
        new("关于改善牧区寄宿制学校冬季取暖条件的建议", "教育", "教育局", null, "A",
            "天峻、乌兰等地牧区寄宿制学校冬季漫长，部分学校仍使用燃煤小锅炉，宿舍温度偏低、煤烟隐患大。建议统筹资金实施清洁取暖改造，保障学生宿舍室温不低于18摄氏度。",
            "我局已将牧区寄宿制学校清洁取暖改造纳入年度民生实事，完成6所学校空气源热泵改造，宿舍室温达到18摄氏度以上，并建立冬季取暖巡查制度。", FaceToFace: true, CoSigner: 5),
        new("关于扶持柴达木枸杞品牌建设和精深加工的建议", "农业农村", "农业农村局", null, "B",
            "柴达木枸杞品质优良，但以原果销售为主，精深加工比例低，品牌溢价不足。建议加大“柴达木枸杞”区域公用品牌宣传推广，扶持枸杞原浆、枸杞多糖等精深加工项目，完善质量追溯体系。",
            "我局已制定柴达木枸杞产业高质量发展方案，安排专项资金支持精深加工企业技术改造，“柴达木枸杞”区域公用品牌已在全国农产品展会集中推介。",
            Promise: "2024年6月底前建成柴达木枸杞全程质量追溯平台"),
        new("关于加快德令哈市老旧小区集中供暖管网改造的建议", "城乡建设", "住房和城乡建设局", null, "A",
            "德令哈市部分2000年前建成的老旧小区供暖管网老化，跑冒滴漏严重，末端住户室温长期不达标。建议将供暖管网改造纳入老旧小区改造计划，分年度实施。",
            "我局已将12个老旧小区供暖管网改造纳入2023年城镇老旧小区改造计划，改造管网18公里，供暖季前全部完工，末端住户室温达标。", FaceToFace: true),
        new("关于提高乡村医生待遇、稳定村医队伍的建议", "医疗卫生", "卫生健康委员会", "财政局", "B",
            "我州村医平均年龄偏大，待遇偏低，年轻人不愿从事村医工作，部分牧区村卫生室面临无人值守。建议提高村医基本公共卫生服务补助标准，落实养老保险补助，开展定向培养。",
            "州卫生健康委已会同财政部门提高村医补助标准，落实村医参加城乡居民养老保险补助，并与青海卫生职业技术学院开展定向培养，首批招收30名学员。",
            Promise: "2023年11月底前完成村医补助标准调整并足额发放"),
        new("关于落实草原生态保护补助奖励政策、及时足额发放补奖资金的建议", "农业农村", "林业和草原局", "财政局", "A",
            "草原生态保护补助奖励政策深受牧民欢迎，但个别地方补奖资金发放不及时，草畜平衡核定不够精准。建议规范资金发放程序，实行“一卡通”直达牧户，加强草畜平衡监管。",
            "我局已会同财政部门规范补奖资金发放程序，全部通过惠民惠农“一卡通”直接发放到户，并完成年度草畜平衡核定。"),
        new("关于加强牧区学校双语教师队伍建设的建议", "教育", "教育局", null, "B",
            "牧区学校双语教师结构性短缺，音体美和信息技术学科尤为突出。建议加大双语教师招聘和培训力度，落实乡村教师生活补助，建立城乡教师交流轮岗制度。",
            "我局已制定牧区学校教师队伍建设三年计划，2023年招聘双语教师45名，开展专项培训600人次，并落实乡村教师生活补助。",
            Promise: "2024年8月底前完成第二批牧区学校双语教师招聘"),
        new("关于建设都兰县热水乡卫生院标准化发热门诊的建议", "医疗卫生", "卫生健康委员会", null, "A",
            "都兰县热水乡地处偏远，群众就医需往返县城上百公里。建议支持热水乡卫生院建设标准化发热门诊，配齐检验检查设备，提升基层首诊能力。",
            "州卫生健康委已将热水乡卫生院发热门诊纳入基层医疗卫生服务能力提升项目，完成建设并配备全自动生化分析仪等设备。"),
        new("关于支持茫崖市饮水安全巩固提升工程的建议", "城乡建设", "水利局", null, "A",
            "茫崖市水资源匮乏，部分矿区和城郊居民点供水保障能力不足，水质季节性超标。建议实施饮水安全巩固提升工程，新建水源地保护设施和净水设备。",
            "我局已争取农村供水保障项目资金，实施茫崖市饮水安全巩固提升工程，新建净水设施2处，供水水质全部达标。"),
        new("关于推动海西州生态旅游线路串联发展的建议", "经济发展", "文体旅游广电局", null, "A",
            "我州翡翠湖、察尔汗盐湖、德令哈“海西里”、茶卡等景点分散，游客停留时间短。建议依照生态旅游高质量发展促进条例，规划串联精品线路，完善沿线驿站和标识。",
            "我局已发布“柴达木大环线”等4条精品旅游线路，完善沿线旅游驿站和标识标牌，与周边省区开展跨省区旅游线路联合推广。", FaceToFace: true),
        new("关于加强柴达木盆地防沙治沙和防护林建设的建议", "生态环境", "林业和草原局", null, "B",
            "柴达木盆地风沙危害严重，部分绿洲边缘和交通干线沿线流沙侵袭。建议实施防沙治沙重点工程，加强防护林带建设和后期管护。",
            "我局已申报柴达木盆地防沙治沙重点工程，2023年完成防沙治沙任务10万亩，新建防护林带并落实管护责任。",
            Promise: "分年度实施柴达木盆地防沙治沙重点工程，2027年前完成主要绿洲边缘防护林带建设", PromiseOpen: true),
        new("关于完善高海拔地区城乡居民医保异地就医结算的建议", "社会保障", "人力资源和社会保障局", null, "A",
            "我州外出务工和异地居住人员较多，异地就医报销手续繁琐。建议扩大异地就医直接结算定点医疗机构范围，简化备案流程。",
            "我局已会同医保部门推行异地就医备案“网上办、掌上办”，扩大直接结算定点医疗机构范围，群众备案时间缩短至1个工作日内。"),
        new("关于加快乌兰县农村公路养护和危桥改造的建议", "城乡建设", "交通运输局", null, "A",
            "乌兰县部分农村公路建成年代久、路面破损，个别桥梁被鉴定为危桥，影响群众出行安全。建议加大养护资金投入，实施危桥改造。",
            "我局已将乌兰县3座危桥改造纳入年度计划并完工，落实农村公路养护资金，路况明显改善。"),
        new("关于提升县级中学教育教学质量的建议", "教育", "教育局", null, "A",
            "县级中学优质生源和骨干教师流失，高考本科上线率与州府城市差距较大。建议实施县中振兴计划，加强州内优质学校与县中结对帮扶。",
            "我局已实施县域普通高中振兴行动，组织州属学校与6所县中结对帮扶，选派骨干教师支教，县中教育质量稳步提升。", FaceToFace: true),
        new("关于加强盐湖化工企业安全生产监管的建议", "经济发展", "应急管理局", null, "A",
            "盐湖化工企业危险化学品种类多、工艺复杂，安全风险较高。建议加强重点企业安全生产专项检查，推进企业安全风险分级管控和隐患排查治理双重预防机制建设。",
            "我局已开展盐湖化工企业安全生产专项整治，检查企业86家，督促整改隐患412项，双重预防机制在重点企业全覆盖。"),
        new("关于支持天峻县牦牛藏羊标准化养殖的建议", "农业农村", "农业农村局", null, "A",
            "天峻县牦牛藏羊养殖以传统放牧为主，出栏周期长、效益偏低。建议扶持标准化暖棚和饲草料基地建设，推广牦牛藏羊高效养殖技术。",
            "我局已支持天峻县建设标准化暖棚120座、饲草料基地2万亩，开展高效养殖技术培训，牦牛藏羊出栏率明显提高。"),
        new("关于加大农村牧区养老服务设施建设的建议", "社会保障", "民政局", null, "A",
            "农村牧区老龄化加快，互助养老设施少，失能老人照护难。建议加快建设农村互助幸福院，推动乡镇敬老院转型为区域养老服务中心。",
            "我局已新建农村互助幸福院15所，改造提升乡镇敬老院4所，并为特殊困难老年人家庭实施适老化改造。"),
        new("关于规范城区农贸市场食品安全管理的建议", "其他", "市场监督管理局", null, "A",
            "城区部分农贸市场环境脏乱，食品快检覆盖不足。建议推进农贸市场标准化改造，配齐食品快检室，落实市场开办者食品安全责任。",
            "我局已推进农贸市场标准化改造，城区农贸市场快检室实现全覆盖，快检结果每日公示。"),
        new("关于保护和传承蒙古族、藏族非物质文化遗产的建议", "民族宗教", "文体旅游广电局", null, "A",
            "我州蒙古族、藏族非物质文化遗产资源丰富，但部分项目传承人年龄偏大、后继乏人。建议加大传承人扶持力度，建设非遗传习所，推动非遗进校园。",
            "我局已认定州级非遗代表性传承人，落实传承补助，建设非遗传习所5个，组织非遗进校园活动40余场。"),
        new("关于加强学生心理健康教育的建议", "教育", "教育局", null, "A",
            "中小学生心理健康问题日益受到关注，我州专职心理教师配备不足。建议配齐心理健康教师，建设心理辅导室，建立学生心理健康监测预警机制。",
            "我局已实施学生心理健康促进行动，中小学心理辅导室覆盖率达到100%，并建立学生心理健康筛查和家校医协同机制。"),
        new("关于推进格尔木市城区雨污分流改造的建议", "城乡建设", "住房和城乡建设局", null, "C",
            "格尔木市老城区雨污合流，夏季暴雨时污水外溢，影响环境和出行。建议制定雨污分流改造规划，争取中央和省级资金分期实施。",
            "格尔木市老城区雨污分流改造投资规模较大，受财力限制暂时难以全面实施。我局已指导格尔木市编制改造规划，积极争取专项债券支持，条件具备后分期实施。"),
        new("关于加强交通要道冬季道路除雪保畅的建议", "城乡建设", "交通运输局", null, "A",
            "每年冬春季节，G315、G109等国道部分路段降雪结冰，车辆滞留时有发生。建议完善除雪保畅预案，前置除雪机械和融雪物资。",
            "我局已修订冬季道路除雪保畅应急预案，在重点路段前置除雪机械36台、融雪物资2000吨，实现降雪后4小时内恢复通行。"),
        new("关于在牧区推广光伏+清洁供暖项目的建议", "经济发展", "发展和改革委员会", null, "C",
            "牧区定居点冬季取暖仍以燃煤、牛粪为主。我州光照资源丰富，建议在牧区定居点推广光伏+电采暖清洁供暖项目。",
            "牧区定居点分散，光伏+电采暖项目受电网接入条件和运维成本限制，暂时难以大面积推广。我委已选取2个定居点开展试点，总结经验后逐步推广。"),
    ];

    private static readonly (DateOnly Received, Item Item)[] BetweenSessions2023 =
    [
        (new(2023, 3, 15), new("关于加快推进冷湖天文科普研学基地建设的建议", "教育", "文体旅游广电局", null, "A",
            "冷湖天文观测基地吸引了大量天文爱好者，但科普研学设施不足。建议依托观测基地建设天文科普馆和研学营地，打造天文科普研学品牌。",
            "我局已会同冷湖行委规划建设天文科普研学营地，推出“冷湖星空”研学线路，2023年接待研学团队60余批次。")),
        (new(2023, 4, 20), new("关于加强枸杞采摘季节性用工权益保障的建议", "社会保障", "人力资源和社会保障局", null, "A",
            "每年枸杞采摘季大量外来务工人员进入我州，部分种植户存在拖欠工资、缺少安全保障等问题。建议规范用工管理，推行采摘工工资保证金制度。",
            "我局已在枸杞主产区设立季节性用工服务站，推行采摘工工资支付保障措施，开展专项检查，未发生集体欠薪事件。")),
        (new(2023, 5, 18), new("关于在德令哈市增设新能源汽车公共充电桩的建议", "城乡建设", "发展和改革委员会", null, "A",
            "德令哈市新能源汽车保有量增长较快，公共充电设施少、分布不均。建议统筹规划公共充电桩建设，在公共停车场、景区和高速服务区增设充电设施。",
            "我委已编制全州充电基础设施布局规划，2023年在德令哈市新建公共充电桩120个，覆盖主要公共停车场和景区。")),
        (new(2023, 6, 8), new("关于加强农村牧区饮用水水源地保护的建议", "生态环境", "生态环境局", "水利局", "A",
            "部分农村牧区饮用水水源地未划定保护范围，周边存在放牧、堆放垃圾等现象。建议依法划定水源保护区，设立标志和隔离设施。",
            "我局已会同水利部门完成农村牧区千人以上饮用水水源地保护区划定，设立界标和隔离设施，开展水源地环境问题专项整治。")),
        (new(2023, 6, 27), new("关于开展基层医疗机构远程会诊服务的建议", "医疗卫生", "卫生健康委员会", null, "A",
            "牧区群众看病难，基层医疗机构诊疗能力有限。建议依托州人民医院建设远程会诊中心，覆盖各乡镇卫生院。",
            "州卫生健康委已建成州级远程医疗会诊中心，接入全州乡镇卫生院，2023年开展远程会诊1800余例。", FaceToFace: true)),
        (new(2023, 7, 13), new("关于加强校园周边交通安全管理的建议", "政法", "公安局", null, "A",
            "上下学高峰时段学校周边交通拥堵，存在安全隐患。建议在学校周边设置护学岗，完善交通标志标线和减速设施。",
            "我局已在城区中小学校门口设立“护学岗”，完善学校周边交通标志标线和减速带，上下学高峰时段交通秩序明显改善。")),
        (new(2023, 8, 3), new("关于完善乡镇幼儿园师资配备的建议", "教育", "教育局", null, "B",
            "乡镇幼儿园专任教师和保育员不足，部分幼儿园一人包班。建议核定乡镇幼儿园编制，通过公开招聘、政府购买服务等方式补足师资。",
            "我局已会同编制部门核定乡镇幼儿园教职工编制，2023年通过公开招聘补充专任教师28名。",
            Promise: "2024年秋季学期前通过政府购买服务补足乡镇幼儿园保育员")),
        (new(2023, 8, 24), new("关于加快盐湖资源综合利用技术攻关的建议", "经济发展", "发展和改革委员会", null, "A",
            "盐湖提锂、提镁等综合利用技术仍有短板，尾矿资源利用率不高。建议支持企业与科研院所联合攻关，设立盐湖资源综合利用科技专项。",
            "我委已会同科技部门设立盐湖资源综合利用科技专项，支持企业与科研院所联合攻关项目8项。")),
    ];

    private static void Haixi2023(Story story)
    {
        var cal = story.Calendar;
        for (var i = 0; i < Session2023.Length; i++)
        {
            var item = Session2023[i];
            var drafted = Session2023Opens.AddDays(i % 4 == 3 ? 2 : i % 3);
            Told2023(story, item, story.Cast.Deputies[(i * 5 + 1) % story.Cast.Deputies.Count], drafted, Session2023Closes, SubmissionPeriod.DuringSession, i,
                assignOn: cal.AddWorkingDays(Session2023Closes, 6));
        }
        for (var i = 0; i < BetweenSessions2023.Length; i++)
        {
            var (received, item) = BetweenSessions2023[i];
            var n = Session2023.Length + i;
            Told2023(story, item, story.Cast.Deputies[(n * 7 + 2) % story.Cast.Deputies.Count], received, received, SubmissionPeriod.BetweenSessions, n,
                assignOn: cal.AddWorkingDays(received, 4 + i % 5));
        }
    }

    /// <summary>One 2023 suggestion: 提 → 交 → 办 → 评, everything within its period, 满意.</summary>
    private static void Told2023(Story story, Item item, Cast.Member lead, DateOnly drafted, DateOnly received, SubmissionPeriod period, int n, DateOnly assignOn)
    {
        var cal = story.Calendar;
        var deputies = story.Cast.Deputies;
        var coSigner = item.CoSigner is { } c ? deputies[(deputies[c % deputies.Count] == lead ? c + 1 : c) % deputies.Count] : null;
        var p = story.Plot(lead, item.Title, item.Category, item.Content, period, Story.At(drafted, 9 + n % 8), coSigner);
        if (coSigner is not null) p.CoSign(coSigner, Story.At(drafted, 18));
        p.Submit(Story.At(drafted, 19), received)
         .Accept(cal.AddWorkingDays(received, 1 + n % 2));
        (string, AssignmentRole)[] units = item.CoUnit is null ? [(item.Unit, AssignmentRole.Lead)] : [(item.Unit, AssignmentRole.Lead), (item.CoUnit, AssignmentRole.Co)];
        p.Assign(assignOn, units);
        if (item.Key)
            p.Key(cal.AddWorkingDays(assignOn, 3), story.Cast.Leaders[n % story.Cast.Leaders.Count]);
        var due = cal.Due(assignOn, PeriodUnit.Months, story.Settings.AnswerMonths);
        var contactOn = cal.AddWorkingDays(assignOn, 4 + n % 12);
        p.Contact(item.Unit, contactOn, item.FaceToFace);
        var answerOn = cal.AddWorkingDays(assignOn, 30 + n * 7 % 24);
        if (item.CoUnit is { } co)
        {
            var viewsOn = cal.AddWorkingDays(assignOn, 12 + n % 5);
            p.CoViews(co, viewsOn, "我单位同意主办单位的办理意见，将在职责范围内配合做好相关工作，并提供了相关数据和政策依据。");
        }
        if (answerOn > cal.AddWorkingDays(due, -2)) answerOn = cal.AddWorkingDays(due, -2);
        p.Answer(item.Unit, item.AnswerCategory, item.Reply, answerOn);
        if (item.Promise is { } promise)
        {
            var promiseDue = PromiseDue(promise, answerOn);
            var commitment = p.Promise(item.Unit, promise, promiseDue, answerOn);
            if (item.PromiseOpen)
            {
                p.Progress(commitment, "2023年已完成防沙治沙任务10万亩，防护林带建设按年度计划推进。", false, new DateOnly(2023, 12, 20));
                p.Progress(commitment, "2025年度防沙治沙任务已完成，累计建成绿洲边缘防护林带约六成。", false, new DateOnly(2025, 11, 14));
            }
            else
            {
                var doneOn = cal.NextWorkingDayFrom(promiseDue.AddDays(-12));
                p.Progress(commitment, "已按承诺完成，并书面告知领衔代表。", true, doneOn);
            }
        }
        p.Rate(lead, Satisfaction.Satisfied, cal.AddWorkingDays(answerOn, 3 + n % 10));
        // Every third one is published with its answer, so the portal's 代表建议及答复 has what a citizen reads.
        if (n % 3 == 0)
            p.Publish(cal.AddWorkingDays(answerOn, 15), item.Reply);
    }

    /// <summary>The due date a promise names ("2024年9月底前" → 2024-09-30), else one year after the answer.</summary>
    private static DateOnly PromiseDue(string promise, DateOnly answered)
    {
        var m = System.Text.RegularExpressions.Regex.Match(promise, @"(\d{4})年(\d{1,2})月底前|(\d{4})年(秋季学期前|底前)|(\d{4})年前");
        if (!m.Success) return answered.AddYears(1);
        if (m.Groups[1].Success) { var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture); var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture); return new DateOnly(y, mo, DateTime.DaysInMonth(y, mo)); }
        if (m.Groups[3].Success) { var y = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture); return m.Groups[4].Value == "底前" ? new DateOnly(y, 12, 31) : new DateOnly(y, 8, 31); }
        return new DateOnly(int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture) - 1, 12, 31);
    }

    // --- the current year: every state ----------------------------------------------------------

    private static void CurrentYear(Story story, DateOnly today)
    {
        var cal = story.Calendar;
        DateOnly D(int workingDaysAgo) => cal.AddWorkingDays(today, -workingDaysAgo);
        var d = story.Cast.Deputies;
        Cast.Member Dep(int i) => d[i % d.Count];
        var daibiao = d[0];

        // 草稿, with an invitation to co-sign not yet answered.
        story.Plot(daibiao, "关于加强德令哈市中小学校园食品安全监管的建议", "教育",
            "近期部分学校食堂出现食材进货查验记录不全、陪餐制度落实不到位等问题。建议建立校园食品安全日常巡查和家长委员会参与监督机制，推行“明厨亮灶”全覆盖。",
            SubmissionPeriod.BetweenSessions, Story.At(D(2), 16), invitee: Dep(4));

        // 已提交待审查: the assignment clock runs.
        story.Plot(Dep(5), "关于完善格尔木市夜间公交服务的建议", "城乡建设",
            "格尔木市夜间公交线路少、末班车时间早，夜班职工和游客出行不便。建议开通夜间公交专线，延长主干线路末班车时间至22时。",
            SubmissionPeriod.BetweenSessions, Story.At(D(2), 10)).Submit(Story.At(D(2), 11), D(2));

        // 已受理待交办.
        story.Plot(Dep(6), "关于推进柴达木枸杞地理标志产品保护的建议", "农业农村",
            "市场上冒用“柴达木枸杞”名称的产品时有出现，损害了品牌信誉。建议加强地理标志产品保护，开展专项执法，建立授权使用和溯源管理制度。",
            SubmissionPeriod.BetweenSessions, Story.At(D(4), 10)).Submit(Story.At(D(4), 11), D(4)).Accept(D(3));

        // 已退回代表: a personal matter is not a suggestion (北京 第十二条).
        story.Plot(Dep(7), "关于解决某企业职工工伤赔偿问题的建议", "社会保障",
            "某企业一名职工在工作中受伤，企业至今未按规定支付工伤赔偿，职工家庭生活困难，请有关部门督促企业尽快解决赔偿问题。",
            SubmissionPeriod.BetweenSessions, Story.At(D(15), 10)).Submit(Story.At(D(15), 11), D(15))
            .Return(D(13), InadmissibleReason.PersonalMatter, "所反映的是个别职工的工伤赔偿纠纷，请通过劳动仲裁或信访渠道解决，已告知相关部门。");

        // 办理中, co-signed (daibiao), a lead and a co-unit, a face-to-face visit, the co-unit's views in.
        var dorms = story.Plot(Dep(2), "关于加快牧区寄宿制学校学生宿舍改造的建议", "教育",
            "天峻县、乌兰县部分牧区寄宿制学校学生宿舍建于上世纪九十年代，面积小、设施陈旧，冬季保暖差。建议将牧区学校宿舍改造纳入年度计划，优先保障高海拔地区学校。",
            SubmissionPeriod.BetweenSessions, Story.At(D(28), 10), daibiao);
        dorms.CoSign(daibiao, Story.At(D(27), 15)).Submit(Story.At(D(26), 10), D(26)).Accept(D(25))
            .Assign(D(20), [("教育局", AssignmentRole.Lead), ("财政局", AssignmentRole.Co)])
            .Contact("教育局", D(12), faceToFace: true)
            .CoViews("财政局", D(8), "我局将在年度预算中统筹安排牧区学校宿舍改造资金，并积极争取中央预算内投资支持。");

        // 已并案: the same matter, merged into the one above; its deputy is told.
        story.Plot(Dep(8), "关于改善牧区学校学生住宿条件的建议", "教育",
            "牧区学校寄宿生多，宿舍拥挤，部分学校一间宿舍住十余名学生，冬季取暖和热水供应不足。建议加大投入，改善学生住宿条件。",
            SubmissionPeriod.BetweenSessions, Story.At(D(25), 10)).Submit(Story.At(D(25), 11), D(25)).Accept(D(24)).Merge(D(22), dorms);

        // 办理中, answer overdue (the unit's answer period has passed).
        story.Plot(Dep(3), "关于解决县城学校大班额问题的建议", "教育",
            "随着农牧民进城务工，县城学校学位紧张，部分小学班额超过55人。建议加快县城学校新建扩建，合理调配教师资源，逐步消除大班额。",
            SubmissionPeriod.BetweenSessions, Story.At(D(100), 10)).Submit(Story.At(D(100), 11), D(100)).Accept(D(99))
            .Assign(D(94), [("教育局", AssignmentRole.Lead)]).Contact("教育局", D(85), faceToFace: false);
        story.Plot(Dep(4), "关于增开茫崖市至格尔木市客运班车的建议", "城乡建设",
            "茫崖市至格尔木市每天仅有一班客运班车，群众就医、办事往返不便。建议增开客运班次，探索开通定制客运服务。",
            SubmissionPeriod.BetweenSessions, Story.At(D(108), 10)).Submit(Story.At(D(108), 11), D(108)).Accept(D(107))
            .Assign(D(102), [("交通运输局", AssignmentRole.Lead)]);

        // 重点建议 with its leader, in hand.
        story.Plot(Dep(9), "关于建立冷湖天文观测环境保护联合执法机制的建议", "生态环境",
            "《冷湖天文观测环境保护条例》实施以来，保护区内违规照明、无线电干扰等问题仍有发生，执法涉及多个部门。建议建立生态环境、自然资源、工信、公安等部门联合执法机制。",
            SubmissionPeriod.BetweenSessions, Story.At(D(62), 10)).Submit(Story.At(D(62), 11), D(62)).Accept(D(60))
            .Assign(D(55), [("生态环境局", AssignmentRole.Lead), ("自然资源局", AssignmentRole.Co)])
            .Key(D(50), story.Cast.Leaders[0])
            .Contact("生态环境局", D(45), faceToFace: true)
            .CoViews("自然资源局", D(40), "我局同意建立联合执法机制，将把保护区内用地审批与光污染防控要求相衔接。");

        // 承办单位退回, waiting for re-assignment.
        story.Plot(Dep(10), "关于加强校外培训机构消防安全管理的建议", "教育",
            "部分校外培训机构设在居民楼和商业综合体内，疏散通道不畅、消防设施不全。建议开展校外培训机构消防安全专项检查，建立常态化监管机制。",
            SubmissionPeriod.BetweenSessions, Story.At(D(16), 10)).Submit(Story.At(D(16), 11), D(16)).Accept(D(14))
            .Assign(D(8), [("教育局", AssignmentRole.Lead)])
            .UnitReturn("教育局", D(3), "消防安全检查和监管属应急管理、消防救援部门职责，建议改由州应急管理局主办，我局配合。");

        // 已答复待评价 (the demo deputy can rate it), with an open commitment.
        story.Plot(daibiao, "关于推进德令哈市既有住宅加装电梯的建议", "城乡建设",
            "德令哈市老旧小区多为六层以下无电梯住宅，老年人上下楼困难。建议出台既有住宅加装电梯实施办法，简化审批，给予财政补助。",
            SubmissionPeriod.BetweenSessions, Story.At(D(72), 10)).Submit(Story.At(D(72), 11), D(72)).Accept(D(71))
            .Assign(D(66), [("住房和城乡建设局", AssignmentRole.Lead)])
            .Contact("住房和城乡建设局", D(58), faceToFace: true)
            .Answer("住房和城乡建设局", "B", "我局已起草既有住宅加装电梯实施办法（征求意见稿），明确审批流程和补助标准，选取2个小区开展试点。", D(10))
            .Commit("住房和城乡建设局", "在年内出台既有住宅加装电梯实施办法并启动2个试点小区加装", today.AddDays(120), D(10), progress: ("实施办法已完成征求意见，正在合法性审查。", D(1)));

        // 重新办理中: 不满意, a new answer due within 2 months.
        story.Plot(Dep(11), "关于设立牧区牲畜防疫专项补助资金的建议", "农业农村",
            "牧区牲畜防疫点多面广，村级防疫员报酬低、防疫物资运输成本高。建议设立牲畜防疫专项补助资金，提高村级防疫员报酬。",
            SubmissionPeriod.BetweenSessions, Story.At(D(106), 10)).Submit(Story.At(D(106), 11), D(106)).Accept(D(105))
            .Assign(D(100), [("农业农村局", AssignmentRole.Lead)]).Contact("农业农村局", D(92), faceToFace: false)
            .Answer("农业农村局", "C", "受财力限制，设立专项补助资金暂不具备条件，我局将在现有动物防疫经费中统筹解决。", D(45))
            .Rate(Dep(11), Satisfaction.Dissatisfied, D(38), "答复未回应提高村级防疫员报酬的具体问题，希望提出明确措施和时间表。");

        // 已办结 满意, with two commitments: one done, one still open.
        story.Plot(Dep(12), "关于改善牧区学校冬季供暖和热水供应的建议", "教育",
            "都兰县、乌兰县部分牧区学校锅炉老旧，冬季供暖时断时续，学生洗浴热水供应不足。建议实施锅炉房改造和热水供应设施建设。",
            SubmissionPeriod.BetweenSessions, Story.At(D(165), 10)).Submit(Story.At(D(165), 11), D(165)).Accept(D(163))
            .Assign(D(158), [("教育局", AssignmentRole.Lead)]).Contact("教育局", D(150), faceToFace: true)
            .Answer("教育局", "B", "我局已将都兰县3所牧区学校锅炉房改造列入今年项目计划，乌兰县寄宿制学校热水供应改造列入明年计划。", D(105))
            .Commit("教育局", "秋季学期开学前完成都兰县3所牧区学校锅炉房改造", D(40), D(105), progress: ("3所学校锅炉房改造已完工并通过验收。", D(42)), done: true)
            .Commit("教育局", "将乌兰县寄宿制学校热水供应改造列入明年项目计划并组织实施", today.AddDays(150), D(105), progress: ("项目已完成可行性研究，列入明年教育基础设施项目库。", D(10)))
            .Rate(Dep(12), Satisfaction.Satisfied, D(98));

        // 已办结 基本满意, face-to-face.
        story.Plot(Dep(2), "关于在乡镇卫生院配备远程心电诊断设备的建议", "医疗卫生",
            "牧区心脑血管疾病高发，乡镇卫生院缺少心电诊断能力，急性心梗患者常延误救治。建议为乡镇卫生院配备远程心电设备，接入州级诊断中心。",
            SubmissionPeriod.BetweenSessions, Story.At(D(150), 10)).Submit(Story.At(D(150), 11), D(150)).Accept(D(149))
            .Assign(D(144), [("卫生健康委员会", AssignmentRole.Lead)]).Contact("卫生健康委员会", D(135), faceToFace: true)
            .Answer("卫生健康委员会", "A", "州卫生健康委已为全州乡镇卫生院配备远程心电设备，接入州人民医院心电诊断中心，实现“基层检查、上级诊断”。", D(96))
            .Rate(Dep(2), Satisfaction.BasicallySatisfied, D(90));

        // 已办结 未评价: the rating period ran out after a reminder; not counted in the satisfaction rate.
        story.Plot(Dep(3), "关于加强德令哈市“海西里”街区夜间经济管理的建议", "经济发展",
            "“海西里”生态旅游街区夜间客流大，存在占道经营、噪声扰民和停车难等问题。建议完善街区夜间经营管理规范，增设临时停车位。",
            SubmissionPeriod.BetweenSessions, Story.At(D(140), 10)).Submit(Story.At(D(140), 11), D(140)).Accept(D(139))
            .Assign(D(134), [("文体旅游广电局", AssignmentRole.Lead)]).Contact("文体旅游广电局", D(126), faceToFace: false)
            .Answer("文体旅游广电局", "A", "我局已会同德令哈市制定“海西里”街区夜间经营管理规范，划定经营区域，增设临时停车位200个。", D(88))
            .CloseUnrated(D(78), cal.AddWorkingDays(D(88), story.Settings.RatingWorkingDays + 1));

        // 已办结 after re-handling: 不满意, a new answer, then 满意.
        story.Plot(Dep(4), "关于提高草原管护员补助标准的建议", "农业农村",
            "草原管护员常年巡护在高海拔牧区，工作辛苦，补助标准多年未调整。建议提高草原管护员补助标准，配备必要的巡护装备。",
            SubmissionPeriod.BetweenSessions, Story.At(D(185), 10)).Submit(Story.At(D(185), 11), D(185)).Accept(D(184))
            .Assign(D(178), [("林业和草原局", AssignmentRole.Lead)]).Contact("林业和草原局", D(170), faceToFace: false)
            .Answer("林业和草原局", "C", "草原管护员补助标准由省级统一确定，我局将向上级部门反映。", D(130))
            .Rate(Dep(4), Satisfaction.Dissatisfied, D(124), "答复过于简单，希望州级在职权范围内研究提高补助和配备装备的措施。")
            .Contact("林业和草原局", D(110), faceToFace: true)
            .Answer("林业和草原局", "B", "经重新研究，我局从州级林草资金中安排草原管护员巡护装备补助，并已向省林草局报送提高补助标准的建议。", D(88))
            .Rate(Dep(4), Satisfaction.Satisfied, D(80));

        // 已办结 but answered late (counts against the reply rate).
        story.Plot(Dep(5), "关于加快格尔木市天然气管网向城郊延伸的建议", "城乡建设",
            "格尔木市城郊村和新建小区尚未通天然气，冬季取暖仍依赖燃煤。建议加快天然气管网向城郊延伸，推进清洁取暖。",
            SubmissionPeriod.BetweenSessions, Story.At(D(200), 10)).Submit(Story.At(D(200), 11), D(200)).Accept(D(199))
            .Assign(D(193), [("发展和改革委员会", AssignmentRole.Lead)]).Contact("发展和改革委员会", D(185), faceToFace: false)
            .Answer("发展和改革委员会", "B", "我委已将城郊天然气管网延伸工程纳入年度重点项目，今年完成3个村的管网铺设。", D(122))
            .Rate(Dep(5), Satisfaction.BasicallySatisfied, D(115));

        // A few more from this year's congress session, closed in the spring.
        var closes = cal.NextWorkingDayFrom(new DateOnly(today.Month >= 6 ? today.Year : today.Year - 1, 1, 12));
        (string Title, string Category, string Unit, string Content, string Reply, int Deputy)[] session =
        [
            ("关于加强高原病防治科普宣传的建议", "医疗卫生", "卫生健康委员会",
                "来我州工作和旅游的人员增多，急性高原病时有发生。建议在车站、景区和宾馆开展高原病防治科普宣传，设置吸氧点。",
                "州卫生健康委已在主要车站、景区设置高原病防治宣传栏和吸氧点32处，发放宣传资料2万余份。", 6),
            ("关于完善德令哈火车站公交接驳的建议", "城乡建设", "交通运输局",
                "德令哈火车站夜间到站列车多，公交末班车早，旅客进城不便。建议根据列车时刻调整公交接驳班次。",
                "我局已指导德令哈市开通火车站夜间接驳公交，班次与列车到站时刻衔接。", 7),
            ("关于加强高校毕业生就业见习基地建设的建议", "社会保障", "人力资源和社会保障局",
                "我州生源高校毕业生返乡就业意愿增强，但见习岗位少、专业匹配度不高。建议扩大就业见习基地规模，落实见习补贴。",
                "我局已新认定就业见习基地18家，募集见习岗位600余个，见习补贴按月足额发放。", 8),
        ];
        for (var i = 0; i < session.Length; i++)
        {
            var (title, category, unit, content, reply, deputy) = session[i];
            var assignOn = cal.AddWorkingDays(closes, 7);
            var answerOn = cal.AddWorkingDays(assignOn, 35 + i * 5);
            story.Plot(Dep(deputy), title, category, content, SubmissionPeriod.DuringSession, Story.At(closes.AddDays(-2), 10 + i))
                .Submit(Story.At(closes.AddDays(-1), 10 + i), closes).Accept(cal.AddWorkingDays(closes, 2))
                .Assign(assignOn, [(unit, AssignmentRole.Lead)]).Contact(unit, cal.AddWorkingDays(assignOn, 8), faceToFace: i == 0)
                .Answer(unit, "A", reply, answerOn)
                .Rate(Dep(deputy), Satisfaction.Satisfied, cal.AddWorkingDays(answerOn, 6));
        }
    }

    // --- the people -----------------------------------------------------------------------------

    /// <summary>Demo accounts created here (DemoData has one deputy and one unit officer): unit officers by unit, lead deputies by number.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnitAccounts = new Dictionary<string, string>
    {
        ["发展和改革委员会"] = "fagaiwei", ["教育局"] = "jiaoyuju", ["财政局"] = "caizhengju", ["自然资源局"] = "ziranziyuanju", ["生态环境局"] = "shengtaihuanjingju",
        ["住房和城乡建设局"] = "zhujianju", ["交通运输局"] = "jiaotongju", ["农业农村局"] = "nongyenongcunju", ["水利局"] = "shuiliju", ["卫生健康委员会"] = "weijianwei",
        ["民政局"] = "minzhengju", ["人力资源和社会保障局"] = "renshiju", ["文体旅游广电局"] = "wentilvyouju", ["市场监督管理局"] = "shichangjianguanju",
        ["公安局"] = "gonganju", ["应急管理局"] = "yingjiju", ["林业和草原局"] = "lincaoju",
    };

    /// <summary>Which Haixi deputies (by position in the register) lead the demo suggestions; the first is the demo account daibiao.</summary>
    private static readonly int[] DeputyPositions = [0, 7, 19, 33, 48, 62, 79, 95, 118, 141, 166, 201, 222];

    internal sealed class Cast
    {
        public sealed record Member(int DeputyId, int AccountId, string UserName, string Name);
        public sealed record Officer(int AccountId, string UserName);

        public required Congress Congress { get; init; }
        public required List<Member> Deputies { get; init; }
        public required Dictionary<string, int> Units { get; init; }
        public required Dictionary<int, Officer> Officers { get; init; }
        public required Dictionary<int, string> Heads { get; init; }
        public required Officer Staff { get; init; }
        public required Officer Council { get; init; }
        public required int? DeputiesCommittee { get; init; }
        public required List<string> Leaders { get; init; }

        public static async Task<Cast> LoadAsync(RendaDbContext db, Congress haixi, CancellationToken ct)
        {
            var staff = await db.Accounts.Include(a => a.Roles).Where(a => a.CongressId == haixi.Id && a.Roles.Any(r => r.Role == Role.CommitteeStaff))
                .OrderBy(a => a.UserName == "daigongwei" ? 0 : 1).ThenBy(a => a.Id).FirstAsync(ct);
            var council = await db.Accounts.Where(a => a.CongressId == haixi.Id && a.Roles.Any(r => r.Role == Role.ChairpersonsCouncilMember)).OrderBy(a => a.Id).FirstAsync(ct);
            var now = db.Clock.GetUtcNow().UtcDateTime;
            Account NewAccount(string userName, string displayName) => new()
            {
                UserName = userName, DisplayName = displayName, CongressId = haixi.Id, IsDemo = true, MustChangePassword = false, PasswordChangedAt = now,
                // Demo accounts share the demo password; the hash of another demo account verifies it (the hasher's salt is in the hash).
                PasswordHash = staff.IsDemo ? staff.PasswordHash : "",
            };

            var units = await db.HandlingUnits.Where(u => u.CongressId == haixi.Id).ToDictionaryAsync(u => u.Name.StartsWith(haixi.ShortName, StringComparison.Ordinal) ? u.Name[haixi.ShortName.Length..] : u.Name, u => u.Id, ct);
            var officers = new Dictionary<int, Officer>();
            var pending = new List<(int Unit, Account Account)>();
            foreach (var (unitName, userName) in UnitAccounts)
            {
                if (!units.TryGetValue(unitName, out var unitId)) continue;
                var existing = await db.Accounts.Where(a => a.Roles.Any(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId == unitId)).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
                if (existing is not null) { officers[unitId] = new Officer(existing.Id, existing.UserName); continue; }
                if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct)) continue;
                var account = NewAccount(userName, $"州{unitName}经办人");
                account.Grant(Role.HandlingUnitOfficer, handlingUnitId: unitId);
                db.Accounts.Add(account);
                pending.Add((unitId, account));
            }

            var register = await db.Deputies.Where(x => x.CongressId == haixi.Id).OrderBy(x => x.Id).Select(x => new { x.Id, x.PersonId, x.Status, x.Person!.Name }).ToListAsync(ct);
            var picked = DeputyPositions.Where(p => p < register.Count).Select(p => register.Skip(p).First(x => x.Status == Platform.People.DeputyStatus.Serving)).DistinctBy(x => x.Id).ToList();
            var members = new List<(int DeputyId, string Name, Account Account)>();
            for (var i = 0; i < picked.Count; i++)
            {
                var deputy = picked[i];
                var account = await db.Accounts.Where(a => a.CongressId == haixi.Id && a.PersonId == deputy.PersonId).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
                if (account is null)
                {
                    var userName = $"daibiao{i + 1}";
                    if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct)) continue;
                    account = NewAccount(userName, $"州人大代表{deputy.Name}");
                    account.PersonId = deputy.PersonId;
                    account.Grant(Role.Deputy);
                    db.Accounts.Add(account);
                }
                members.Add((deputy.Id, deputy.Name, account));
            }
            await db.SaveChangesAsync(ct);
            foreach (var (unit, account) in pending)
                officers[unit] = new Officer(account.Id, account.UserName);

            var leaders = await db.StandingCommitteeMembers.Where(m => m.CongressId == haixi.Id && m.Post == StandingCommitteePost.ViceChair && m.LeftOn == null)
                .OrderBy(m => m.Id).Select(m => m.Person!.Name).ToListAsync(ct);
            string[] heads = ["马振华", "李国华", "韩永明", "才让多杰", "王德明", "赵成林", "朱卫东", "索南扎西", "刘志强", "陈文杰", "何建国", "巴特尔", "周海燕", "孙玉梅", "罗春梅", "林雪莲", "郭占魁"];
            return new Cast
            {
                Congress = haixi,
                Deputies = members.Select(m => new Member(m.DeputyId, m.Account.Id, m.Account.UserName, m.Name)).ToList(),
                Units = units,
                Officers = officers,
                Heads = officers.Keys.Order().Select((u, i) => (u, heads[i % heads.Length])).ToDictionary(x => x.u, x => x.Item2),
                Staff = new Officer(staff.Id, staff.UserName),
                Council = new Officer(council.Id, council.UserName),
                DeputiesCommittee = await db.Committees.Where(c => c.CongressId == haixi.Id && c.ManagesDeputies).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct),
                Leaders = leaders.Count > 0 ? leaders.Select(n => $"州人大常委会副主任{n}").ToList() : ["州人大常委会副主任"],
            };
        }
    }

    // --- replaying history ----------------------------------------------------------------------

    /// <summary>
    /// Replays suggestions' histories. Each plot is a list of steps; the runner takes the next step
    /// of every plot and saves, until none is left — a few saves for the whole story, and every
    /// step finds the ids (suggestion, assignments) the earlier steps were given.
    /// </summary>
    internal sealed class Story(RendaDbContext db, WorkCalendar calendar, Cast cast, SuggestionSettings settings)
    {
        public WorkCalendar Calendar => calendar;
        public Cast Cast => cast;
        public SuggestionSettings Settings => settings;
        private readonly List<Plot> _plots = [];
        private readonly Dictionary<Suggestion, List<Deadline>> _clocks = [];

        /// <summary>10:00 (or the hour given) in Beijing on a day, as UTC.</summary>
        public static DateTime At(DateOnly day, int hour = 10) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour % 24, 0)).AddHours(-8), DateTimeKind.Utc);

        public Plot Plot(Cast.Member lead, string title, string category, string content, SubmissionPeriod period, DateTime createdAt, Cast.Member? invitee = null)
        {
            var plot = new Plot(this, lead);
            plot.Step(() =>
            {
                var s = new Suggestion
                {
                    CongressId = cast.Congress.Id, Year = WorkCalendar.LocalDate(createdAt).Year, Title = title, Content = content, Category = category, Period = period,
                    LeadDeputyId = lead.DeputyId, CreatedByAccountId = lead.AccountId, CreatedAt = createdAt,
                };
                if (invitee is not null) s.Invite(invitee.DeputyId, createdAt);
                s.History.Add(new SuggestionEvent { At = createdAt, Round = 1, ActorAccountId = lead.AccountId, ActorName = lead.UserName, Action = "起草" });
                db.Add(s);
                plot.S = s;
            });
            _plots.Add(plot);
            return plot;
        }

        public async Task RunAsync(CancellationToken ct)
        {
            // Numbers run per year in order of receipt, after any already given.
            foreach (var year in _plots.Where(p => p.Received is not null).GroupBy(p => p.Received!.Value.Year))
            {
                var prefix = year.Key.ToString(CultureInfo.InvariantCulture) + "-";
                var last = await db.Set<Suggestion>().Where(x => x.CongressId == cast.Congress.Id && x.Number != null && x.Number.StartsWith(prefix)).MaxAsync(x => x.Number, ct);
                var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
                foreach (var p in year.Select((p, i) => (p, i)).OrderBy(x => x.p.Received).ThenBy(x => x.i).Select(x => x.p))
                    p.Number = prefix + (next++).ToString("000", CultureInfo.InvariantCulture);
            }
            for (var step = 0; _plots.Any(p => p.Steps.Count > step); step++)
            {
                foreach (var p in _plots.Where(p => p.Steps.Count > step))
                    p.Steps[step]();
                await db.SaveChangesAsync(ct);
            }
        }

        // Clocks, as SuggestionWorkflow starts and ends them (same titles, rules, sources, purposes).

        private void Start(Suggestion s, ClockSpec clock, DateOnly from, ClockOwner owner)
        {
            var d = SuggestionClocks.Start(db, calendar, s, clock, from, owner);
            if (!_clocks.TryGetValue(s, out var list)) _clocks[s] = list = [];
            list.Add(d);
        }

        private void End(Suggestion s, Func<string, bool> purpose, DateTime at, bool cancel)
        {
            foreach (var d in _clocks.GetValueOrDefault(s, []).Where(d => d.Status is DeadlineStatus.Open or DeadlineStatus.Overdue && d.Purpose is { } p && purpose(p)))
                if (cancel) d.Cancel(at); else d.Complete(at);
        }

        private void End(Suggestion s, ClockPurpose purpose, DateTime at, bool cancel) => End(s, p => p == purpose.Key, at, cancel);

        private void StartUnitClocks(Suggestion s, IEnumerable<SuggestionAssignment> assignments, DateOnly from)
        {
            foreach (var (clock, unitId) in SuggestionClocks.ForAssignments(settings, s, assignments))
                Start(s, clock, from, new ClockOwner(HandlingUnitId: unitId, CommitteeId: cast.DeputiesCommittee));
        }

        // The steps.

        public void CoSign(Suggestion s, Cast.Member deputy, DateTime at) => s.RespondToInvitation(deputy.DeputyId, true, at, deputy.AccountId, deputy.UserName);

        public void Submit(Suggestion s, Cast.Member lead, DateTime at, DateOnly received, string number)
        {
            // The demo story names its numbers ("2023-017"); the serial is their numeric part.
            s.Submit(at, received, int.Parse(number[(number.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture), lead.AccountId, lead.UserName);
            Start(s, SuggestionClocks.Assign(settings, number), received, new ClockOwner(CommitteeId: cast.DeputiesCommittee));
        }

        public void Accept(Suggestion s, DateOnly on) => s.Accept(At(on, 9), cast.Staff.AccountId, cast.Staff.UserName);

        public void Return(Suggestion s, DateOnly on, InadmissibleReason reason, string note)
        {
            s.ReturnToDeputy(reason, note, on, At(on, 15), cast.Staff.AccountId, cast.Staff.UserName);
            End(s, SuggestionClocks.Purposes.Assign, At(on, 15), cancel: true);
        }

        public void Merge(Suggestion s, Suggestion target, DateOnly on)
        {
            s.MergeInto(target, on, At(on, 15), cast.Staff.AccountId, cast.Staff.UserName);
            End(s, SuggestionClocks.Purposes.Assign, At(on, 15), cancel: true);
        }

        public void Assign(Suggestion s, DateOnly on, IReadOnlyList<(string Unit, AssignmentRole Role)> units)
        {
            var mode = units.Any(u => u.Role == AssignmentRole.Separate) ? HandlingMode.Separately : HandlingMode.LeadAndCo;
            s.Assign(mode, units.Select(u => (cast.Units[u.Unit], u.Role)).ToList(), on, At(on, 10), cast.Staff.AccountId, cast.Staff.UserName);
            End(s, SuggestionClocks.Purposes.Assign, At(on, 10), cancel: false);
            StartUnitClocks(s, s.Assignments, on);
            s.FollowAnswerClocks(_clocks[s]);
        }

        public void UnitReturn(Suggestion s, string unit, DateOnly on, string reason)
        {
            var unitId = cast.Units[unit];
            var officer = cast.Officers[unitId];
            var assignment = s.ActiveAssignments.First(a => a.HandlingUnitId == unitId);
            s.UnitReturn(unitId, reason, on, calendar.AddWorkingDays(assignment.AssignedOn, settings.UnitReturnWorkingDays), At(on, 11), officer.AccountId, officer.UserName);
            End(s, p => p.EndsWith($":{unitId}", StringComparison.Ordinal), At(on, 11), cancel: true);
            Start(s, SuggestionClocks.Reassign(settings, s.Number), on, new ClockOwner(CommitteeId: cast.DeputiesCommittee));
        }

        public void Contact(Suggestion s, string unit, DateOnly on, bool faceToFace)
        {
            var unitId = cast.Units[unit];
            var officer = cast.Officers[unitId];
            var notes = faceToFace ? "到代表所在单位当面沟通，听取代表对办理工作的意见，介绍初步办理思路。" : "电话联系代表，了解建议的具体情况和代表诉求。";
            s.RecordContact(unitId, faceToFace ? ContactKind.Visit : ContactKind.Phone, faceToFace, on, notes, At(on, 14), officer.AccountId, officer.UserName);
            End(s, SuggestionClocks.Purposes.Contact(unitId), At(on, 14), cancel: false);
        }

        public void CoViews(Suggestion s, string unit, DateOnly on, string views)
        {
            var unitId = cast.Units[unit];
            var officer = cast.Officers[unitId];
            s.SubmitCoViews(unitId, views, on, At(on, 16), officer.AccountId, officer.UserName);
            End(s, SuggestionClocks.Purposes.CoViews(unitId), At(on, 16), cancel: false);
        }

        public void Answer(Suggestion s, string unit, string category, string reply, DateOnly on)
        {
            var unitId = cast.Units[unit];
            var officer = cast.Officers[unitId];
            var lead = cast.Deputies.First(d => d.DeputyId == s.LeadDeputyId);
            var round = s.Round;
            var text = $"{lead.Name}代表：\n您提出的《{s.Title}》收悉。经认真研究，现答复如下：\n{reply}\n感谢您对我们工作的关心和支持，欢迎继续提出意见建议。";
            s.Answer(unitId, category, text, cast.Heads.GetValueOrDefault(unitId, "单位负责人"), null, on, At(on, 11), officer.AccountId, officer.UserName);
            End(s, round == 1 ? SuggestionClocks.Purposes.Answer(unitId) : SuggestionClocks.Purposes.Rehandle(unitId), At(on, 11), cancel: false);
            if (s.Status == SuggestionStatus.Answered)
                Start(s, SuggestionClocks.Rating(settings, s.Number), on, ClockOwner.Account(lead.AccountId));
        }

        public void Publish(Suggestion s, DateOnly on, string answer)
            => s.Publish(s.Title, s.Content, answer, At(on, 10), cast.Staff.AccountId, cast.Staff.UserName);

        public void Rate(Suggestion s, Cast.Member deputy, Satisfaction result, DateOnly on, string? reason)
        {
            s.Rate(deputy.DeputyId, result, reason, on, At(on, 15), deputy.AccountId, deputy.UserName);
            if (deputy.DeputyId != s.LeadDeputyId) return;
            End(s, SuggestionClocks.Purposes.Rating, At(on, 15), cancel: false);
            if (s.Status == SuggestionStatus.Rehandling)
                foreach (var a in s.ActiveAssignments.Where(a => a.Role != AssignmentRole.Co))
                    Start(s, SuggestionClocks.Rehandle(settings, s.Number, a.HandlingUnitId), on, new ClockOwner(HandlingUnitId: a.HandlingUnitId, CommitteeId: cast.DeputiesCommittee));
        }

        /// <summary>The rating period ran out after a reminder: closed unrated, the rating clock ends unmet.</summary>
        public void CloseUnrated(Suggestion s, DateOnly remindedOn, DateOnly on)
        {
            s.RatingReminderSentAt = At(remindedOn, 9);
            s.CloseUnrated(on, At(on, 9));
            End(s, SuggestionClocks.Purposes.Rating, At(on, 9), cancel: true);
        }

        public void Key(Suggestion s, DateOnly on, string leader) => s.DesignateKey(leader, on, At(on, 16), cast.Council.AccountId, cast.Council.UserName);

        public Commitment Commit(Suggestion s, string unit, string promise, DateOnly dueOn, DateOnly on)
        {
            var unitId = cast.Units[unit];
            var officer = cast.Officers[unitId];
            var c = s.AddCommitment(unitId, promise, dueOn, At(on, 12), officer.AccountId, officer.UserName);
            db.Add(c);
            return c;
        }
    }

    /// <summary>One suggestion's history as steps, written in the order they happened.</summary>
    internal sealed class Plot(Story story, Cast.Member lead)
    {
        public Suggestion S { get; set; } = null!;
        public DateOnly? Received { get; private set; }
        public string? Number { get; set; }
        public List<Action> Steps { get; } = [];

        public Plot Step(Action step)
        {
            Steps.Add(step);
            return this;
        }

        public Plot CoSign(Cast.Member deputy, DateTime at) => Step(() => story.CoSign(S, deputy, at));

        public Plot Submit(DateTime at, DateOnly received)
        {
            Received = received;
            return Step(() => story.Submit(S, lead, at, received, Number!));
        }

        public Plot Accept(DateOnly on) => Step(() => story.Accept(S, on));
        public Plot Return(DateOnly on, InadmissibleReason reason, string note) => Step(() => story.Return(S, on, reason, note));
        public Plot Merge(DateOnly on, Plot target) => Step(() => story.Merge(S, target.S, on));
        public Plot Assign(DateOnly on, IReadOnlyList<(string Unit, AssignmentRole Role)> units) => Step(() => story.Assign(S, on, units));
        public Plot UnitReturn(string unit, DateOnly on, string reason) => Step(() => story.UnitReturn(S, unit, on, reason));
        public Plot Contact(string unit, DateOnly on, bool faceToFace) => Step(() => story.Contact(S, unit, on, faceToFace));
        public Plot CoViews(string unit, DateOnly on, string views) => Step(() => story.CoViews(S, unit, on, views));
        public Plot Answer(string unit, string category, string reply, DateOnly on) => Step(() => story.Answer(S, unit, category, reply, on));
        public Plot Rate(Cast.Member deputy, Satisfaction result, DateOnly on, string? reason = null) => Step(() => story.Rate(S, deputy, result, on, reason));
        public Plot Publish(DateOnly on, string answer) => Step(() => story.Publish(S, on, answer));
        public Plot CloseUnrated(DateOnly remindedOn, DateOnly on) => Step(() => story.CloseUnrated(S, remindedOn, on));
        public Plot Key(DateOnly on, string leader) => Step(() => story.Key(S, on, leader));

        /// <summary>A promise in the answer, entered in the ledger; optionally a progress report (and done).</summary>
        public Plot Commit(string unit, string promise, DateOnly dueOn, DateOnly on, (string Text, DateOnly On)? progress = null, bool done = false)
        {
            Commitment? c = null;
            Step(() => c = story.Commit(S, unit, promise, dueOn, on));
            if (progress is { } p)
                Step(() => c!.Report(p.Text, done, p.On));
            return this;
        }

        /// <summary>For 2023's promises: add the commitment now, report on it in later steps.</summary>
        public Func<Commitment> Promise(string unit, string promise, DateOnly dueOn, DateOnly on)
        {
            Commitment? c = null;
            Step(() => c = story.Commit(S, unit, promise, dueOn, on));
            return () => c!;
        }

        public Plot Progress(Func<Commitment> commitment, string text, bool done, DateOnly on) => Step(() => commitment().Report(text, done, on));
    }
}

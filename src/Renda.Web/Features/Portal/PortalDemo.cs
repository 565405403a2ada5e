namespace Renda.Web.Features.Portal;

/// <summary>
/// Haixi's public site in the demo: the 2023 story of seed 000 (four regulations promulgated, reports heard, inspections, the
/// appointments, the "一刊一网一号一视频" channels) as news and announcements, and a few of this year, one still a draft and one
/// withdrawn. Replays the transitions with the story's dates; never sets a state.
/// </summary>
public static class PortalDemo
{
    private sealed record Item(DateOnly On, ArticleSection Section, AnnouncementKind? Kind, string Title, string Summary, string Body);

    private static readonly Item[] Haixi2023 =
    [
        new(new(2023, 1, 6), ArticleSection.News, null, "州人大常委会召开2023年第一次主任会议", "会议研究了常委会2023年工作要点、立法计划和监督工作计划。",
            "1月6日，州人大常委会召开主任会议，研究常委会2023年工作要点、立法计划和监督工作计划（草案）。\n\n会议强调，要紧紧围绕州委决策部署和海西“七好人大”工作品牌，依法、稳健、有序开展工作。"),
        new(new(2023, 4, 10), ArticleSection.Announcement, AnnouncementKind.Regulation, "海西州人大常委会公告（第1号）", "《海西蒙古族藏族自治州冷湖天文观测环境保护条例》已经青海省人大常委会批准，现予公布。",
            "《海西蒙古族藏族自治州冷湖天文观测环境保护条例》已由海西蒙古族藏族自治州人民代表大会常务委员会会议于2023年2月24日通过，经青海省人民代表大会常务委员会于2023年3月30日批准，现予公布。\n\n全文见[法规库](/p/632800/laws?q=冷湖天文)。"),
        new(new(2023, 4, 12), ArticleSection.News, null, "冷湖天文观测环境有了“法治保护伞”", "全国首部天文观测环境保护的地方性法规公布施行，为冷湖“中国天文观测第一高地”提供法治保障。",
            "## 立法背景\n\n冷湖赛什腾山是国内最好的天文观测台址之一。条例对光污染、无线电干扰和大气污染作出规范，划定暗夜保护区。\n\n## 主要内容\n\n- 划定天文观测环境保护区域\n- 规范照明和无线电设施建设\n- 明确有关部门的监管职责"),
        new(new(2023, 6, 12), ArticleSection.Announcement, AnnouncementKind.Regulation, "海西州人大常委会公告（第2号）", "《海西蒙古族藏族自治州木里矿区生态环境保护条例》已经批准，现予公布。",
            "《海西蒙古族藏族自治州木里矿区生态环境保护条例》已由州人大常委会会议于2023年4月27日通过，经青海省人大常委会于2023年5月31日批准，现予公布。\n\n这是全省首个矿区生态环境保护条例。"),
        new(new(2023, 6, 28), ArticleSection.News, null, "州人大常委会开展教育法实施情况执法检查", "执法检查组深入德令哈市、格尔木市等地学校，听取汇报，查阅资料。",
            "6月下旬，州人大常委会执法检查组对教育法在我州的实施情况开展执法检查，有力促进教育高质量发展。\n\n检查组建议州人民政府加大教育投入，补齐农牧区办学条件短板。"),
        new(new(2023, 8, 31), ArticleSection.Announcement, AnnouncementKind.Appointment, "海西州人大常委会任免名单", "州第十五届人大常委会第十次会议通过的任免名单。",
            "州第十五届人民代表大会常务委员会第十次会议决定任免下列人员：\n\n- 任命：州人民政府有关部门负责人若干名\n- 免去：有关人员原任职务\n\n新任命人员已向宪法宣誓。全年共任免地方国家机关领导干部和国家工作人员97人次，组织宪法宣誓32人次。"),
        new(new(2023, 9, 15), ArticleSection.News, null, "州人大常委会开展营商环境专题询问", "常委会组成人员围绕优化营商环境向州人民政府及有关部门提问。",
            "9月，州人大常委会就优化营商环境工作开展专题询问，这是本年度唯一一次专题询问。\n\n应询部门负责人现场回答问题，并承诺限期整改。"),
        new(new(2023, 10, 9), ArticleSection.Announcement, AnnouncementKind.Regulation, "海西州人大常委会公告（第3号）", "《海西蒙古族藏族自治州生态旅游高质量发展促进条例》现予公布。",
            "《海西蒙古族藏族自治州生态旅游高质量发展促进条例》已由州人大常委会会议于2023年8月30日通过，经青海省人大常委会于2023年9月27日批准，现予公布。"),
        new(new(2023, 10, 30), ArticleSection.Announcement, AnnouncementKind.Resolution, "关于批准2023年州本级预算调整方案的决议", "州人大常委会审查批准2023年州本级预算调整方案。",
            "州第十五届人民代表大会常务委员会会议听取和审议了州人民政府关于2023年州本级预算调整方案的报告，决定批准该方案。"),
        new(new(2023, 11, 20), ArticleSection.Announcement, AnnouncementKind.MeetingNotice, "关于召开州第十五届人大常委会第十二次会议的通知", "会议拟审议促进民族团结进步条例等事项。",
            "州第十五届人民代表大会常务委员会第十二次会议定于11月下旬在德令哈市召开。\n\n建议议程：\n\n- 审议州人民政府关于专项工作的报告\n- 审议人事任免事项"),
        new(new(2023, 12, 11), ArticleSection.Announcement, AnnouncementKind.Regulation, "海西州人大常委会公告（第4号）", "《海西蒙古族藏族自治州促进民族团结进步条例》现予公布。",
            "《海西蒙古族藏族自治州促进民族团结进步条例》已由州人大常委会会议于2023年10月27日通过，经青海省人大常委会于2023年11月29日批准，现予公布。"),
        new(new(2023, 12, 28), ArticleSection.News, null, "“一刊一网一号一视频”全方位展现海西人大新担当", "《海西人大》刊物、门户网站、微信公众号和短视频联合宣传。",
            "州人大常委会充分发挥以《海西人大》刊物、门户网站、微信公众号、微信短视频为主的“一刊一网一号一视频”联合宣传阵地作用，全方位展现海西人大新担当和代表履职新风采。\n\n全年听取审议“一府两院”专项工作报告6件，开展执法检查4次、专题调研7次、专题询问1次。"),
    ];

    public static async Task EnsureAsync(RendaDbContext db, CancellationToken ct)
    {
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        if (haixi is null || await db.Set<NewsArticle>().AnyAsync(a => a.CongressId == haixi.Id, ct)) return;
        var today = WorkCalendar.Today(db.Clock);
        var items = Haixi2023.ToList();
        items.Add(new(today.AddDays(-20), ArticleSection.News, null, $"州人大常委会召开{today.Year}年代表建议督办推进会", "重点督办建议办理进展通报，承办单位逐项说明落实情况。",
            "会议通报了本年度代表建议办理情况，重点督办建议由主任会议成员牵头督办。\n\n承办单位负责人逐项说明承诺事项落实情况。"));
        items.Add(new(today.AddDays(-14), ArticleSection.Announcement, AnnouncementKind.Other, "《海西蒙古族藏族自治州柴达木盆地水资源保护条例（草案）》公开征求意见",
            "欢迎社会各界通过门户网站提出意见。", "州人大常委会决定将条例草案向社会公开征求意见，请通过[立法征求意见](/p/632800/legislation/comments)栏目在线提出。"));
        items.Add(new(today.AddDays(-3), ArticleSection.News, null, "州人大常委会组织代表走进联络站接待群众", "代表进站接待群众，收集意见建议。",
            "代表们在联络站接待群众，面对面听取意见。群众也可以在[代表联络站](/p/632800/stations)页面在线留言。"));
        foreach (var it in items)
        {
            var at = it.On.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            var a = NewsArticle.Draft(haixi.Id, new ArticleContent(it.Section, it.Kind, it.Title, it.Summary, it.Body), null, at.AddDays(-1));
            a.Publish(it.On, at);
            db.Add(a);
        }
        // A draft staff are writing, and a notice withdrawn after its meeting was postponed.
        db.Add(NewsArticle.Draft(haixi.Id, new ArticleContent(ArticleSection.News, null, "（草稿）州人大常委会年度立法工作座谈会", "草稿，尚未发布。", "草稿正文。"), null, today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)));
        var withdrawn = NewsArticle.Draft(haixi.Id, new ArticleContent(ArticleSection.Announcement, AnnouncementKind.MeetingNotice, "关于召开常委会会议的通知（已撤回）", "会议延期。", "会议延期，另行通知。"), null, today.AddDays(-10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        withdrawn.Publish(today.AddDays(-9), today.AddDays(-9).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        withdrawn.Unpublish("会议延期，通知撤回。", today.AddDays(-8).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        db.Add(withdrawn);
        await db.SaveChangesAsync(ct);
    }
}

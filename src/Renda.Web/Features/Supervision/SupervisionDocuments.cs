using System.Globalization;
using Renda.Web.Platform.Documents;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Supervision;

/// <summary>The papers a committee sends out: the annual plan (published, 第六十三条) and the deliberation opinions (审议意见) to the organ.</summary>
public static class SupervisionDocuments
{
    public const string ContentType = WordDocument.ContentType;

    public static async Task<(string Name, byte[] Bytes)> PlanAsync(RendaDbContext db, SupervisionActor actor, int year, CancellationToken ct)
    {
        var plan = await SupervisionQueries.PlanAsync(db, actor.CongressId, year, ct) ?? throw DomainException.NotFound("该年度还没有监督工作计划。");
        var doc = new WordDocument().Title(plan.Title)
            .Subtitle(plan.PublishedOn is { } p ? $"（{p:yyyy年M月d日}发布）" : "（草案）")
            .Paragraph($"根据《中华人民共和国各级人民代表大会常务委员会监督法》第十二条的规定，围绕本行政区域经济社会发展大局，结合人大代表建议集中反映和人民群众普遍关注的问题，制定{year}年度监督工作计划如下。");
        var n = 0;
        foreach (var group in plan.Topics.GroupBy(t => t.Kind).OrderBy(g => g.Key))
        {
            doc.Heading($"{ChineseNumerals.Of(++n)}、{SupervisionLabels.Of(group.Key)}");
            // Three columns: the table helper gives columns equal widths, and the topic needs the room.
            doc.Table(["议题", "来源", "负责机构和时间"], group.Select((t, i) => (IReadOnlyList<string>)[
                $"{i + 1}. {t.Title}", t.SuggestionTitle is { } s ? $"{t.SourceLabel}（{s}）" : t.SourceLabel,
                $"{t.Committee ?? "常委会办公室"}{(t.Organ is null ? "" : $"；报告机关：{t.Organ}")}；{(t.PlannedMonth is { } m ? $"{m}月" : "时间待定")}"]));
        }
        return ($"{plan.Title}.docx", doc.ToBytes());
    }

    public static async Task<(string Name, byte[] Bytes)> OpinionsAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var r = await SupervisionQueries.ReportAsync(db, actor, id, ct);
        if (r.Opinions is null) throw DomainException.Conflict("审议意见尚未形成。");
        var congress = await db.Congresses.FindAsync([actor.CongressId], ct);
        var doc = new WordDocument().Title($"{congress!.StandingCommitteeName}审议意见")
            .Subtitle($"关于《{r.Title}》")
            .Paragraph($"{r.Organ}：")
            .Paragraph($"{r.MeetingTitle ?? "常委会会议"}{(r.HeardOn is { } h ? $"于{h:yyyy年M月d日}" : "")}听取和审议了{r.Title}。现将常委会组成人员的审议意见送交你单位，请认真研究处理，并于收到之日起{(await Settings.ForAsync<SupervisionSettings>(db, actor.CongressId, ct)).HandlingReportMonths}个月内将研究处理情况书面报告常委会。");
        foreach (var para in r.Opinions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            doc.Paragraph(para);
        doc.Paragraph($"{congress.StandingCommitteeName}办公室").Paragraph(r.OpinionsSentOn is { } s ? $"{s:yyyy年M月d日}" : "");
        return ($"审议意见-{r.Title}.docx", doc.ToBytes());
    }
}

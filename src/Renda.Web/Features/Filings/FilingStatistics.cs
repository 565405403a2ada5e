using System.Globalization;
using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.Filings;

public sealed record CountLine(string Key, string Label, int Count);
public sealed record CampaignLine(int Id, string Kind, string Theme, string Scope, int Documents, int Keep, int Amend, int Repeal, int Pending);
public sealed record FilerLine(string FilerName, FilerType Type, int Received, int Late, int Archived);

/// <summary>The year's filing and review work, computed from the records (never from counters).</summary>
public sealed record FilingStatisticsView(int Year, int Received, int Late, int OnTime, IReadOnlyList<CountLine> ByFilerType, IReadOnlyList<FilerLine> ByFiler,
    int Archived, int Reviewed, IReadOnlyList<CountLine> ReviewsByMode, int ProblemsFound, IReadOnlyList<CountLine> ProblemsByStandard,
    int Corrected, int CorrectionPlans, int Annulled, int Pending, int Suggestions, int SuggestionsAnswered, int CampaignDocuments, IReadOnlyList<CampaignLine> Campaigns,
    int CataloguesLate, int Catalogues);

public static class FilingStatistics
{
    public static async Task<FilingStatisticsView> ForYearAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        if (year is < 1979 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        var filings = await db.Set<Filing>().AsNoTracking().Where(f => f.CongressId == congressId && f.Year == year)
            .Select(f => new { f.FilerType, f.FilerName, f.Late, f.Status }).ToListAsync(ct);
        var reviews = await db.Set<Review>().AsNoTracking().Where(r => r.CongressId == congressId && (r.RegisteredOn.Year == year || (r.ClosedOn != null && r.ClosedOn.Value.Year == year)
                || (r.RegisteredOn.Year < year && Review.Running.Contains(r.Status))))
            .Select(r => new { r.Id, r.Mode, r.Status, r.Outcome, r.RegisteredOn, r.ClosedOn, Problems = r.Findings.Where(f => f.Problem).Select(f => f.Standard).ToList() })
            .ToListAsync(ct);
        var registered = reviews.Where(r => r.RegisteredOn.Year == year).ToList();
        var closed = reviews.Where(r => r.Status == ReviewStatus.Closed && r.ClosedOn!.Value.Year == year).ToList();
        var problem = registered.Where(r => r.Problems.Count > 0).ToList();
        var suggestions = await db.Set<ReviewSuggestion>().AsNoTracking().Where(s => s.CongressId == congressId && s.ReceivedOn.Year == year).Select(s => s.RepliedOn != null).ToListAsync(ct);
        var campaigns = await db.Set<ReviewCampaign>().AsNoTracking().Where(c => c.CongressId == congressId && c.Year == year).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.Theme, c.Scope, Results = c.Documents.Select(d => d.Result).ToList() }).ToListAsync(ct);
        var catalogues = await db.Set<FilingCatalogue>().AsNoTracking().Where(c => c.CongressId == congressId && c.Year == year - 1).Select(c => c.Late).ToListAsync(ct);
        return new FilingStatisticsView(year, filings.Count, filings.Count(f => f.Late), filings.Count(f => !f.Late),
            Enum.GetValues<FilerType>().Select(t => new CountLine(t.ToString(), FilingLabels.Of(t), filings.Count(f => f.FilerType == t))).ToList(),
            filings.GroupBy(f => (f.FilerName, f.FilerType)).OrderBy(g => g.Key.FilerType).ThenBy(g => g.Key.FilerName, StringComparer.Ordinal)
                .Select(g => new FilerLine(g.Key.FilerName, g.Key.FilerType, g.Count(), g.Count(f => f.Late), g.Count(f => f.Status == FilingStatus.Archived))).ToList(),
            filings.Count(f => f.Status == FilingStatus.Archived),
            closed.Count,
            Enum.GetValues<ReviewMode>().Select(m => new CountLine(m.ToString(), FilingLabels.Of(m), registered.Count(r => r.Mode == m))).ToList(),
            problem.Count,
            Enum.GetValues<ReviewStandard>().Select(s => new CountLine(s.ToString(), FilingLabels.Of(s), problem.Count(r => r.Problems.Contains(s)))).ToList(),
            closed.Count(r => r.Outcome is ReviewOutcome.Corrected or ReviewOutcome.Repealed or ReviewOutcome.Annulled),
            closed.Count(r => r.Outcome == ReviewOutcome.CorrectionPlan),
            closed.Count(r => r.Outcome == ReviewOutcome.Annulled),
            reviews.Count(r => r.Problems.Count > 0 && Review.Running.Contains(r.Status)),
            suggestions.Count, suggestions.Count(told => told),
            campaigns.Sum(c => c.Results.Count),
            campaigns.Select(c => new CampaignLine(c.Id, FilingLabels.Of(c.Kind), c.Theme, c.Scope, c.Results.Count, c.Results.Count(r => r == CampaignResult.Keep),
                c.Results.Count(r => r == CampaignResult.Amend), c.Results.Count(r => r == CampaignResult.Repeal), c.Results.Count(r => r == CampaignResult.Pending))).ToList(),
            catalogues.Count(l => l), catalogues.Count);
    }

    /// <summary>The report's sentences, in the words of the seed report ("共收集整理……规范性文件39件，对州政府报备的8件规范性文件……").</summary>
    public static string Sentences(FilingStatisticsView s)
    {
        var parts = new List<string>();
        var cleanups = s.Campaigns.Where(c => c.Kind == FilingLabels.Of(CampaignKind.Cleanup)).ToList();
        if (cleanups.Count > 0)
            parts.Add($"积极组织开展涉及{string.Join("、", cleanups.Select(c => c.Theme))}等规范性文件清理工作");
        var collected = new List<string>();
        if (s.CampaignDocuments > 0)
            collected.Add($"共收集整理{string.Join("、", s.Campaigns.Select(c => c.Scope).Distinct())}等规范性文件{s.CampaignDocuments}件");
        foreach (var f in s.ByFiler)
            collected.Add(f.Archived == f.Received
                ? $"对{f.FilerName}报备的{f.Received}件规范性文件，按规定程序逐一备案、审查、归档"
                : $"接收{f.FilerName}报备的规范性文件{f.Received}件，已审查归档{f.Archived}件");
        var text = parts.Count > 0 ? string.Join("，", parts) + "。" : "";
        text += $"年内，{string.Join("，", collected.DefaultIfEmpty("未收到报备的规范性文件"))}。";
        text += $"全年共接收报备文件{s.Received}件，其中按时报备{s.OnTime}件、逾期报备{s.Late}件；完成审查{s.Reviewed}件，发现问题{s.ProblemsFound}件，已纠正{s.Corrected}件，正在督促纠正{s.Pending}件";
        if (s.Suggestions > 0) text += $"；收到公民、组织审查建议{s.Suggestions}件";
        return text + "。";
    }

    /// <summary>The annual report on filing and review work (北京 第四十条) as a Word document.</summary>
    public static byte[] Word(string congressName, FilingStatisticsView s)
    {
        static IReadOnlyList<string> Row(params string[] cells) => cells;
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var doc = new WordDocument().Title($"{congressName}{s.Year}年度备案审查工作情况报告")
            .Paragraph("按照“有件必备、有备必审、有错必纠”的要求，现将本年度规范性文件备案审查工作情况报告如下。")
            .Heading("一、总体情况").Paragraph(Sentences(s))
            .Heading("二、备案情况")
            .Table(["报备机关类别", "报备件数"], s.ByFilerType.Select(c => Row(c.Label, N(c.Count))))
            .Table(["报备机关", "报备", "逾期", "已归档"], s.ByFiler.Select(f => Row(f.FilerName, N(f.Received), N(f.Late), N(f.Archived))))
            .Heading("三、审查情况")
            .Table(["审查方式", "件数"], s.ReviewsByMode.Select(c => Row(c.Label, N(c.Count))))
            .Table(["审查标准", "发现问题件数"], s.ProblemsByStandard.Select(c => Row(c.Label, N(c.Count))))
            .Paragraph($"完成审查{s.Reviewed}件，发现问题{s.ProblemsFound}件，已纠正{s.Corrected}件（其中常委会决定撤销{s.Annulled}件），制定机关承诺纠正{s.CorrectionPlans}件，正在督促纠正{s.Pending}件。")
            .Heading("四、专项审查和专项清理")
            .Table(["类型", "主题", "范围", "文件数", "保留", "修改", "废止"], s.Campaigns.Select(c => Row(c.Kind, c.Theme, c.Scope, N(c.Documents), N(c.Keep), N(c.Amend), N(c.Repeal))))
            .Heading("五、审查建议").Paragraph($"收到公民、组织审查建议{s.Suggestions}件，已告知建议人处理情况{s.SuggestionsAnswered}件。");
        return doc.ToBytes();
    }
}

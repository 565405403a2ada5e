using Renda.Web.Platform.People;
using System.Globalization;
using System.Text;
using Renda.Web.Features.Suggestions;

namespace Renda.Web.Features.Deputies;

public sealed record DutyReportEdit(string? Title, string? Text);
public sealed record DutyReportPresentation(DateOnly? PresentedOn, int? LiaisonStationId, string? StationName, int? Satisfied, int? BasicallySatisfied, int? Dissatisfied);

/// <summary>The steps of a duty report: drafted from the archive, edited, submitted, presented at a station with the evaluation.</summary>
public static class DutyReportWorkflow
{
    /// <summary>Drafts the deputy's report for the year from the archive; a year that already has one returns it unchanged.</summary>
    public static async Task<DutyReport> DraftAsync(RendaDbContext db, DutyArchiveActor actor, int deputyId, int? year, CancellationToken ct)
    {
        await actor.RequireMayReadAsync(db, deputyId, ct);
        if (!actor.IsStaff && !actor.IsDeputy) throw DomainException.Forbidden("只有代表本人或常委会工作人员可以起草述职报告。");
        var today = WorkCalendar.Today(db.Clock);
        if (year is not { } y) throw DomainException.Invalid("year", "请填写述职年度。");
        if (y < 1979 || y > today.Year) throw DomainException.Invalid("year", $"述职年度须在 1979 到 {today.Year} 之间。");
        if (await db.Set<DutyReport>().FirstOrDefaultAsync(r => r.DeputyId == deputyId && r.Year == y, ct) is { } existing)
            return existing;
        var name = await db.Deputies.Where(d => d.Id == deputyId).Select(d => d.Person!.Name).FirstAsync(ct);
        var report = new DutyReport
        {
            CongressId = actor.CongressId, DeputyId = deputyId, Year = y, Title = $"{name}代表{y}年度履职情况报告",
            Text = await DraftTextAsync(db, deputyId, y, ct), CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>The year's records by kind, then the suggestions the deputy led with where each stands.</summary>
    private static async Task<string> DraftTextAsync(RendaDbContext db, int deputyId, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var byKind = await db.Set<DutyRecord>().Where(r => r.DeputyId == deputyId && r.On >= start && r.On < end)
            .GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var suggestions = await db.Set<Suggestion>().Where(s => s.LeadDeputyId == deputyId && s.Year == year && s.Number != null)
            .OrderBy(s => s.Serial).Select(s => new { s.Number, s.Title, s.Status, s.Rating }).ToListAsync(ct);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{year}年，本人认真履行代表职责，现将一年来的履职情况报告如下。");
        text.AppendLine("一、参加履职活动情况");
        if (byKind.Count == 0) text.AppendLine("本年度履职档案中暂无记录。");
        foreach (var k in byKind.OrderBy(k => DutyKinds.All.ToList().IndexOf(k.Kind)))
            text.AppendLine(CultureInfo.InvariantCulture, $"{k.Kind} {k.Count} 次。");
        text.AppendLine("二、提出建议及办理情况");
        text.AppendLine(CultureInfo.InvariantCulture, $"领衔提出建议 {suggestions.Count} 件。");
        foreach (var s in suggestions)
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Number}《{s.Title}》：{SuggestionLabels.Of(s.Status)}{(s.Rating is { } r ? "，本人评价" + RatingLabel(r) : "")}。");
        text.AppendLine("三、存在的不足和今后的打算");
        text.Append("（请代表本人填写。）");
        return text.ToString();
    }

    private static string RatingLabel(Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
    };

    public static async Task<DutyReport> LoadAsync(RendaDbContext db, DutyArchiveActor actor, int id, CancellationToken ct)
    {
        var report = await db.Set<DutyReport>().FirstOrDefaultAsync(r => r.Id == id && r.CongressId == actor.CongressId, ct)
            ?? throw DomainException.NotFound("没有找到该述职报告。");
        await actor.RequireMayReadAsync(db, report.DeputyId, ct);
        return report;
    }

    public static async Task EditAsync(RendaDbContext db, DutyArchiveActor actor, int id, DutyReportEdit input, CancellationToken ct)
    {
        var report = await LoadAsync(db, actor, id, ct);
        DutyReport.Machine.Require(report.Status, DutyReportAction.Edit, actor);
        report.Edit(DutyCorrectionWorkflow.Required("title", input.Title, "标题", 200), DutyCorrectionWorkflow.Required("text", input.Text, "报告正文", DutyReport.MaxText));
        await db.SaveChangesAsync(ct);
    }

    public static async Task SubmitAsync(RendaDbContext db, DutyArchiveActor actor, int id, CancellationToken ct)
    {
        var report = await LoadAsync(db, actor, id, ct);
        DutyReport.Machine.Require(report.Status, DutyReportAction.Submit, actor);
        report.Submit(db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Presented at a station: the evaluation is counted and the report enters the deputy's archive, in one save.</summary>
    public static async Task PresentAsync(RendaDbContext db, DutyArchiveActor actor, int id, DutyReportPresentation input, CancellationToken ct)
    {
        var report = await LoadAsync(db, actor, id, ct);
        DutyReport.Machine.Require(report.Status, DutyReportAction.Present, actor);
        var today = WorkCalendar.Today(db.Clock);
        if (input.PresentedOn is not { } on) throw DomainException.Invalid("presentedOn", "请填写述职日期。");
        if (on > today) throw DomainException.Invalid("presentedOn", "述职日期不能晚于今天。");
        if (on.Year < report.Year) throw DomainException.Invalid("presentedOn", $"述职日期不能早于述职年度（{report.Year}年）。");
        var station = DutyCorrectionWorkflow.Required("stationName", input.StationName, "述职地点（代表联络站）", 100);
        int Count(int? value, string field, string label) => value switch
        {
            null => throw DomainException.Invalid(field, $"请填写{label}人数。"),
            < 0 => throw DomainException.Invalid(field, $"{label}人数不能为负数。"),
            > 100_000 => throw DomainException.Invalid(field, $"{label}人数不超过 100000。"),
            { } n => n,
        };
        var satisfied = Count(input.Satisfied, "satisfied", "满意");
        var basically = Count(input.BasicallySatisfied, "basicallySatisfied", "基本满意");
        var dissatisfied = Count(input.Dissatisfied, "dissatisfied", "不满意");
        report.Present(on, input.LiaisonStationId, station, satisfied, basically, dissatisfied);
        await DutyRecords.AddAsync(db, [report.DeputyId], on, DutyKinds.DutyReport, report.Title, DutyReport.Subject, report.Id, ct);
        await db.SaveChangesAsync(ct);
    }
}

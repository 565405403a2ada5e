namespace Renda.Web.Features.Supervision;

/// <summary>One figure and the list of records behind it.</summary>
public sealed record Figure(int Count, string Link);

/// <summary>The year's supervision in figures, as the annual report states them (seed 000, seed 004). Counts of records, never counters.</summary>
public sealed record SupervisionStatisticsView(string Congress, string Code, int Year, int WorkReports, int FinanceReports, int Inspections, int Surveys, int DeputyInspections,
    int Inquiries, int Interpellations, int AppraisedOfficials, int OpinionsSent, int HandlingReported, int Closed, IReadOnlyDictionary<string, string> Links);

public static class SupervisionStatistics
{
    /// <summary>
    /// Reports count in the year they were heard (a report registered but never heard is not "听取审议"); inspections, surveys
    /// and inquiries in the year they took place; officials when appraised (a closed appraisal round with at least one appraisal).
    /// </summary>
    public static async Task<SupervisionStatisticsView> ForAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var c = await db.Congresses.AsNoTracking().FirstAsync(x => x.Id == congressId, ct);
        DateOnly? from = new DateOnly(year, 1, 1), to = new DateOnly(year + 1, 1, 1);
        var heard = db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == congressId && r.HeardOn >= from && r.HeardOn < to);
        var special = await heard.CountAsync(r => r.Kind == WorkReportKind.Special, ct);
        var finance = await heard.CountAsync(r => r.Kind != WorkReportKind.Special && r.Kind != WorkReportKind.InspectionReport, ct);
        var inspections = await db.Set<LawEnforcementInspection>().CountAsync(i => i.CongressId == congressId && i.Year == year, ct);
        var surveys = await db.Set<Survey>().CountAsync(s => s.CongressId == congressId && s.Year == year && s.Kind == SurveyKind.Survey, ct);
        var deputyInspections = await db.Set<Survey>().CountAsync(s => s.CongressId == congressId && s.Year == year && s.Kind == SurveyKind.DeputyInspection, ct);
        var inquiries = await db.Set<SpecialInquiry>().CountAsync(i => i.CongressId == congressId && i.Year == year, ct);
        var interpellations = await db.Set<Interpellation>().CountAsync(i => i.CongressId == congressId && i.Year == year, ct);
        var appraised = await db.Set<PostAppointmentReview>().Where(r => r.CongressId == congressId && r.Year == year && r.Status == PostAppointmentReviewStatus.Closed
            && db.Set<AppraisalReceipt>().Any(x => x.ReviewId == r.Id)).Select(r => r.AppointmentId).Distinct().CountAsync(ct);
        var loop = db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == congressId && r.Year == year);
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new Dictionary<string, string>
        {
            ["workReports"] = $"/supervision/reports?year={y}&group=special",
            ["financeReports"] = $"/supervision/reports?year={y}&group=finance",
            ["inspections"] = $"/supervision/inspections?year={y}",
            ["surveys"] = $"/supervision/surveys?year={y}&kind=Survey",
            ["deputyInspections"] = $"/supervision/surveys?year={y}&kind=DeputyInspection",
            ["inquiries"] = $"/supervision/inquiries?year={y}",
            ["interpellations"] = $"/supervision/interpellations?year={y}",
            ["appraisedOfficials"] = $"/supervision/appraisals?year={y}",
        };
        return new SupervisionStatisticsView(c.StandingCommitteeName, c.Code, year, special, finance, inspections, surveys, deputyInspections, inquiries, interpellations, appraised,
            await loop.CountAsync(r => r.OpinionsSentOn != null, ct), await loop.CountAsync(r => r.HandlingReportedOn != null, ct), await loop.CountAsync(r => r.Status == WorkReportStatus.Closed, ct), links);
    }
}

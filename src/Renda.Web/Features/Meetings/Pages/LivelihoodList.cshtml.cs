using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/livelihood — 民生实事项目票决 by year; staff start a new one here.</summary>
public class LivelihoodListModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<int> Years { get; private set; } = [];
    public string CongressName { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    /// <summary>Ballots open now in another year than the one shown: deputies at the session must find them at once.</summary>
    public List<Row> OpenElsewhere { get; private set; } = [];

    public sealed record Row(int Id, int Year, string Title, string Session, int Places, int Candidates, LivelihoodBallotStatus Status, string StatusLabel,
        int BallotsCast, int? EligibleDeputies, bool EvaluationOpen);

    [BindProperty] public BallotForm Create { get; set; } = new();
    public sealed class BallotForm
    {
        public int? Year { get; set; }
        public string? Title { get; set; }
        public string? Session { get; set; }
        public int? Places { get; set; }
        public TieRule TieRule { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var today = WorkCalendar.Today(Db.Clock);
        CongressName = await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => c.ShortName).FirstAsync(ct);
        Year = await ChooseYearAsync(Db.Set<LivelihoodProjectBallot>().Where(b => b.CongressId == Actor.CongressId).Select(b => b.Year), Year, ct);
        Years = [.. YearShown!.Years];
        var ballots = await MeetingQueries.LivelihoodBallotsAsync(Db, Actor.CongressId, Year, ct);
        var casting = LivelihoodProjectBallot.Machine.StatesFor(LivelihoodBallotAction.Cast).ToList();
        var elsewhere = await Db.Set<LivelihoodProjectBallot>().AsNoTracking().Include(b => b.Projects)
            .Where(b => b.CongressId == Actor.CongressId && casting.Contains(b.Status) && b.Year != Year).OrderByDescending(b => b.Year).ToListAsync(ct);
        ballots.AddRange(elsewhere);
        // While a ballot is open the turnout is the receipts so far (who voted, never what was ticked).
        var open = ballots.Where(b => b.Can(LivelihoodBallotAction.Cast)).Select(b => b.Id).ToList();
        var receipts = await Db.Set<LivelihoodBallotReceipt>().AsNoTracking().Where(r => open.Contains(r.BallotId)).GroupBy(r => r.BallotId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = ballots.Select(b => new Row(b.Id, b.Year, b.Title, b.Session, b.Places, b.Projects.Count, b.Status, MeetingLabels.Of(b.Status),
            b.BallotsCast ?? receipts.GetValueOrDefault(b.Id), b.EligibleDeputies, b.EvaluationOpen)).ToList();
        Rows = rows.Where(r => r.Year == Year).ToList();
        OpenElsewhere = rows.Where(r => r.Year != Year).ToList();
        Create.Year ??= today.Month >= 10 ? today.Year + 1 : today.Year;
        Create.Places ??= 10;
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        LivelihoodProjectBallot? created = null;
        return StepAsync(async a =>
        {
            var f = Create;
            if (f.Year is not { } year) throw Platform.Web.DomainException.Invalid("year", "请填写年度。");
            if (f.Places is not { } places) throw Platform.Web.DomainException.Invalid("places", "请填写拟确定的项目数。");
            created = await LivelihoodBallotWorkflow.CreateAsync(Db, a, new LivelihoodBallotInput(year, f.Title, f.Session, places, f.TieRule), ct);
        }, "票决已创建，请录入候选项目。", () => $"/livelihood/{created!.Id}", ct);
    }
}

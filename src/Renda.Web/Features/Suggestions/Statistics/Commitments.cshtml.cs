using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;
using Microsoft.AspNetCore.WebUtilities;

namespace Renda.Web.Features.Suggestions.Statistics;

/// <summary>
/// 承诺事项台账: what units promised in their answers, by when, and the latest progress. Staff and
/// council see the congress's ledger; a unit officer sees their unit's lines and reports progress on them.
/// </summary>
[Authorize(Roles = nameof(Role.CommitteeStaff) + "," + nameof(Role.ChairpersonsCouncilMember) + "," + nameof(Role.HandlingUnitOfficer))]
public class CommitmentsModel(RendaDbContext db) : WorkflowPageModel<SuggestionActor>(db)
{
    [BindProperty(SupportsGet = true)] public CommitmentFilter? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Page<CommitmentLedgerRow> Result { get; private set; } = new([], 1, 50, 0);
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool SeesAll { get; private set; }
    public string CongressCode { get; private set; } = "";
    public string? Message { get; private set; }

    private SuggestionActor? actor;
    public override SuggestionActor Actor => actor ?? throw new InvalidOperationException("The page is not loaded.");
    /// <summary>Staff, council and unit officers (the page's Authorize); which lines each sees is the ledger's reader.</summary>
    protected override bool MayOpen => true;

    /// <summary>A unit officer reports progress (or completion) on one of the unit's promises; the deputies are told.</summary>
    public async Task<IActionResult> OnPostProgressAsync(int commitmentId, string? text, bool done, CancellationToken ct)
    {
        actor = await SuggestionActor.ForAsync(Db, new CurrentUser(User), ct);
        return await StepAsync(a => SuggestionWorkflow.ReportCommitmentAsync(Db, a, commitmentId, text ?? "", done, ct), "进展已报告，并已告知代表。", () => Link(PageNumber), ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        CongressCode = user.CongressCode ?? "";
        var (_, reader) = await LedgersApi.ReaderAsync(Db, user, CongressCode, ct);
        SeesAll = reader.All;
        CanReport = user.Has(Role.HandlingUnitOfficer);
        Message = TempData["Message"] as string;
        var visible = Ledgers.Commitments(Db, reader, CommitmentFilter.All, null, null, default);
        var unitIds = await visible.Select(c => c.HandlingUnitId).Distinct().ToListAsync(ct);
        Units = (await Db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        Years = await visible.Select(c => c.Suggestion!.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Result = await Ledgers.CommitmentPageAsync(Db, reader, Status ?? CommitmentFilter.All, Year, Unit, PageNumber, 50, ct);
    }

    public string Link(int? page = null, CommitmentFilter? status = null, bool xlsx = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = (status ?? Status)?.ToString(), ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["p"] = xlsx ? null : page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Value != nameof(CommitmentFilter.All));
        return QueryHelpers.AddQueryString(xlsx ? $"/api/v1/congresses/{CongressCode}/suggestions/ledgers/commitments.xlsx" : "/suggestions/commitments", query);
    }

    public static string Tab(CommitmentFilter f) => f switch
    {
        CommitmentFilter.All => "全部",
        CommitmentFilter.Open => "未落实",
        CommitmentFilter.Overdue => "已逾期",
        CommitmentFilter.Done => "已落实",
    };
}

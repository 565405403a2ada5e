using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// /api/v1/congresses/{code}/suggestions/ledgers: the 交办台账 and 答复台账 of a year as XLSX (own
/// congress's staff and council: they name deputies), and the 承诺事项台账 as JSON or XLSX (a unit
/// officer sees their unit's lines only). Every download is recorded in the audit trail.
/// </summary>
public static class LedgersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/congresses/{code}/suggestions/ledgers").RequireAuthorization().WithTags("代表建议台账");
        group.MapGet("/assignments.xlsx", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var congress = await StaffScopeAsync(db, user.User, code, ct);
            var y = StatisticsApi.YearOrCurrent(db, year);
            var bytes = Ledgers.Workbook($"交办台账{y}", Ledgers.AssignmentColumns, await Ledgers.AssignmentRowsAsync(db, congress.Id, y, ct),
                $"{congress.ShortName}{y}年代表建议交办台账");
            return await FileAsync(db, congress, "交办台账", y, bytes, ct);
        }).ProducesFile(Endpoints.Xlsx).WithName("Suggestions_ExportAssignmentLedger").WithSummary("导出一年的交办台账（Excel）");
        group.MapGet("/answers.xlsx", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var congress = await StaffScopeAsync(db, user.User, code, ct);
            var y = StatisticsApi.YearOrCurrent(db, year);
            var bytes = Ledgers.Workbook($"答复台账{y}", Ledgers.AnswerColumns, await Ledgers.AnswerRowsAsync(db, congress.Id, y, ct),
                $"{congress.ShortName}{y}年代表建议答复台账");
            return await FileAsync(db, congress, "答复台账", y, bytes, ct);
        }).ProducesFile(Endpoints.Xlsx).WithName("Suggestions_ExportAnswerLedger").WithSummary("导出一年的答复台账（Excel）");
        group.MapGet("/commitments", async (string code, CommitmentFilter? status, int? year, int? unit, int? page, int? pageSize, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (_, reader) = await ReaderAsync(db, user.User, code, ct);
            return TypedResults.Ok(await Ledgers.CommitmentPageAsync(db, reader, status ?? CommitmentFilter.All, year, unit, page, pageSize, ct));
        }).WithName("Suggestions_ListCommitments").WithSummary("承诺事项台账（承办单位只见本单位的）");
        group.MapGet("/commitments.xlsx", async (string code, CommitmentFilter? status, int? year, int? unit, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (congress, reader) = await ReaderAsync(db, user.User, code, ct);
            var rows = await Ledgers.CommitmentRowsAsync(db, reader, status ?? CommitmentFilter.All, year, unit, ct);
            return await FileAsync(db, congress, "承诺事项台账", year, Ledgers.Workbook("承诺事项台账", Ledgers.CommitmentColumns, Ledgers.CommitmentCells(rows),
                $"{congress.ShortName}{(year is { } y ? $"{y}年" : "")}代表建议承诺事项台账"), ct);
        }).ProducesFile(Endpoints.Xlsx).WithName("Suggestions_ExportCommitmentLedger").WithSummary("导出承诺事项台账（Excel）");
    }

    private static async Task<Congress> StaffScopeAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct)
    {
        var congress = await CongressScope.OwnAsync(db, user, code, ct);
        if (!user.Has(Role.CommitteeStaff) && !user.Has(Role.ChairpersonsCouncilMember))
            throw DomainException.Forbidden("台账仅供本级常委会工作人员和主任会议成员导出。");
        return congress;
    }

    /// <summary>The commitment ledger's reader: staff and council all lines, a unit officer their unit's.</summary>
    public static async Task<(Congress Congress, LedgerReader Reader)> ReaderAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct)
    {
        var congress = await CongressScope.OwnAsync(db, user, code, ct);
        if (user.Has(Role.CommitteeStaff) || user.Has(Role.ChairpersonsCouncilMember))
            return (congress, new LedgerReader(congress.Id, true, []));
        if (user.Has(Role.HandlingUnitOfficer))
            return (congress, new LedgerReader(congress.Id, false, user.HandlingUnitIds.ToList()));
        throw DomainException.Forbidden("承诺事项台账仅供常委会工作人员、主任会议成员和承办单位查看。");
    }

    private static async Task<FileContentHttpResult> FileAsync(RendaDbContext db, Congress congress, string ledger, int? year, byte[] bytes, CancellationToken ct)
    {
        db.RecordEvent("SuggestionLedger", congress.Code, "export", details: year is { } y ? $"{ledger} {y}" : ledger);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(bytes, Ledgers.ContentType, Ledgers.FileName(congress.ShortName, ledger, year));
    }
}

using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

public sealed record CatalogueEntryInput(string? Title, string? DocumentNumber, DateOnly? PublishedOn);
public sealed record CatalogueInput(int Year, CatalogueEntryInput[]? Entries);
public sealed record UnfiledEntry(int Id, string Title, string? DocumentNumber, DateOnly PublishedOn, DateOnly? FollowedUpOn, string? FollowUpNote);
public sealed record CatalogueComparison(int CatalogueId, string FilerName, int Year, bool Late, int Entries, int Filed, IReadOnlyList<UnfiledEntry> Unfiled);

/// <summary>
/// Each filer's annual catalogue (年度目录, due by 31 January, 北京 第十七条), compared with what it filed: the documents listed
/// but never filed (漏报) are followed up. Matching is by document number when the entry has one, by title otherwise.
/// </summary>
public static class CatalogueWorkflow
{
    public const int MaxEntries = 20_000;

    public static async Task<FilingCatalogue> SubmitAsync(RendaDbContext db, FilingActor actor, Congress congress, CatalogueInput input, CancellationToken ct)
    {
        var filer = await actor.RequireFilerAsync(db, congress, ct);
        var today = WorkCalendar.Today(db.Clock);
        if (input.Year < 1979 || input.Year >= today.Year) throw DomainException.Invalid("year", "目录年度须是已结束的年度（每年一月底前报送上一年度目录）。");
        var entries = input.Entries ?? [];
        if (entries.Length > MaxEntries) throw DomainException.Invalid("entries", $"一份目录不超过 {MaxEntries} 件。");
        if (await db.Set<FilingCatalogue>().AnyAsync(c => c.CongressId == congress.Id && c.Year == input.Year && c.FilerHandlingUnitId == filer.HandlingUnitId && c.FilerCongressId == filer.CongressId, ct))
            throw DomainException.Conflict($"{input.Year} 年度目录已经报送。");
        var c = new FilingCatalogue
        {
            CongressId = congress.Id, FilerType = filer.Type, FilerHandlingUnitId = filer.HandlingUnitId, FilerCongressId = filer.CongressId, FilerName = filer.Name,
            Year = input.Year, SubmittedOn = today, Late = today > FilingCatalogue.DueOn(input.Year),
        };
        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            if (e.PublishedOn is not { } on || on.Year != input.Year) throw DomainException.Invalid($"entries[{i}].publishedOn", $"第 {i + 1} 件的公布日期须在 {input.Year} 年内。");
            c.Entries.Add(new CatalogueEntry
            {
                Title = Text.Required($"entries[{i}].title", e.Title, $"第 {i + 1} 件的名称", 200),
                DocumentNumber = Text.Optional($"entries[{i}].documentNumber", e.DocumentNumber, $"第 {i + 1} 件的文号", 100), PublishedOn = on,
            });
        }
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Catalogue against filings: one query for the entries, one for the filer's filings, a hash lookup per entry.</summary>
    public static async Task<CatalogueComparison> CompareAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var c = await db.Set<FilingCatalogue>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !(actor.MayRead(c.CongressId) || actor.IsFiler(c.FilerHandlingUnitId, c.FilerCongressId)))
            throw DomainException.NotFound("没有找到该目录。");
        var entries = await db.Set<CatalogueEntry>().AsNoTracking().Where(e => e.CatalogueId == id).OrderBy(e => e.PublishedOn).ThenBy(e => e.Id)
            .Select(e => new UnfiledEntry(e.Id, e.Title, e.DocumentNumber, e.PublishedOn, e.FollowedUpOn, e.FollowUpNote)).ToListAsync(ct);
        var filed = await db.Set<Filing>().AsNoTracking().Where(Filing.Kept)
            .Where(f => f.CongressId == c.CongressId && f.FilerHandlingUnitId == c.FilerHandlingUnitId && f.FilerCongressId == c.FilerCongressId)
            .Select(f => new { f.DocumentNumber, f.Title }).ToListAsync(ct);
        var numbers = filed.Where(f => f.DocumentNumber != null).Select(f => Key(f.DocumentNumber!)).ToHashSet(StringComparer.Ordinal);
        var titles = filed.Select(f => Key(f.Title)).ToHashSet(StringComparer.Ordinal);
        var unfiled = entries.Where(e => e.DocumentNumber is { } n ? !numbers.Contains(Key(n)) && !titles.Contains(Key(e.Title)) : !titles.Contains(Key(e.Title))).ToList();
        return new CatalogueComparison(c.Id, c.FilerName, c.Year, c.Late, entries.Count, entries.Count - unfiled.Count, unfiled);
    }

    /// <summary>Spaces and bracket styles vary between a catalogue and a filing (〔2023〕 [2023] (2023)).</summary>
    private static string Key(string s)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) continue;
            buffer[n++] = ch switch { '〔' or '［' or '[' or '（' or '(' or '【' => '(', '〕' or '］' or ']' or '）' or ')' or '】' => ')', _ => ch };
        }
        return new string(buffer[..n]);
    }

    /// <summary>The organs that must send a catalogue of the year and have not (应报未报): the 一府一委两院 and the standing committees below.</summary>
    public static async Task<List<string>> MissingAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == congressId && u.Active && (u.Kind == HandlingUnitKind.Government
                || u.Kind == HandlingUnitKind.SupervisoryCommission || u.Kind == HandlingUnitKind.Court || u.Kind == HandlingUnitKind.Procuratorate))
            .OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var below = (await db.Congresses.AsNoTracking().Where(c => c.ParentId == congressId && c.Level != RegionLevel.Township).OrderBy(c => c.Code).ToListAsync(ct));
        var sent = await db.Set<FilingCatalogue>().AsNoTracking().Where(c => c.CongressId == congressId && c.Year == year)
            .Select(c => new { c.FilerHandlingUnitId, c.FilerCongressId }).ToListAsync(ct);
        return units.Where(u => sent.All(s => s.FilerHandlingUnitId != u.Id)).Select(u => u.Name)
            .Concat(below.Where(c => sent.All(s => s.FilerCongressId != c.Id)).Select(c => c.StandingCommitteeName)).ToList();
    }

    public static async Task FollowUpAsync(RendaDbContext db, FilingActor actor, int entryId, string? note, CancellationToken ct)
    {
        var e = await db.Set<CatalogueEntry>().FirstOrDefaultAsync(x => x.Id == entryId, ct) ?? throw DomainException.NotFound("没有找到该目录条目。");
        var c = await db.Set<FilingCatalogue>().AsNoTracking().FirstAsync(x => x.Id == e.CatalogueId, ct);
        actor.RequireStaff(c.CongressId);
        e.FollowUp(WorkCalendar.Today(db.Clock), Text.Required("note", note, "督促报备情况", 500));
        await db.SaveChangesAsync(ct);
    }
}

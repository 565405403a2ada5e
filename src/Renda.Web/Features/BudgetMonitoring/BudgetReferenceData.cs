using System.Reflection;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The national 政府收支分类科目 shipped with the module (Data/classifications.tsv: every 类 of the 支出功能分类 with the 款 and 项
/// a prefecture's departments use, and the 部门预算支出经济分类 类 and 款). The same for every congress, so loaded once per
/// database — at start (BudgetDataClockCheck), by the demo and by every import — and only codes not yet present are added.
/// </summary>
public static class BudgetReferenceData
{
    private static readonly Lazy<IReadOnlyList<(ClassificationKind Kind, string Code, string Name)>> List = new(Read);

    public static IReadOnlyList<(ClassificationKind Kind, string Code, string Name)> Shipped => List.Value;

    private static IReadOnlyList<(ClassificationKind Kind, string Code, string Name)> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Renda.Web.BudgetMonitoring.classifications.tsv")
            ?? throw new InvalidOperationException("classifications.tsv is not embedded: the build is broken.");
        using var reader = new StreamReader(stream);
        var rows = new List<(ClassificationKind, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            rows.Add((Enum.Parse<ClassificationKind>(parts[0]), parts[1], parts[2]));
        }
        return rows;
    }

    public static async Task EnsureLoadedAsync(RendaDbContext db, CancellationToken ct)
    {
        var present = await db.Set<BudgetClassification>().CountAsync(ct);
        if (present >= Shipped.Count) return;
        var existing = (await db.Set<BudgetClassification>().AsNoTracking().Select(c => new { c.Kind, c.Code }).ToListAsync(ct))
            .Select(c => (c.Kind, c.Code)).ToHashSet();
        foreach (var (kind, code, name) in Shipped.Where(s => !existing.Contains((s.Kind, s.Code))))
            db.Set<BudgetClassification>().Add(new BudgetClassification { Kind = kind, Code = code, Name = name });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The codes by kind, for validating a batch's rows in memory.</summary>
    public static async Task<Dictionary<ClassificationKind, HashSet<string>>> CodesAsync(RendaDbContext db, CancellationToken ct)
    {
        var all = await db.Set<BudgetClassification>().AsNoTracking().Select(c => new { c.Kind, c.Code }).ToListAsync(ct);
        return new()
        {
            [ClassificationKind.Functional] = all.Where(c => c.Kind == ClassificationKind.Functional).Select(c => c.Code).ToHashSet(StringComparer.Ordinal),
            [ClassificationKind.Economic] = all.Where(c => c.Kind == ClassificationKind.Economic).Select(c => c.Code).ToHashSet(StringComparer.Ordinal),
        };
    }
}

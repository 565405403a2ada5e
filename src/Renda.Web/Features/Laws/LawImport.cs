using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Renda.Web.Platform.LegalText;

namespace Renda.Web.Features.Laws;

public enum LawImportOutcome { Added = 1, Updated, Unchanged, Failed }

/// <summary>
/// What happened to one file: why it was refused, with the place, or the warnings it was imported with (numbering of the
/// source kept as printed, "第65行“第二章 …”：序号不连续：第一个章是第二章"), as stored on the law.
/// </summary>
public sealed record LawFileResult(string Path, LawImportOutcome Outcome, int Articles, IReadOnlyList<LegalTextError> Errors, IReadOnlyList<string> Warnings)
{
    public bool Refused => Outcome == LawImportOutcome.Failed;

    public string Describe() => Outcome switch
    {
        LawImportOutcome.Failed => $"{Path}：{string.Join("；", Errors)}",
        _ when Warnings.Count > 0 => $"{Path}：{Articles} 条，警告 {Warnings.Count} 处",
        _ => $"{Path}：{Articles} 条",
    };
}

public sealed record LawImportReport(IReadOnlyList<LawFileResult> Files)
{
    public int Count(LawImportOutcome o) => Files.Count(f => f.Outcome == o);
    public int Refused => Files.Count(f => f.Refused);
    public int ImportedWithWarnings => Files.Count(f => !f.Refused && f.Warnings.Count > 0);
    /// <summary>Imported without a warning (new, updated or unchanged).</summary>
    public int Imported => Files.Count - Refused - ImportedWithWarnings;
    public bool AllImported => Files.Count > 0 && Refused == 0;
    public int Articles => Files.Where(f => !f.Refused).Sum(f => f.Articles);

    public override string ToString() =>
        $"{Files.Count} 个文件：导入 {Imported}，导入但有警告 {ImportedWithWarnings}，拒绝 {Refused}"
        + $"（新增 {Count(LawImportOutcome.Added)}，更新 {Count(LawImportOutcome.Updated)}，未变 {Count(LawImportOutcome.Unchanged)}）；条文 {Articles} 条";
}

/// <summary>
/// `renda import-laws DIR`: the Markdown laws collection (one file per law version, folder = category) into the regulations
/// database. Idempotent (an unchanged file is not written; a changed one updates its law), all-or-nothing per file (the
/// law and its article index in one transaction), every failure reported with its place, nothing lost: the importer
/// refuses a file rather than drop an article. The text is taken as published: a table of contents is skipped, and a
/// heading or article number that is missing, skipped or repeated is kept as printed and recorded as a warning on the law
/// (<see cref="Law.ImportWarnings"/>). Refused is only what cannot be read: no title, no text, two articles with one
/// number. What is inferred from the files is set out in decision 0013.
/// </summary>
public static partial class LawImport
{
    [GeneratedRegex(@"^(?<name>.*?)(?:\((?<date>\d{4}-\d{2}-\d{2})\))?$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")]
    private static partial Regex TakesEffect();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<LawImportReport> ImportDirectoryAsync(RendaDbContext db, string dir, TimeProvider clock, CancellationToken ct = default)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"找不到法规目录 {dir}");
        var files = Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var results = new List<LawFileResult>(files.Count);
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await ImportFileAsync(db, dir, file, clock, ct));
        }
        await LinkVersionsAsync(db, ct);
        return new LawImportReport(results);
    }

    public static async Task<LawFileResult> ImportFileAsync(RendaDbContext db, string root, string file, TimeProvider clock, CancellationToken ct = default)
    {
        var path = Path.GetRelativePath(root, file).Replace('\\', '/');
        byte[] bytes;
        string text;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, ct);
            text = StrictUtf8.GetString(bytes).TrimStart('\ufeff');
        }
        catch (DecoderFallbackException)
        {
            return Failed(path, new LegalTextError(0, "", "不是 UTF-8 编码的文本"));
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.Set<Law>().FirstOrDefaultAsync(l => l.SourcePath == path, ct);
        if (existing is not null && existing.SourceHash == hash && existing.ImportWarnings is not null)
            return new LawFileResult(path, LawImportOutcome.Unchanged, existing.ArticleCount, [], Warnings(existing));

        LegalDocument doc;
        try
        {
            doc = LegalTextParser.ParseMarkdown(text, allowUnstructured: true, asPublished: true);
        }
        catch (LegalTextException e)
        {
            return Failed(path, [.. e.Errors]);
        }
        if (doc.Title.Length == 0)
            return Failed(path, new LegalTextError(1, text.Split('\n', 2)[0].Trim(), "没有标题：文件中没有“# 标题”一行"));
        var warnings = string.Join("\n", doc.Faults);
        if (existing is not null && existing.SourceHash == hash)
        {
            // Imported before warnings were recorded: the text and its index are as they were, only the warnings are new.
            existing.ImportWarnings = warnings;
            await db.SaveChangesAsync(ct);
            return new LawFileResult(path, LawImportOutcome.Unchanged, existing.ArticleCount, [], Warnings(existing));
        }

        var law = existing ?? new Law { SourcePath = path };
        Describe(law, path, doc);
        law.Source = text;
        law.SourceHash = hash;
        law.ImportWarnings = warnings;
        law.ImportedAt = clock.GetUtcNow().UtcDateTime;
        var units = LawIndex.Units(0, doc);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (existing is null) db.Add(law);
                await db.SaveChangesAsync(ct);
                await LawIndex.ReplaceAsync(db, law.Id, law.Title, units.Select(u => u with { LawId = law.Id }).ToList(), ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // Nothing of this file stays: the transaction is rolled back, and a new law is forgotten by the context.
            if (existing is null) db.Entry(law).State = EntityState.Detached;
            else await db.Entry(existing).ReloadAsync(ct);
            return Failed(path, new LegalTextError(0, "", $"写入数据库失败：{e.Message}"));
        }
        return new LawFileResult(path, existing is null ? LawImportOutcome.Added : LawImportOutcome.Updated, law.ArticleCount, [], Warnings(law));
    }

    private static LawFileResult Failed(string path, params LegalTextError[] errors) => new(path, LawImportOutcome.Failed, 0, errors, []);

    /// <summary>The warnings stored on a law, one a line.</summary>
    public static IReadOnlyList<string> Warnings(Law law) =>
        string.IsNullOrEmpty(law.ImportWarnings) ? [] : law.ImportWarnings.Split('\n');

    /// <summary>The law's facts from its path and text: category, title, history dates, version date, article count.</summary>
    internal static void Describe(Law law, string path, LegalDocument doc)
    {
        var parts = path.Split('/');
        var m = FileName().Match(Path.GetFileNameWithoutExtension(parts[^1]));
        var name = m.Groups["name"].Value;
        law.Category = parts.Length > 1 ? parts[0] : "其他";
        law.WorkKey = $"{law.Category}/{name}";
        law.Title = doc.Title;
        law.History = string.Join("\n", doc.History);
        var dated = doc.History.Select(h => (Line: h, Date: DateIn(h))).Where(x => x.Date is not null).ToList();
        law.AdoptedOn = dated.FirstOrDefault(x => x.Line.Contains("通过") || x.Line.Contains("公布") || x.Line.Contains("发布")).Date ?? dated.FirstOrDefault().Date;
        law.AmendedOn = dated.LastOrDefault(x => x.Line.Contains("修正") || x.Line.Contains("修订") || x.Line.Contains("修改")).Date;
        var effective = dated.Where(x => x.Line.Contains("施行")).Select(x => x.Date).LastOrDefault();
        if (effective is null)
        {
            // "本法自2024年7月1日起施行" in the last articles (a later version's history names the amendment, not this date).
            var lastArticles = doc.Articles().Reverse().Take(3).Select(a => a.FullText);
            var stated = lastArticles.Select(t => TakesEffect().Match(t)).FirstOrDefault(x => x.Success);
            if (stated is not null) effective = ToDate(stated);
        }
        law.EffectiveOn = effective;
        law.VersionDate = m.Groups["date"].Success
            ? DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dated.Count > 0 ? dated.Max(x => x.Date) : null;
        law.ArticleCount = doc.Articles().Count();
    }

    private static DateOnly? DateIn(string line)
    {
        var m = ChineseDate().Match(line);
        return m.Success ? ToDate(m) : null;
    }

    private static DateOnly? ToDate(Match m)
    {
        var (y, mo, d) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>
    /// Versions of one law (same category and file name, different dates): each but the newest is 已修改 and points to the
    /// next newer one. Re-running changes nothing.
    /// </summary>
    public static async Task LinkVersionsAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var laws = await db.Set<Law>().ToListAsync(ct);
        foreach (var group in laws.GroupBy(l => l.WorkKey))
        {
            var ordered = group.OrderBy(l => l.VersionDate ?? DateOnly.MinValue).ThenBy(l => l.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var next = i + 1 < ordered.Count ? ordered[i + 1].Id : (int?)null;
                if (ordered[i].SupersededById != next) ordered[i].SupersededById = next;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rebuilds the article index of every law from its stored source (the index is derived).</summary>
    public static async Task<int> ReindexAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var ids = await db.Set<Law>().OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var law = await db.Set<Law>().AsNoTracking().FirstAsync(l => l.Id == id, ct);
            var doc = Parse(law);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LawIndex.ReplaceAsync(db, law.Id, law.Title, LawIndex.Units(law.Id, doc), ct);
            await tx.CommitAsync(ct);
        }
        return ids.Count;
    }

    /// <summary>The stored law parsed again (for its page and its Akoma Ntoso), as published, as at import.</summary>
    public static LegalDocument Parse(Law law) => LegalTextParser.ParseMarkdown(law.Source, allowUnstructured: true, asPublished: true);
}

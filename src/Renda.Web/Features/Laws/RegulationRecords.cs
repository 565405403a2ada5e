using System.Globalization;
using System.Text;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Laws;

/// <summary>
/// A regulation promulgated in Renda enters the regulations database at once, as its congress's own: the text of the bill's
/// last version, its history (readings, adoption, approval, promulgation) and its status, searchable like any law. Written in
/// the promulgation's transaction (a promulgated regulation is never missing from the database); bills promulgated before
/// (the demo's, or before this existed) are entered at start-up, once.
/// </summary>
public static class RegulationRecords
{
    public const string Category = "地方性法规";

    public static string SourcePath(int billId) => $"renda/bills/{billId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Enters (or, for a bill entered before, rewrites) the regulation of a promulgated bill, inside the caller's transaction.</summary>
    public static async Task EnterAsync(RendaDbContext db, int billId, CancellationToken ct)
    {
        var bill = await db.Set<Bill>().AsNoTracking().FirstAsync(b => b.Id == billId, ct);
        if (bill.PromulgatedOn is not { } promulgated) throw new InvalidOperationException("only a promulgated bill enters the regulations database");
        var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == bill.CongressId, ct);
        var version = await db.Set<BillVersion>().AsNoTracking().Where(v => v.BillId == bill.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var history = await HistoryAsync(db, bill, congress, promulgated, ct);
        var source = Markdown(bill.Title, history, version is null ? null : BillText.FromJson(version.Document), bill, congress);
        var doc = LegalTextParser.ParseMarkdown(source, allowUnstructured: true, asPublished: true);

        var path = SourcePath(bill.Id);
        var law = await db.Set<Law>().FirstOrDefaultAsync(l => l.SourcePath == path, ct);
        var isNew = law is null;
        law ??= new Law { SourcePath = path };
        law.WorkKey = $"{congress.Code}/{bill.Title}";
        law.Title = bill.Title;
        law.Category = Category;
        law.CongressId = congress.Id;
        law.BillId = bill.Id;
        law.Source = source;
        law.SourceHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        law.History = string.Join("\n", history);
        law.VersionDate = promulgated;
        law.AdoptedOn = bill.PassedOn ?? promulgated;
        law.EffectiveOn = EffectiveOn(doc) ?? promulgated;
        law.ArticleCount = doc.Articles().Count();
        law.ImportWarnings = string.Join("\n", doc.Faults);
        law.ImportedAt = db.Clock.GetUtcNow().UtcDateTime;
        if (isNew) db.Add(law);
        await db.SaveChangesAsync(ct);
        await LawIndex.ReplaceAsync(db, law.Id, law.Title, LawIndex.Units(law.Id, doc), ct);
    }

    /// <summary>Every promulgated bill without its regulation in the database, each in a transaction of its own. Re-running finds none.</summary>
    public static async Task<int> EnterMissingAsync(RendaDbContext db, CancellationToken ct)
    {
        var entered = db.Set<Law>().Where(l => l.BillId != null).Select(l => l.BillId!.Value);
        var missing = await db.Set<Bill>().Where(b => b.PromulgatedOn != null && !entered.Contains(b.Id)).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in missing)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await EnterAsync(db, id, ct);
            await tx.CommitAsync(ct);
        }
        return missing.Count;
    }

    /// <summary>The regulation's making, dated, in the form the collection's history lines take ("2023年2月24日 … 通过").</summary>
    private static async Task<List<string>> HistoryAsync(RendaDbContext db, Bill bill, Congress congress, DateOnly promulgated, CancellationToken ct)
    {
        var lines = new List<string>();
        var readings = await db.Set<BillReading>().AsNoTracking().Where(r => r.BillId == bill.Id).OrderBy(r => r.Ordinal).ToListAsync(ct);
        foreach (var r in readings)
            lines.Add($"{Date(r.MeetingOn)} {congress.StandingCommitteeName}会议第{ChineseNumerals.Of(r.Ordinal)}次审议");
        if (bill.PassedOn is { } passed) lines.Add($"{Date(passed)} {congress.StandingCommitteeName}会议通过");
        var approval = await db.Set<Approval>().AsNoTracking().Where(a => a.BillId == bill.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (approval?.DecidedOn is { } approved)
        {
            var above = await db.Congresses.AsNoTracking().Where(c => c.Id == approval.CongressId).Select(c => c.ShortName).FirstAsync(ct);
            lines.Add($"{Date(approved)} {above}人大常委会会议批准");
        }
        lines.Add($"{Date(promulgated)} {congress.StandingCommitteeName}{bill.AnnouncementLabel}公布");
        return lines;
    }

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The collection's Markdown (title, history, "## " divisions, articles), so the law's page and index read it as any other.</summary>
    private static string Markdown(string title, IReadOnlyList<string> history, LegalDocument? doc, Bill bill, Congress congress)
    {
        var sb = new StringBuilder().Append("# ").Append(title).Append("\n\n");
        foreach (var h in history) sb.Append(h).Append("\n\n");
        sb.Append("<!-- INFO END -->\n\n");
        if (doc is null || !doc.HasArticles)
        {
            // The demo's earlier regulations have no text in Renda: the record says where the official text is.
            sb.Append($"本法规文本以{congress.StandingCommitteeName}{bill.AnnouncementLabel}公布的文本为准。\n");
            return sb.ToString();
        }
        foreach (var p in doc.Preamble) sb.Append(p).Append("\n\n");
        foreach (var n in doc.Body) Write(sb, n);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, LegalNode node)
    {
        if (node.Kind == LegalUnitKind.Article)
        {
            foreach (var line in LegalTextWriter.LinesOf(node)) sb.Append(line).Append("\n\n");
            return;
        }
        sb.Append("## ").Append(LegalNumbering.LineOf(node)).Append("\n\n");
        foreach (var c in node.Children) Write(sb, c);
    }

    private static DateOnly? EffectiveOn(LegalDocument doc)
    {
        var last = doc.Articles().Reverse().Take(3).Select(a => a.FullText);
        foreach (var t in last)
        {
            var m = System.Text.RegularExpressions.Regex.Match(t, @"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行");
            if (m.Success) return new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        }
        return null;
    }
}

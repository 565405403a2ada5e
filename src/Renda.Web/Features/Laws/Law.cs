using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Laws;

/// <summary>有效 / 已修改 / 已废止 / 尚未生效 — derived from the records, never typed in (see docs/decisions/0013-regulations-database.md).</summary>
public enum LawStatus { InForce = 1, Amended, Repealed, NotYetInForce }

public static class LawStatusLabels
{
    public static string Label(this LawStatus s) => s switch
    {
        LawStatus.InForce => "有效",
        LawStatus.Amended => "已修改",
        LawStatus.Repealed => "已废止",
        LawStatus.NotYetInForce => "尚未生效",
    };

    public static string Badge(this LawStatus s) => s switch
    {
        LawStatus.InForce => "text-bg-success",
        LawStatus.Amended => "text-bg-secondary",
        LawStatus.Repealed => "text-bg-dark",
        LawStatus.NotYetInForce => "text-bg-warning",
    };

    public static LawStatus? Parse(string? s) => s switch
    {
        null or "" => null,
        "有效" or nameof(LawStatus.InForce) => LawStatus.InForce,
        "已修改" or nameof(LawStatus.Amended) => LawStatus.Amended,
        "已废止" or nameof(LawStatus.Repealed) => LawStatus.Repealed,
        "尚未生效" or nameof(LawStatus.NotYetInForce) => LawStatus.NotYetInForce,
        _ => throw Platform.Web.DomainException.Invalid("status", $"时效性“{s}”无效：应为 有效、已修改、已废止 或 尚未生效"),
    };
}

/// <summary>
/// One version of a law or regulation in the regulations database (法规数据库), as imported from a source file. The
/// source text is kept as it came (the record); its articles are derived from it by the legal-text parser into the
/// article index (<see cref="LawIndex"/>). Versions of the same law share <see cref="WorkKey"/>.
/// </summary>
public class Law
{
    public int Id { get; set; }

    /// <summary>What the versions of one law share: category and the file name without its date ("行政法/立法法").</summary>
    [MaxLength(300)] public string WorkKey { get; set; } = "";

    [MaxLength(300)] public string Title { get; set; } = "";

    /// <summary>宪法, 宪法相关法, 民法商法 … 行政法规: the folder of the collection.</summary>
    [MaxLength(40)] public string Category { get; set; } = "";

    /// <summary>The file it came from, relative to the imported folder ("宪法相关法/立法法(2023-03-13).md"): the import's key.</summary>
    [MaxLength(400)] public string SourcePath { get; set; } = "";

    /// <summary>SHA-256 of the source: an unchanged file is not written again.</summary>
    [MaxLength(64)] public string SourceHash { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>The history lines (通过 / 修正 / 修订 / 公布 / 施行), one a line.</summary>
    public string History { get; set; } = "";

    /// <summary>The date of this version: from the file name, else the latest date of the history.</summary>
    public DateOnly? VersionDate { get; set; }

    public DateOnly? AdoptedOn { get; set; }

    /// <summary>The latest 修正 / 修订 / 修改 date of the history, if any.</summary>
    public DateOnly? AmendedOn { get; set; }

    /// <summary>From "…施行" in the history or "本法自…起施行" in the articles, when stated.</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>Articles (第N条) in the text; 0 for a text without articles (kept as blocks).</summary>
    public int ArticleCount { get; set; }

    /// <summary>The newer version of the same law, which makes this one 已修改.</summary>
    public int? SupersededById { get; set; }

    /// <summary>Set only by a repeal on record; the collection says nothing about repeals (decision 0013).</summary>
    public bool Repealed { get; private set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>The congress whose regulation this is (made in Renda); null for the imported collection of national laws.</summary>
    public int? CongressId { get; set; }

    /// <summary>The bill (legislation module) whose promulgation entered it; one law per bill.</summary>
    public int? BillId { get; set; }

    /// <summary>已修改 on record: the amending act (e.g. "关于修改《…》的决定") and its date, entered by staff.</summary>
    [MaxLength(200)] public string? AmendingAct { get; private set; }
    public DateOnly? AmendingActOn { get; private set; }

    /// <summary>已废止 on record: the repealing act and its date (<see cref="Repealed"/> is set with them).</summary>
    [MaxLength(200)] public string? RepealingAct { get; private set; }
    public DateOnly? RepealedOn { get; private set; }

    public void MarkAmended(string act, DateOnly on, DateOnly today)
    {
        if (Repealed) throw DomainException.Conflict("该法规已废止，不能再标记为已修改。");
        if (AmendingAct is not null) throw DomainException.Conflict($"该法规已标记为已修改（{AmendingAct}，{AmendingActOn:yyyy-MM-dd}）。");
        CheckDate(on, today);
        AmendingAct = CheckAct(act);
        AmendingActOn = on;
    }

    public void MarkRepealed(string act, DateOnly on, DateOnly today)
    {
        if (Repealed) throw DomainException.Conflict($"该法规已废止（{RepealingAct ?? "废止记录"}）。");
        CheckDate(on, today);
        RepealingAct = CheckAct(act);
        RepealedOn = on;
        Repealed = true;
    }

    private void CheckDate(DateOnly on, DateOnly today)
    {
        if (on > today) throw DomainException.Invalid("on", "日期不能晚于今天。");
        if (VersionDate is { } v && on < v) throw DomainException.Invalid("on", $"日期不能早于本版本的日期（{v:yyyy-MM-dd}）。");
    }

    private static string CheckAct(string? act)
    {
        var a = act?.Trim() ?? "";
        if (a.Length == 0) throw DomainException.Invalid("act", "请填写修改或废止该法规的文件（如“关于修改《…》的决定”）。");
        if (a.Length > 200) throw DomainException.Invalid("act", "文件名称不能超过 200 字。");
        return a;
    }

    /// <summary>
    /// What the import found in the source and kept as printed (a skipped chapter number, a missing article), one a line
    /// with its place; empty when nothing. Shown to staff, not to the public. Null only for a law imported before warnings
    /// were recorded: the next import fills it in.
    /// </summary>
    public string? ImportWarnings { get; set; }

    public LawStatus StatusOn(DateOnly today) => StatusOf(Repealed, SupersededById, AmendingAct is not null, EffectiveOn, today);

    /// <summary>The status rule once, for a loaded law and for the columns a list reads (the filters say the same in SQL, <see cref="LawFilter"/>).</summary>
    public static LawStatus StatusOf(bool repealed, int? supersededById, bool amendedOnRecord, DateOnly? effectiveOn, DateOnly today) =>
        repealed ? LawStatus.Repealed
        : supersededById is not null || amendedOnRecord ? LawStatus.Amended
        : effectiveOn is { } e && e > today ? LawStatus.NotYetInForce
        : LawStatus.InForce;
}

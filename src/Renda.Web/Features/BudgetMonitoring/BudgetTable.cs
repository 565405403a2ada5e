namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The analysis views (查询、分析) of budget execution; each is one table, one page, one Excel sheet.</summary>
public enum BudgetView { Units = 1, Functions = 2, Economic = 3, Projects = 4, Funds = 5, Months = 6, Compare = 7, ThreePublic = 8, Payees = 9, Debt = 10, Repayments = 11 }

/// <summary>A column: Key is the cell's name in the API (camelCase), Header its Chinese heading; Kind says how to show it.</summary>
public sealed record BudgetColumn(string Key, string Header, double Width, BudgetCellKind Kind = BudgetCellKind.Text);

public enum BudgetCellKind { Text = 1, Amount = 2, Percent = 3, Count = 4 }

/// <summary>
/// One row: its cells in column order, and for the figures that have payments behind them, the drill-down address by column
/// key (the payment list with the same filters). Level indents a tree's rows (类 0, 款 1, 项 2); Key names what the row is
/// about (a unit's id, "unit:project").
/// </summary>
public sealed record BudgetRow(IReadOnlyList<object?> Cells, IReadOnlyDictionary<string, string> Drill, int Level = 0, bool Total = false, string? Key = null);

/// <summary>
/// One analysis table as the API returns it and the page and the Excel export render it. AsOf is the date the figures run to,
/// Schedule the share of the year elapsed by then (时间进度, percent).
/// </summary>
public sealed record BudgetTable(BudgetView View, string Title, string Subtitle, int Year, DateOnly AsOf, decimal Schedule, IReadOnlyList<BudgetColumn> Columns, IReadOnlyList<BudgetRow> Rows)
{
    public int Column(string key) => Columns.Select((c, i) => (c, i)).First(x => x.c.Key == key).i;
}

public static class BudgetViews
{
    public static string Title(BudgetView v) => v switch
    {
        BudgetView.Units => "按预算单位",
        BudgetView.Functions => "按功能分类",
        BudgetView.Economic => "按经济分类",
        BudgetView.Projects => "按项目",
        BudgetView.Funds => "按资金性质",
        BudgetView.Months => "按月份",
        BudgetView.Compare => "本年与上年同期",
        BudgetView.ThreePublic => "“三公”经费",
        BudgetView.Payees => "主要收款人",
        BudgetView.Debt => "政府债务",
        BudgetView.Repayments => "债务还本付息",
    };

    /// <summary>The URL segment of a view (/budget/analysis/three-public).</summary>
    public static string Slug(BudgetView v) => v switch
    {
        BudgetView.ThreePublic => "three-public",
        _ => v.ToString().ToLowerInvariant(),
    };

    public static BudgetView? FromSlug(string? slug) => Enum.GetValues<BudgetView>().Cast<BudgetView?>().FirstOrDefault(v => Slug(v!.Value) == slug);

    /// <summary>What a congress above may see of one below: the execution summaries only.</summary>
    public static bool Summary(BudgetView v) => v is BudgetView.Units or BudgetView.Months;
}

using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Every table of the analysis as a spreadsheet: a title row (with the filters under it), the header frozen below it, amounts as
/// numbers with two decimals (so that Excel can add them up), A4 landscape fitted to one page wide, the header repeated on
/// every printed page — what a budget committee prints for a meeting (the sheet is <see cref="ExcelWorkbook"/>).
/// </summary>
public static class BudgetExcel
{
    public static byte[] Table(BudgetTable t)
        => Workbook(t.Title, t.Subtitle, t.Columns, t.Rows.Select(r => r.Cells.Select((c, i) => i == 1 && r.Level > 0 && c is string s ? new string('　', r.Level) + s : c).ToArray()));

    public static byte[] Workbook(string title, string subtitle, IReadOnlyList<BudgetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
        => ExcelWorkbook.Create(title, subtitle, columns.Select(c => new ExcelColumn(c.Header, c.Width, c.Kind switch
        {
            BudgetCellKind.Amount => ExcelCellKind.Amount,
            BudgetCellKind.Percent => ExcelCellKind.Percent,
            BudgetCellKind.Count => ExcelCellKind.Count,
            _ => ExcelCellKind.Text,
        })).ToList(), rows);

    /// <summary>A file name browsers keep in Chinese (RFC 5987 via Results.File).</summary>
    public static string FileName(string title) => $"{title}.xlsx";
}

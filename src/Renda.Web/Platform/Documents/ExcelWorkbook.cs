using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renda.Web.Platform.Documents;

/// <summary>How a column's values are written: text, amounts with two decimals, percentages with one, whole numbers.</summary>
public enum ExcelCellKind { Text = 1, Amount = 2, Percent = 3, Count = 4 }

public sealed record ExcelColumn(string Header, double Width, ExcelCellKind Kind = ExcelCellKind.Text);

/// <summary>
/// Every ledger and statistics export as one kind of sheet (issue #20 item 7): a title row across the table (and a line under it
/// where the export has filters), the header row frozen below it and repeated on every printed page, A4 landscape fitted to one
/// page wide — what an office prints for a meeting. Numbers are numbers (Excel adds them up), dates are yyyy-MM-dd text (WPS and
/// Excel show them alike).
/// </summary>
public static class ExcelWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TitleStyle = 1, HeaderStyle = 2, TextStyle = 3, MoneyStyle = 4, PercentStyle = 5, IntegerStyle = 6, SubtitleStyle = 7;

    /// <summary>The workbook of one sheet named <paramref name="sheetName"/> (or the title), titled <paramref name="title"/>.</summary>
    public static byte[] Create(string title, string? subtitle, IReadOnlyList<ExcelColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, string? sheetName = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var last = ColumnName(Math.Max(1, columns.Count));
            data.Append(new Row(TextCell(title, TitleStyle)) { RowIndex = 1, Height = 28, CustomHeight = true });
            var merges = new MergeCells(new MergeCell { Reference = $"A1:{last}1" });
            uint headerRow = 2;
            if (!string.IsNullOrEmpty(subtitle))
            {
                data.Append(new Row(TextCell(subtitle, SubtitleStyle)) { RowIndex = 2 });
                merges.Append(new MergeCell { Reference = $"A2:{last}2" });
                headerRow = 3;
            }
            merges.Count = (uint)merges.ChildElements.Count;
            var header = new Row { RowIndex = headerRow };
            foreach (var c in columns) header.Append(TextCell(c.Header, HeaderStyle));
            data.Append(header);
            var index = headerRow;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = ++index };
                for (var i = 0; i < values.Count; i++)
                    row.Append(Cell(values[i], i < columns.Count ? columns[i].Kind : ExcelCellKind.Text));
                data.Append(row);
            }
            var cols = new Columns();
            for (var i = 0; i < columns.Count; i++)
                cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
            var firstData = $"A{headerRow + 1}";
            var view = new SheetView { WorkbookViewId = 0 };
            view.Append(new Pane { VerticalSplit = headerRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } });
            sheetPart.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(view), cols, data, merges,
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                // Fit to one page wide, as many pages long as it takes (FitToHeight 0).
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            var name = SheetName(sheetName ?? title);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name }));
            // Printed copies repeat the header row on every page.
            workbook.Workbook.AppendChild(new DefinedNames(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0, Text = $"'{name}'!${headerRow}:${headerRow}" }));
        }
        return stream.ToArray();
    }

    private static Cell Cell(object? v, ExcelCellKind kind) => v switch
    {
        null => TextCell("", TextStyle),
        decimal d => Number(d.ToString(CultureInfo.InvariantCulture), kind == ExcelCellKind.Percent ? PercentStyle : MoneyStyle),
        double d => Number(d.ToString(CultureInfo.InvariantCulture), kind == ExcelCellKind.Percent ? PercentStyle : MoneyStyle),
        int n => Number(n.ToString(CultureInfo.InvariantCulture), IntegerStyle),
        long n => Number(n.ToString(CultureInfo.InvariantCulture), IntegerStyle),
        DateOnly d => TextCell(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TextStyle),
        _ => TextCell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", TextStyle),
    };

    private static Cell Number(string value, uint style) => new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell TextCell(string text, uint style)
        => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    private static Stylesheet Styles()
    {
        static Font F(bool bold, double size) => bold ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" }) : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" });
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Bordered(uint numFmt) => new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = numFmt == 0 })
            { NumberFormatId = numFmt, BorderId = 1, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = numFmt != 0 };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" }) { Count = 2 },
            new Fonts(F(false, 11), F(true, 11), F(true, 16)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                    { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                Bordered(0), Bordered(164), Bordered(165), Bordered(1),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left }) { ApplyAlignment = true }) { Count = 8 });
    }

    private static string ColumnName(int n)
    {
        var name = "";
        for (; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Characters XML cannot carry (control characters pasted from elsewhere) would make the file unreadable.</summary>
    private static string Clean(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}

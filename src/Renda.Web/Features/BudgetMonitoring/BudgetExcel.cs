using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Every table of the analysis as a spreadsheet: a title row (with the filters under it), the header frozen below it, amounts as
/// numbers with two decimals (so that Excel can add them up), A4 landscape fitted to one page wide, the header repeated on
/// every printed page — what a budget committee prints for a meeting.
/// </summary>
public static class BudgetExcel
{
    private const uint Title = 1, Header = 2, Text = 3, Money = 4, Percent = 5, Integer = 6, Subtitle = 7;

    public static byte[] Table(BudgetTable t)
        => Workbook(t.Title, t.Subtitle, t.Columns, t.Rows.Select(r => r.Cells.Select((c, i) => i == 1 && r.Level > 0 && c is string s ? new string('　', r.Level) + s : c).ToArray()));

    public static byte[] Workbook(string title, string subtitle, IReadOnlyList<BudgetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var last = ColumnName(columns.Count);
            data.Append(new Row(TextCell(title, Title)) { RowIndex = 1, Height = 28, CustomHeight = true });
            data.Append(new Row(TextCell(subtitle, Subtitle)) { RowIndex = 2 });
            var header = new Row { RowIndex = 3 };
            foreach (var c in columns) header.Append(TextCell(c.Header, Header));
            data.Append(header);
            uint index = 3;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = ++index };
                for (var i = 0; i < values.Count; i++)
                    row.Append(Cell(values[i], columns[i].Kind));
                data.Append(row);
            }
            var cols = new Columns();
            for (var i = 0; i < columns.Count; i++)
                cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
            var view = new SheetView { WorkbookViewId = 0 };
            view.Append(new Pane { VerticalSplit = 3, TopLeftCell = "A4", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A4", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A4" } });
            sheetPart.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(view), cols, data,
                new MergeCells(new MergeCell { Reference = $"A1:{last}1" }, new MergeCell { Reference = $"A2:{last}2" }) { Count = 2 },
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            var name = SheetName(title);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name }));
            workbook.Workbook.AppendChild(new DefinedNames(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0, Text = $"'{name}'!$3:$3" }));
        }
        return stream.ToArray();
    }

    private static Cell Cell(object? v, BudgetCellKind kind) => v switch
    {
        null => TextCell("", Text),
        decimal d => Number(d.ToString(CultureInfo.InvariantCulture), kind == BudgetCellKind.Percent ? Percent : Money),
        int n => Number(n.ToString(CultureInfo.InvariantCulture), Integer),
        long n => Number(n.ToString(CultureInfo.InvariantCulture), Integer),
        DateOnly d => TextCell(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text),
        _ => TextCell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", Text),
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

    private static string Clean(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>A file name browsers keep in Chinese (RFC 5987 via Results.File).</summary>
    public static string FileName(string title) => $"{title}.xlsx";
}

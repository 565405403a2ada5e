using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Renda.Web.Platform.Demo;

namespace Renda.Tests.Platform.People;

/// <summary>Import files as offices make them: CSV in UTF-8 or GB18030, XLSX from Excel (shared strings, inline strings, date serials).</summary>
public static class ImportFiles
{
    public static readonly string[] Header = ["姓名", "性别", "民族", "党派", "出生日期", "身份证号", "手机号", "职业", "届次", "代表团", "选区", "代表小组", "状态"];

    /// <summary>A well-formed, fictitious ID number (Beijing Dongcheng region code, so it never collides with the demo's Qinghai numbers).</summary>
    public static string IdNumber(DateOnly birth, int sequence)
    {
        var body = "110101" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        return body + DemoData.IdCheckDigit(body);
    }

    /// <summary>A valid row for Haixi's 15th term; change single cells with "with".</summary>
    public static string[] Row(string name, string idNumber, string birth = "", string occupation = "教师", string phone = "13800138000")
        => [name, "男", "汉族", "中国共产党", birth, idNumber, phone, occupation, "15", "格尔木市代表团", "格尔木市", "第一小组", "在任"];

    /// <summary>A copy of the row with one column changed, by its header name.</summary>
    public static string[] With(this string[] row, string column, string value)
    {
        var copy = (string[])row.Clone();
        copy[Array.IndexOf(Header, column)] = value;
        return copy;
    }

    public static string Csv(IEnumerable<string[]> rows, string[]? header = null)
    {
        var sb = new StringBuilder();
        foreach (var row in new[] { header ?? Header }.Concat(rows))
            sb.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        return sb.ToString();
    }

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>
    /// A workbook as Excel writes it: the header and names in the shared-string table, other text as
    /// inline strings, numbers (届次, 手机号) as numeric cells, and 出生日期 as a date serial with a date format.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<(string Name, string IdNumber, DateOnly Birth, string Phone)> people)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            int Share(string text)
            {
                shared.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                return shared.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
            }
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var c = 0; c < Header.Length; c++)
                header.Append(new Cell { CellReference = Ref(c, 1), DataType = CellValues.SharedString, CellValue = new CellValue(Share(Header[c]).ToString(CultureInfo.InvariantCulture)) });
            data.Append(header);
            uint r = 1;
            foreach (var p in people)
            {
                r++;
                var row = new Row { RowIndex = r };
                Cell Inline(int c, string text) => new() { CellReference = Ref(c, r), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
                Cell Number(int c, string value, uint? style = null) => new() { CellReference = Ref(c, r), CellValue = new CellValue(value), StyleIndex = style };
                row.Append(
                    new Cell { CellReference = Ref(0, r), DataType = CellValues.SharedString, CellValue = new CellValue(Share(p.Name).ToString(CultureInfo.InvariantCulture)) },
                    Inline(1, "女"), Inline(2, "藏族"), Inline(3, "群众"),
                    Number(4, p.Birth.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), 1),
                    Inline(5, p.IdNumber), Number(6, p.Phone), Inline(7, "牧民"), Number(8, "15"),
                    Inline(9, "天峻县代表团"), Inline(10, "天峻县"), Inline(11, "第三小组"), Inline(12, "在任"));
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "代表" }));
        }
        return stream.ToArray();
    }

    private static string Ref(int column, uint row) => ((char)('A' + column)).ToString() + row.ToString(CultureInfo.InvariantCulture);
}

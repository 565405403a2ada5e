using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renda.Web.Platform.People;

/// <summary>A cell as read from the file. IsNumber marks an XLSX numeric cell (a date serial in a date column).</summary>
public readonly record struct ImportCell(string Text, bool IsNumber = false);

/// <summary>A data row with its number as the user sees it in the file (the header is row 1).</summary>
public sealed record ImportTableRow(int Number, IReadOnlyList<ImportCell> Cells);

public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportTableRow> Rows);

/// <summary>
/// Reads an uploaded table (CSV or XLSX) into rows of text. The format is decided by the bytes, never
/// by the file name: XLSX is a ZIP holding xl/workbook.xml; anything else must be text (UTF-8, with
/// or without BOM, or GB18030 as saved by Excel and WPS on Chinese Windows).
/// </summary>
public static class ImportTables
{
    /// <summary>Above this the unpacked XLSX is refused: a 5 MB upload must not unpack into gigabytes (a "zip bomb").</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Gb18030 = LoadGb18030();

    private static Encoding LoadGb18030()
    {
        // .NET Core ships only Unicode encodings; the code-page provider adds GB18030.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static ImportTable Read(byte[] bytes, int maxRows)
    {
        if (bytes.Length == 0)
            throw DomainException.Invalid("file", "文件为空。");
        if (IsZip(bytes))
            return ReadXlsx(bytes, maxRows);
        return ReadCsv(DecodeText(bytes), maxRows);
    }

    private static bool IsZip(byte[] b) => b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;

    private static string DecodeText(byte[] bytes)
    {
        const string notTable = "文件内容不是 CSV 或 XLSX 表格。请上传 UTF-8 或 GB18030 编码的 CSV，或 Excel 的 .xlsx 文件。";
        // Text never holds NUL bytes; images, PDFs, executables and UTF-16 text do.
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw DomainException.Invalid("file", notTable);
        var span = bytes.AsSpan();
        var bom = span.StartsWith("\uFEFF"u8);
        string text;
        try
        {
            text = StrictUtf8.GetString(bom ? span[3..] : span);
        }
        catch (DecoderFallbackException)
        {
            try
            {
                text = Gb18030.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw DomainException.Invalid("file", notTable);
            }
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            throw DomainException.Invalid("file", notTable);
        return text;
    }

    private static ImportTable ReadCsv(string text, int maxRows)
    {
        int? badRow = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            // A stray quote is reported with its row instead of silently mangling the row.
            BadDataFound = args => badRow ??= args.Context.Parser?.Row,
        };
        using var parser = new CsvParser(new StringReader(text), config);
        string[]? header = null;
        var rows = new List<ImportTableRow>();
        try
        {
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                if (header is null)
                {
                    header = record;
                    continue;
                }
                if (record.All(string.IsNullOrWhiteSpace))
                    continue;
                if (rows.Count == maxRows)
                    throw TooManyRows(maxRows);
                rows.Add(new ImportTableRow(parser.Row, record.Select(c => new ImportCell(c)).ToList()));
            }
        }
        catch (CsvHelperException e)
        {
            throw DomainException.Invalid("file", $"CSV 格式错误（第 {e.Context?.Parser?.Row} 行）：请检查引号是否成对。");
        }
        if (badRow is { } r)
            throw DomainException.Invalid("file", $"CSV 格式错误（第 {r} 行）：字段中的引号须成对，含逗号或引号的字段须用英文双引号括起。");
        return new ImportTable(header ?? [], rows);
    }

    private static ImportTable ReadXlsx(byte[] bytes, int maxRows)
    {
        const string notWorkbook = "文件是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）。";
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                if (zip.GetEntry("xl/workbook.xml") is null)
                    throw DomainException.Invalid("file", notWorkbook);
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    throw DomainException.Invalid("file", "工作簿解压后过大，请删除无关的工作表和格式后重试。");
            }
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var workbook = document.WorkbookPart ?? throw DomainException.Invalid("file", notWorkbook);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw DomainException.Invalid("file", "工作簿中没有工作表。");
            var part = sheet.Id?.Value is { } relationship ? (WorksheetPart)workbook.GetPartById(relationship) : throw DomainException.Invalid("file", notWorkbook);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(RichText).ToArray() ?? [];

            List<string>? header = null;
            var rows = new List<ImportTableRow>();
            var previous = 0;
            // Row by row (SAX) so that only one row of a large sheet is in memory at a time.
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
                previous = number;
                var cells = new List<ImportCell>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column) cells.Add(new ImportCell(""));
                    cells.Add(CellValue(cell, shared));
                }
                if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
                    continue;
                if (header is null)
                {
                    header = cells.Select(c => c.Text).ToList();
                    continue;
                }
                if (rows.Count == maxRows)
                    throw TooManyRows(maxRows);
                rows.Add(new ImportTableRow(number, cells));
            }
            return new ImportTable(header ?? [], rows);
        }
        // What a damaged or hand-made package throws; the user needs to know the file is unreadable, not a stack trace.
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or InvalidOperationException
                                   or InvalidCastException or ArgumentException or FormatException or IOException)
        {
            throw DomainException.Invalid("file", "无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿。");
        }
    }

    private static DomainException TooManyRows(int max) => DomainException.Invalid("file", $"数据行超过 {max} 行，请拆分为多个文件导入。");

    private static ImportCell CellValue(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        switch (cell.DataType?.Value)
        {
            case CellValues.SharedString:
                return new ImportCell(int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : "");
            case CellValues.InlineString:
                return new ImportCell(cell.InlineString is { } inline ? RichText(inline).Trim() : raw.Trim());
            case CellValues.Boolean:
                return new ImportCell(raw == "1" ? "TRUE" : "FALSE");
            case CellValues.Date:
                // ISO 8601 date-time in strict files; keep the date part.
                return new ImportCell(raw.Length >= 10 ? raw[..10] : raw);
            case CellValues.Number:
            case null:
                // Excel writes whole numbers as "15"; a value like 1.5E+1 is normalised. Long numbers (ID numbers typed
                // as numbers) have lost digits already and stay as written, so validation can say so.
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
                    return new ImportCell(((long)d).ToString(CultureInfo.InvariantCulture), IsNumber: true);
                return new ImportCell(raw.Trim(), IsNumber: raw.Length > 0);
            default:
                return new ImportCell(raw.Trim());
        }
    }

    /// <summary>Plain or rich text, without phonetic guides (rPh).</summary>
    private static string RichText(RstType item)
        => item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>"AB12" → 27 (zero-based column).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(0, index - 1);
    }
}

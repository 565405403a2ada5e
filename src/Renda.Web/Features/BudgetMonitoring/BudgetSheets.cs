using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>One data row as the sender numbered it (a file's line, the header being line 1; a pushed batch's position from 1).</summary>
public readonly record struct BudgetSheetRow(int Number, IReadOnlyList<ImportCell> Cells);

/// <summary>A batch's rows as text under its header, read once in order (a million-row CSV is never held in memory).</summary>
public sealed class BudgetSheet(IReadOnlyList<string> header, IEnumerable<BudgetSheetRow> rows, string? contentHash = null)
{
    public IReadOnlyList<string> Header { get; } = header;
    public IEnumerable<BudgetSheetRow> Rows { get; } = rows;
    /// <summary>A file's SHA-256 (lower-case hex), computed in the same pass as its encoding check; null for a pushed batch.</summary>
    public string? ContentHash { get; } = contentHash;
}

/// <summary>
/// Opens what the finance bureau sends as a <see cref="BudgetSheet"/>. The format is decided by the content, never by the name:
/// a ZIP holding an Excel workbook is XLSX (read by the platform's <see cref="ImportTables"/>); anything else must be text in
/// UTF-8 (with or without BOM) or GB18030, without NUL or control bytes — else it is not a spreadsheet and is refused.
/// </summary>
public static class BudgetSheets
{
    private const string NotTable = "文件内容不是 CSV 或 XLSX 表格。请上传 UTF-8 或 GB18030 编码的 CSV，或 Excel 的 .xlsx 文件。";
    /// <summary>XLSX is read whole by the platform reader; large batches come as CSV.</summary>
    private const int MaxXlsxRows = 1_048_576;

    public static async Task<BudgetSheet> OpenFileAsync(string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw DomainException.Invalid("file", "文件为空。");
        await using (var probe = File.OpenRead(path))
        {
            var head = new byte[4];
            var read = await probe.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct);
            if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
            {
                var bytes = await File.ReadAllBytesAsync(path, ct);
                var table = ImportTables.Read(bytes, MaxXlsxRows);
                return new BudgetSheet(table.Header, table.Rows.Select(r => new BudgetSheetRow(r.Number, r.Cells)), BudgetImport.Hash(bytes));
            }
        }
        var (encoding, hash) = await DetectEncodingAsync(path, ct);
        return ReadCsv(path, encoding, hash);
    }

    /// <summary>Control bytes other than tab and line ends: a file holding one is no text table.</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\r' or '\n' or '\t')).Select(b => (byte)b)]);

    /// <summary>
    /// One pass over the bytes: strict UTF-8 if it decodes, else GB18030; NUL or control bytes are no text table. The file's
    /// hash (the batch id of an upload) is computed in the same pass, so a large file is read once before its rows.
    /// </summary>
    private static async Task<(Encoding, string)> DetectEncodingAsync(string path, CancellationToken ct)
    {
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var isUtf8 = true;
        var buffer = new byte[1 << 20];
        var chars = new char[buffer.Length + 4];
        await using var stream = File.OpenRead(path);
        int n;
        while ((n = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            if (span.IndexOfAny(ControlBytes) >= 0)
                throw DomainException.Invalid("file", NotTable);
            sha.AppendData(span);
            if (!isUtf8) continue;
            try
            {
                utf8.GetChars(span, chars, flush: false);
            }
            catch (DecoderFallbackException)
            {
                isUtf8 = false;
            }
        }
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (isUtf8) return (new UTF8Encoding(false), hash);
        var gb = Gb18030();
        // GB18030 decodes every byte sequence of its ranges; a stray byte it cannot map is still no text.
        try
        {
            await using var check = File.OpenRead(path);
            using var reader = new StreamReader(check, gb, detectEncodingFromByteOrderMarks: false);
            var block = new char[1 << 16];
            while (await reader.ReadAsync(block, ct) > 0) { }
        }
        catch (DecoderFallbackException)
        {
            throw DomainException.Invalid("file", NotTable);
        }
        return (Gb18030(lenient: true), hash);
    }

    private static Encoding Gb18030(bool lenient = false)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return lenient ? Encoding.GetEncoding("GB18030") : Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static BudgetSheet ReadCsv(string path, Encoding encoding, string hash)
    {
        var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, TrimOptions = TrimOptions.Trim, IgnoreBlankLines = true, BadDataFound = null };
        var parser = new CsvParser(reader, config);
        string[] header;
        try
        {
            header = parser.Read() ? parser.Record ?? [] : [];
        }
        catch (CsvHelperException)
        {
            parser.Dispose();
            throw DomainException.Invalid("file", "CSV 格式错误（第 1 行）：请检查引号是否成对。");
        }
        return new BudgetSheet(header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList(), Rows(parser), hash);
    }

    private static IEnumerable<BudgetSheetRow> Rows(CsvParser parser)
    {
        using (parser)
        {
            while (true)
            {
                string[] record;
                try
                {
                    if (!parser.Read()) yield break;
                    record = parser.Record ?? [];
                }
                catch (CsvHelperException e)
                {
                    throw DomainException.Invalid("file", $"CSV 格式错误（第 {e.Context?.Parser?.Row} 行）：请检查引号是否成对。");
                }
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                var cells = new ImportCell[record.Length];
                for (var i = 0; i < record.Length; i++) cells[i] = new ImportCell(record[i]);
                yield return new BudgetSheetRow(parser.Row, cells);
            }
        }
    }

    /// <summary>A pushed batch's rows: objects keyed by the same Chinese column names as the files; strings or numbers.</summary>
    public static BudgetSheet FromJson(IReadOnlyList<Dictionary<string, JsonElement>> rows)
    {
        var header = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in rows.SelectMany(r => r.Keys))
            if (index.TryAdd(key.Trim(), header.Count)) header.Add(key.Trim());
        var list = rows.Select((r, i) =>
        {
            var cells = Enumerable.Repeat(new ImportCell(""), header.Count).ToArray();
            foreach (var (key, value) in r)
                cells[index[key.Trim()]] = value.ValueKind switch
                {
                    JsonValueKind.String => new ImportCell(value.GetString()!.Trim()),
                    JsonValueKind.Number => new ImportCell(value.GetRawText()),
                    JsonValueKind.Null or JsonValueKind.Undefined => new ImportCell(""),
                    _ => new ImportCell(value.GetRawText()),
                };
            return new BudgetSheetRow(i + 1, cells);
        }).ToList();
        return new BudgetSheet(header, list);
    }
}

using System.Globalization;
using System.Text.Json;

namespace Renda.Web.Platform.Calendar;

/// <summary>One entry of a notice: an official day off (IsOffDay) or a weekend day that is worked (调休).</summary>
public sealed record HolidayEntry(DateOnly Date, string Name, bool IsOffDay);

/// <summary>
/// One year's State Council holiday notice in the holiday-cn format
/// (<c>{"year": 2025, "days": [{"name": "春节", "date": "2025-01-28", "isOffDay": true}, …]}</c>).
/// Parsing validates everything before anything is written, so a bad file changes nothing.
/// </summary>
public sealed record HolidayFile(int Year, IReadOnlyList<HolidayEntry> Days)
{
    /// <summary>A real file is about 5 KB; anything far larger is not a holiday notice.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<HolidayFile> ReadAsync(Stream json, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await json.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                throw Bad("file", $"文件过大（超过 {MaxBytes / 1024} KB），不是放假安排文件。");
        }
        return Parse(buffer.ToArray());
    }

    public static HolidayFile Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw Bad("file", $"文件不是有效的 JSON（第 {e.LineNumber + 1} 行附近）。");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Bad("file", "文件内容应为一个 JSON 对象（含 year 和 days 字段）。");
            if (!root.TryGetProperty("year", out var yearElement) || yearElement.ValueKind != JsonValueKind.Number
                || !yearElement.TryGetInt32(out var year) || year is < 2000 or > 2100)
                throw Bad("year", "缺少 year 字段，或它不是 2000–2100 之间的整数年份。");
            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
                throw Bad("days", "缺少 days 数组。");

            var days = new List<HolidayEntry>();
            var seen = new HashSet<DateOnly>();
            var index = 0;
            foreach (var item in daysElement.EnumerateArray())
            {
                index++;
                var where = $"days 第 {index} 项";
                if (item.ValueKind != JsonValueKind.Object)
                    throw Bad("days", $"{where}不是对象。");
                if (!item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                    || nameElement.GetString() is not { Length: > 0 and <= 50 } name)
                    throw Bad("days", $"{where}缺少 name（节日名称，不超过 50 字）。");
                if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw Bad("days", $"{where}的 date 不是 yyyy-MM-dd 格式的日期。");
                if (!item.TryGetProperty("isOffDay", out var offElement) || offElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw Bad("days", $"{where}（{date:yyyy-MM-dd}）的 isOffDay 必须是 true 或 false。");
                var isOffDay = offElement.GetBoolean();
                // A notice may touch the neighbouring New Year (e.g. 2023's notice gives 2022-12-31 off), nothing further.
                var adjacent = (date.Year == year - 1 && date.Month == 12) || (date.Year == year + 1 && date.Month == 1);
                if (date.Year != year && !adjacent)
                    throw Bad("days", $"{where}的日期 {date:yyyy-MM-dd} 不属于 {year} 年（只允许相邻的上年 12 月或次年 1 月）。");
                // isOffDay:false means "this weekend day is worked"; on a weekday it means nothing and betrays a broken file.
                if (!isOffDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    throw Bad("days", $"{where}：{date:yyyy-MM-dd} 是工作日，不能标为调休上班（isOffDay: false 只用于周末）。");
                if (!seen.Add(date))
                    throw Bad("days", $"{where}：日期 {date:yyyy-MM-dd} 重复出现。");
                days.Add(new HolidayEntry(date, name, isOffDay));
            }
            return new HolidayFile(year, days);
        }
    }

    private static DomainException Bad(string field, string message) => DomainException.Invalid(field, "日历文件有误：" + message + "未写入任何数据。");
}

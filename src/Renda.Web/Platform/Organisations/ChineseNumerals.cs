namespace Renda.Web.Platform.Organisations;

/// <summary>Numbers as written in Chinese official text: 第十四届, 第一百二十三条.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Of(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < 10) return Digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString());
        if (n < 100) return Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString());
        if (n < 1000)
        {
            var rest = n % 100;
            var tail = rest == 0 ? "" : rest < 10 ? "零" + Digits[rest] : rest < 20 ? "一" + Of(rest) : Of(rest);
            return Digits[n / 100] + "百" + tail;
        }
        var r = n % 1000;
        return Of(n / 1000) + "千" + (r == 0 ? "" : r < 100 ? "零" + (r < 20 && r >= 10 ? "一" + Of(r) : Of(r)) : Of(r));
    }

    /// <summary>
    /// The value of a Chinese numeral as legal texts write them (十, 二十, 一百零九, 一千零一十, 两百, 〇 for 零); false for
    /// anything else. Written back with <see cref="Of"/> a parsed numeral gives the canonical form.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        long total = 0, section = 0;
        int? digit = null;
        var lastUnit = int.MaxValue;
        foreach (var ch in text)
        {
            var d = ch switch { '零' or '〇' => 0, '两' => 2, _ => Digits.IndexOf(ch, StringComparison.Ordinal) };
            if (d >= 0)
            {
                if (digit is > 0) return false; // two digits in a row ("二三") is not a numeral
                digit = d;
                continue;
            }
            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0) return false;
            if (unit == 10000)
            {
                section += digit ?? 0;
                if (section == 0) return false;
                total += section * 10000;
                section = 0;
                digit = null;
                lastUnit = int.MaxValue;
                continue;
            }
            if (unit >= lastUnit) return false; // 十百, 百百: units must fall
            if (digit is null or 0 && !(unit == 10 && section == 0 && digit is null)) return false; // only 十 may stand without a digit, and only in front
            section += (digit ?? 1) * unit;
            digit = null;
            lastUnit = unit;
        }
        section += digit ?? 0;
        total += section;
        if (total > int.MaxValue) return false;
        if (total == 0) return text is "零" or "〇";
        value = (int)total;
        return true;
    }

    public static int Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"“{text}”不是中文数字");
}

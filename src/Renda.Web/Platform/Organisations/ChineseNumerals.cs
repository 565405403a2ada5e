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
}

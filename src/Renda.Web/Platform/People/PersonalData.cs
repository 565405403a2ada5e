using System.Globalization;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Platform.People;

/// <summary>Masking of 身份证号 and phone numbers for anyone who does not need them in full, and their format rules.</summary>
public static class PersonalData
{
    /// <summary>632801199001011234 → 632801********1234: region and last four remain for recognition.</summary>
    public static string? MaskIdNumber(string? id) => id is null ? null
        : id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];

    /// <summary>13912345678 → 139****5678.</summary>
    public static string? MaskPhone(string? phone) => phone is null ? null
        : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>
    /// A GB 11643-1999 citizen ID: 17 digits, a check digit (0-9 or X) and a real birth date in
    /// positions 7–14. Returns the birth date, or null with the reason in Chinese.
    /// </summary>
    public static DateOnly? ParseIdNumber(string id, out string? error)
    {
        error = null;
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            error = "身份证号应为 18 位：前 17 位数字，末位为数字或 X。";
            return null;
        }
        if (DemoData.IdCheckDigit(id[..17]) != id[17])
        {
            error = "身份证号校验位不正确。";
            return null;
        }
        if (!DateOnly.TryParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = "身份证号中的出生日期不是有效日期。";
            return null;
        }
        return birth;
    }

    /// <summary>Mainland mobile numbers: 11 digits starting with 1.</summary>
    public static bool IsMobilePhone(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}

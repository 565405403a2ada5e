using System.Text.RegularExpressions;

namespace Renda.Web.Features.Suggestions;

/// <summary>Removes personal data (身份证号, mobile and landline numbers) from text that goes public.</summary>
public static partial class Redaction
{
    public static string RemovePersonalData(string text) => Landline().Replace(Mobile().Replace(IdNumber().Replace(text, "［身份证号已隐去］"), "［电话已隐去］"), "［电话已隐去］");

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")]
    private static partial Regex Landline();
}

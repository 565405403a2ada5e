namespace Renda.Web.Features.Meetings;

/// <summary>Trimmed, bounded text from forms and requests, with a Chinese reason when it is missing or too long.</summary>
public static class Text
{
    public static string Required(string field, string? value, string label, int max)
        => Optional(field, value, label, max) ?? throw DomainException.Invalid(field, $"请填写{label}。");

    public static string? Optional(string field, string? value, string label, int max)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) throw DomainException.Invalid(field, $"{label}不能超过 {max} 字（现有 {v.Length} 字）。");
        return v;
    }
}

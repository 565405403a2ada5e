namespace Renda.Web.Platform.LegalText;

/// <summary>A fault in a legal text and its place: the line number (1-based, in the input as given) and that line's text.</summary>
public sealed record LegalTextError(int Line, string LineText, string Message)
{
    public override string ToString() => Line > 0 ? $"第{Line}行“{Shorten(LineText)}”：{Message}" : Message;

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>A text that cannot be taken as a legal text; carries every fault found, not only the first.</summary>
public sealed class LegalTextException(IReadOnlyList<LegalTextError> errors)
    : Exception(string.Join("；", errors.Take(5)) + (errors.Count > 5 ? $"；另有{errors.Count - 5}处错误" : ""))
{
    public IReadOnlyList<LegalTextError> Errors { get; } = errors;
}

namespace Renda.Web.Features.Meetings;

/// <summary>A ballot paper's ticks as stored: the project ids in order, comma separated.</summary>
public static class LivelihoodChoices
{
    public static IEnumerable<int> Parse(string paper) => paper.Length == 0 ? [] : paper.Split(',').Select(int.Parse);
    public static string Format(IEnumerable<int> ids) => string.Join(",", ids.Order());
}

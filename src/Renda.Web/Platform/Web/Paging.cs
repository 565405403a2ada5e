namespace Renda.Web.Platform.Web;

/// <summary>
/// A page of a list, as the API returns it and the table partial renders it. A list that stops
/// counting at some size sets <see cref="TotalIsLowerBound"/>: then there are more than
/// <see cref="Total"/> rows, and <see cref="PageCount"/> counts the page after them too, so "next" still works.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalIsLowerBound = false)
{
    public int PageCount => Math.Max(1, (Total + (TotalIsLowerBound ? 1 : 0) + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Normalise(int? page, int? size)
        => (Math.Max(1, page ?? 1), Math.Clamp(size ?? 20, 1, MaxPageSize));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct = default)
    {
        var (p, s) = Normalise(page, size);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<T>(items, p, s, total);
    }
}

using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Portal.Search;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/search — the site search: every public item of the congress's site, by section, with the matched words marked.</summary>
public class SearchModel(RendaDbContext db, PublicIndexer indexer) : PublicPageModel(db)
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "section")] public string? Section { get; set; }
    [FromQuery(Name = "order")] public SearchOrder? Order { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(PublicIndex.Clean(Q))) return;
            await indexer.CaughtUpAsync(SearchApi.CatchUpWait, ct);
            Result = await PublicIndex.SearchAsync(Db, Congress, Q, string.IsNullOrEmpty(Section) ? null : Section, Order ?? SearchOrder.Best, PageNumber, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Q = Q is { Length: > PublicIndex.MaxQuery } ? Q[..PublicIndex.MaxQuery] : Q;
        }
    }

    /// <summary>The Atom feed of this search (newest first), for a reader that follows it.</summary>
    public string FeedLink => $"/p/{CongressCode}/search/feed?q={Uri.EscapeDataString(Result?.Query ?? "")}" + (Result?.Section is { } s ? "&section=" + s : "");

    public string Link(string? section, SearchOrder? order = null, int? page = null)
    {
        var o = order ?? Order ?? SearchOrder.Best;
        var s = $"/p/{CongressCode}/search?q={Uri.EscapeDataString(Result?.Query ?? "")}";
        if (section is not null) s += "&section=" + section;
        if (o != SearchOrder.Best) s += "&order=" + o;
        if (page is > 1) s += "&page=" + page;
        return s;
    }
}

using Microsoft.Extensions.Options;

namespace Renda.Web.Features.Laws;

/// <summary>The act that amended or repealed a regulation, and its date.</summary>
public sealed record LawChangeRequest(string? Act, DateOnly? On);

/// <summary>
/// /api/v1/laws — the regulations database, readable by anyone (published laws and regulations are public, and the
/// official texts are not protected by copyright: 著作权法 第五条). Importing is the CLI's job (renda import-laws).
/// </summary>
public static class LawsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var laws = api.MapGroup("/laws").AllowAnonymous().WithTags("法规数据库");
        laws.MapGet("/", async (string? q, int? page, int? pageSize, string? category, string? status, DateOnly? from, DateOnly? to, string? congress, RendaDbContext db,
                    IOptions<LawSearchOptions> options, CancellationToken ct) =>
                TypedResults.Ok(await LawQueries.SearchAsync(db, q, new LawFilter(category, LawStatusLabels.Parse(status), from, to,
                    congress is null ? null : await LawQueries.CongressScopeAsync(db, congress, ct)), page, pageSize, ct, options.Value.SearchCap)))
            .WithName("Laws_SearchLaws").WithSummary("检索法律法规（q 为空时按条件列出；congress 为行政区划代码时只含该级及下级人大的法规）");
        laws.MapGet("/categories", async (RendaDbContext db, CancellationToken ct) => TypedResults.Ok(await LawQueries.CategoriesAsync(db, ct)))
            .WithName("Laws_ListCategories").WithSummary("法律法规的分类");
        laws.MapGet("/{id:int}", async (int id, HttpContext http, RendaDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await LawQueries.DetailAsync(db, id, LawQueries.SeesImportWarnings(http.User), ct)))
            .WithName("Laws_GetLaw").WithSummary("一部法律法规及其全部条文（工作人员另见导入警告）");
        laws.MapGet("/{id:int}/articles/{n}", async (int id, string n, RendaDbContext db, CancellationToken ct) =>
                TypedResults.Ok(LawQueries.View(await LawQueries.ArticleAsync(db, id, n, ct))))
            .WithName("Laws_GetArticle").WithSummary("法律法规的一条（按条号：10、120-1，或 第十条、第一百二十条之一）");
        laws.MapGet("/{id:int}/akn", async (int id, RendaDbContext db, CancellationToken ct) =>
                TypedResults.Text(await LawQueries.AkomaNtosoAsync(db, id, ct), AknMediaType))
            .WithName("Laws_GetAkomaNtoso").WithSummary("Akoma Ntoso 3.0 XML").ProducesFile("application/akn+xml");
        var keep = api.MapGroup("/laws/{id:int}").RequireAuthorization().WithTags("法规数据库");
        keep.MapPost("/amended", (int id, LawChangeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(LawWorkflow.MarkAmendedAsync(db, new LawActor(user.User), id, r.Act, r.On, ct)))
            .WithName("Laws_MarkAmended").WithSummary("标记本级法规已修改（修改文件和日期）");
        keep.MapPost("/repealed", (int id, LawChangeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(LawWorkflow.MarkRepealedAsync(db, new LawActor(user.User), id, r.Act, r.On, ct)))
            .WithName("Laws_MarkRepealed").WithSummary("标记本级法规已废止（废止文件和日期）");
    }

    private const string AknMediaType = "application/akn+xml; charset=utf-8";
}

/// <summary>Renda:Laws in the configuration.</summary>
public sealed class LawSearchOptions
{
    /// <summary>Matching articles, and matching titles, a search reads per word; past that its total is a lower bound (see <see cref="LawIndex.SearchAsync"/>).</summary>
    public int SearchCap { get; set; } = LawIndex.MatchCap;
}

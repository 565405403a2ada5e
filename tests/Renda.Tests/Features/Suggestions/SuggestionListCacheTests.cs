using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// Pages of the list served from memory (SuggestionListCache): a write this instance commits shows at once, a write it
/// cannot see (another instance) after the configured lifetime, and what one viewer sees is never served to another.
/// </summary>
public abstract class SuggestionListCacheTests(RendaApp app)
{
    private const string List = "/api/v1/congresses/632800/suggestions";

    private static async Task<int[]> IdsAsync(HttpClient client, string query)
    {
        var body = await (await client.GetAsync($"{List}?{query}")).ShouldBeOkJsonAsync();
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
    }

    private static async Task<string?> UnitsShownAsync(HttpClient client, string query, int id)
    {
        var body = await (await client.GetAsync($"{List}?{query}")).ShouldBeOkJsonAsync();
        var item = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        return item.GetProperty("units").GetString();
    }

    private static async Task<int> UnitIdAsync(WebApplicationFactory<Program> host, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        return await db.HandlingUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Renames a unit through the given instance's own DbContext, as its admin page would.</summary>
    private static async Task RenameUnitAsync(WebApplicationFactory<Program> host, int unitId, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var unit = await db.HandlingUnits.SingleAsync(u => u.Id == unitId);
        unit.Name = name;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_page_changes_as_soon_as_a_write_of_this_instance_commits()
    {
        // A lifetime far beyond the test: only the invalidation can make the pages below change.
        using var host = app.WithSettings(("Renda:Suggestions:ListCacheSeconds", "3600"));
        var deputy = await host.ApiClientAsync("daibiao");
        var staff = await host.ApiClientAsync("daigongwei");
        var unit = await host.ApiClientAsync("jiaoyuju");
        var text = Uri.EscapeDataString("都兰县宗加镇缓存失效试点");
        var submitted = $"text={text}&status=Submitted";
        var accepted = $"text={text}&status=Accepted";

        (await IdsAsync(staff, submitted)).ShouldBeEmpty();
        (await IdsAsync(staff, accepted)).ShouldBeEmpty();
        var id = await deputy.SubmitSuggestionAsync(title: "关于都兰县宗加镇缓存失效试点牧道建设的建议");
        (await IdsAsync(staff, submitted)).ShouldBe([id]);

        // A step of the workflow (a transaction around the save): shown after its commit.
        await staff.StepAsync(id, "accept").OkAsync();
        (await IdsAsync(staff, submitted)).ShouldBeEmpty();
        (await IdsAsync(staff, accepted)).ShouldBe([id]);

        // The unit's list, and the name of a unit shown in a row: a rename shows at once too.
        var education = await UnitIdAsync(host, "海西州教育局");
        (await IdsAsync(unit, $"text={text}")).ShouldBeEmpty();
        await staff.AssignToLeadAsync(id, education);
        (await IdsAsync(unit, $"text={text}")).ShouldBe([id]);
        (await UnitsShownAsync(staff, $"text={text}", id)).ShouldBe("海西州教育局");
        try
        {
            await RenameUnitAsync(host, education, "海西州教育局（缓存测试）");
            (await UnitsShownAsync(staff, $"text={text}", id)).ShouldBe("海西州教育局（缓存测试）");
        }
        finally
        {
            await RenameUnitAsync(host, education, "海西州教育局");
        }
        (await UnitsShownAsync(staff, $"text={text}", id)).ShouldBe("海西州教育局");
    }

    [Fact]
    public async Task A_write_of_another_instance_shows_after_the_lifetime_and_never_with_the_cache_off()
    {
        using var cached = app.WithSettings(("Renda:Suggestions:ListCacheSeconds", "60"));
        using var uncached = app.WithSettings(("Renda:Suggestions:ListCacheSeconds", "0"));
        var deputy = await app.ApiClientAsync("daibiao");
        var viaCached = await cached.ApiClientAsync("daigongwei");
        var viaUncached = await uncached.ApiClientAsync("daigongwei");
        var query = $"text={Uri.EscapeDataString("天峻县织合玛乡另一实例试点")}";

        (await IdsAsync(viaCached, query)).ShouldBeEmpty();
        (await IdsAsync(viaUncached, query)).ShouldBeEmpty();
        // Submitted through another instance (app): the cached instance cannot know of it.
        var id = await deputy.SubmitSuggestionAsync(title: "关于天峻县织合玛乡另一实例试点草原围栏维修的建议");
        (await IdsAsync(viaUncached, query)).ShouldBe([id]);
        (await IdsAsync(viaCached, query)).ShouldBeEmpty(); // the page read before, still within its 60 s
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await IdsAsync(viaCached, query)).ShouldBe([id]);
    }

    [Fact]
    public async Task Viewers_who_see_different_rows_never_share_a_page_and_a_refusal_is_not_kept()
    {
        using var host = app.WithSettings(("Renda:Suggestions:ListCacheSeconds", "3600"));
        var deputy = await host.ApiClientAsync("daibiao");
        var staff = await host.ApiClientAsync("daigongwei");
        var unit = await host.ApiClientAsync("jiaoyuju");
        var council = await host.ApiClientAsync("zhuren");
        var query = $"text={Uri.EscapeDataString("格尔木市郭勒木德镇视图隔离")}";
        var submitted = await deputy.SubmitSuggestionAsync(title: "关于格尔木市郭勒木德镇视图隔离试点供水管网改造的建议");
        var draft = await deputy.SubmitSuggestionAsync(title: "关于格尔木市郭勒木德镇视图隔离试点村道亮化的建议", submit: false);

        // The same query and page, asked in turn: each viewer gets their own rows.
        (await IdsAsync(deputy, query)).ShouldBe([draft, submitted]);
        (await IdsAsync(staff, query)).ShouldBe([submitted]);
        (await IdsAsync(unit, query)).ShouldBeEmpty();
        (await IdsAsync(council, query)).ShouldBe([submitted]);
        (await IdsAsync(deputy, query)).ShouldBe([draft, submitted]);

        // A refused query is refused each time, with its reason.
        var tooLong = $"text={new string('草', 101)}";
        for (var i = 0; i < 2; i++)
        {
            var response = await staff.GetAsync($"{List}?{tooLong}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("检索词不超过 100 字");
        }
        // The staff page too: the reason where the rows would be, each time.
        var browser = await host.BrowserClientAsync("daigongwei");
        for (var i = 0; i < 2; i++)
        {
            var page = await browser.PageAsync($"/suggestions?q={new string('草', 101)}");
            page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("检索词不超过 100 字");
            page.QuerySelectorAll("[data-testid=suggestion-row]").ShouldBeEmpty();
        }
    }
}

public sealed class SuggestionListCacheTests_Sqlite(SqliteApp app) : SuggestionListCacheTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionListCacheTests_Postgres(PostgresApp app) : SuggestionListCacheTests(app), IClassFixture<PostgresApp>;

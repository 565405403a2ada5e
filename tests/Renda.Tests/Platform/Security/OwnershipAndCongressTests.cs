using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Suggestions;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Security;

/// <summary>
/// The matrix's cases that depend on whose record it is (AccessPolicy's Reach): a deputy's draft is the deputy's alone; the
/// province's staff see the prefecture's statistics but not its deputies' personal data or its suggestions.
/// </summary>
public abstract class OwnershipAndCongressTests(RendaApp app)
{
    [Fact]
    public async Task A_deputys_draft_is_refused_to_another_deputy_and_to_another_congress()
    {
        var own = await app.ApiClientAsync("daibiao");
        var id = await own.SubmitSuggestionAsync("关于草稿只属于起草代表的建议", submit: false);
        (await own.GetAsync($"/api/v1/suggestions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = new { title = "改写别人的草稿", content = SuggestionApiSteps.Content, category = "教育" };
        foreach (var other in new[] { "daibiao2", "qh-staff" })
        {
            var client = await app.ApiClientAsync(other);
            (await client.GetAsync($"/api/v1/suggestions/{id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await client.PutAsJsonAsync($"/api/v1/suggestions/{id}", body)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await client.PostAsync($"/api/v1/suggestions/{id}/submit", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }
        await using var scope = app.Db();
        (await scope.Context.Set<Renda.Web.Features.Suggestions.Suggestion>().SingleAsync(s => s.Id == id)).Title.ShouldBe("关于草稿只属于起草代表的建议");
    }

    [Fact]
    public async Task The_province_reads_the_prefectures_statistics_but_not_its_personal_data()
    {
        var province = await app.ApiClientAsync("qh-staff");
        (await province.GetAsync("/api/v1/congresses/632800/suggestions/statistics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        int deputyId;
        await using (var scope = app.Db())
            deputyId = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800").OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        (await province.GetAsync("/api/v1/congresses/632800/deputies")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await province.GetAsync($"/api/v1/deputies/{deputyId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await province.GetAsync("/api/v1/congresses/632800/suggestions")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        // The prefecture's own staff read the same records.
        var staff = await app.ApiClientAsync("daigongwei");
        (await staff.GetAsync($"/api/v1/deputies/{deputyId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class OwnershipAndCongressTests_Sqlite(SqliteApp app) : OwnershipAndCongressTests(app), IClassFixture<SqliteApp>;
public sealed class OwnershipAndCongressTests_Postgres(PostgresApp app) : OwnershipAndCongressTests(app), IClassFixture<PostgresApp>;

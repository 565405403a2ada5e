using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Security;

/// <summary>
/// Issue 21, item 7: an expected refusal is not an error. A run of refused duplicate livelihood ballots (the unique index
/// refuses them in the database), conflicts, malformed bodies and forbidden steps logs no Error entry; the error log holds
/// faults only.
/// </summary>
public abstract class ExpectedRefusalTests(RendaApp app)
{
    [Fact]
    public async Task A_run_of_refusals_logs_no_error()
    {
        var log = new LogCapture();
        using var factory = app.WithWebHostBuilder(b =>
        {
            // The database's own report of the refused insert is wanted in the capture, to prove the refusals reached it.
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
            b.ConfigureLogging(l => l.AddProvider(log));
        });
        var staff = await factory.ApiClientAsync("daigongwei");
        var deputy = await factory.ApiClientAsync("daibiao");
        var unit = await factory.ApiClientAsync("jiaoyuju");
        var created = await staff.PostJsonAsync($"/api/v1/congresses/632800/livelihood-ballots",
            new { year = 2028, title = "2028年海西州民生实事项目（拒绝不记错误）", session = "海西州第十五届人民代表大会第六次会议", places = 1, tieRule = "SubmissionOrder" }).CreatedAsync();
        var id = created.Id();
        var projects = new List<int>();
        foreach (var name in new[] { "牧区学校供暖", "乡村道路硬化" })
            projects.Add((await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/projects",
                new { name, department = "海西州人民政府", budget = 1000m, description = $"{name}：项目内容、实施地点和完成时限。" }).CreatedAsync()).Id());
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/open").DoneAsync();
        (await deputy.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/ballots", new { projectIds = new[] { projects[0] } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        log.Entries.Clear();

        const int refusals = 10;
        for (var i = 0; i < refusals; i++)
        {
            // The second ballot passes the checks before the insert and is refused by the unique index: 409.
            await (await deputy.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/ballots", new { projectIds = new[] { projects[1] } })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            await (await deputy.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/ballots", new { projectIds = new[] { projects[0], projects[0] } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            await (await unit.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/open")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/open")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            await (await staff.PostAsync($"/api/v1/livelihood-ballots/{id}/projects", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (await factory.Anonymous().GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category} {e.Event.Id} {e.Exception?.GetType().FullName}: {e.Exception?.Message} {e.Message}").ShouldBeEmpty();
        // The refusals did reach the database and were reported there, below Error.
        log.Entries.Count(e => e.Event.Id == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError.Id && e.Level == LogLevel.Information)
            .ShouldBeGreaterThanOrEqualTo(refusals);
    }
}

public sealed class ExpectedRefusalTests_Sqlite(SqliteApp app) : ExpectedRefusalTests(app), IClassFixture<SqliteApp>;
public sealed class ExpectedRefusalTests_Postgres(PostgresApp app) : ExpectedRefusalTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Suggestions;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Filings;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.Web;

/// <summary>
/// The defects found from outside (issue 15, items 1–5), each through HTTP: a field left out of a request is an error and
/// never its type's default, a refusal is a ProblemDetails and never 500, an implausible value is not stored.
/// </summary>
public abstract class RequestValidationTests(RendaApp app)
{
    private async Task<int> AccountIdAsync(string userName)
    {
        await using var scope = app.Db();
        return await scope.Context.Accounts.Where(a => a.UserName == userName).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task A_role_grant_that_names_no_role_is_400_and_grants_nothing()
    {
        var security = await app.ApiClientAsync("secadmin");
        var id = await AccountIdAsync("daibiao");
        async Task<List<Role>> RolesAsync()
        {
            await using var scope = app.Db();
            return await scope.Context.RoleAssignments.Where(r => r.AccountId == id).Select(r => r.Role).ToListAsync();
        }
        var before = await RolesAsync();

        var empty = await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("role").ShouldNotBeEmpty();
        // A number is no role name: 0 and 1 were the administrators' numbers.
        foreach (var number in new[] { 0, 1, 99 })
            await (await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = number })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = "Emperor" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await RolesAsync()).ShouldBe(before, ignoreOrder: true);
        (await RolesAsync()).ShouldNotContain(Role.SystemAdministrator);
    }

    [Fact]
    public async Task A_ballot_without_a_choice_is_400_and_nothing_is_counted()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(1);
        var meeting = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(meeting);
        await staff.RecordAllPresentAsync(app, meeting);
        var vote = await staff.PrepareVoteAsync(meeting, item);
        await staff.OpenVoteAsync(vote).DoneAsync();

        var empty = await members[0].Client.PostJsonAsync($"/api/v1/votes/{vote}/ballots", new { });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("choice").ShouldNotBeEmpty();
        await (await members[0].Client.PostJsonAsync($"/api/v1/votes/{vote}/ballots", new { choice = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await members[0].Client.PostJsonAsync($"/api/v1/votes/{vote}/ballots", new { choice = (string?)null })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await using (var scope = app.Db())
            (await scope.Context.Set<VoteBallot>().CountAsync(b => b.VoteId == vote)).ShouldBe(0);

        // The member can still vote, with a choice.
        await members[0].Client.CastOkAsync(vote, "No");
        await using (var scope = app.Db())
            (await scope.Context.Set<VoteBallot>().SingleAsync(b => b.VoteId == vote)).Choice.ShouldBe(BallotChoice.No);
    }

    [Fact]
    public async Task Editing_a_draft_by_put_answers_204_and_each_refusal_with_its_own_status()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var id = await deputy.SubmitSuggestionAsync("关于修缮乡村道路的建议", submit: false);
        var body = new { title = "关于修缮乡村公路的建议", content = SuggestionApiSteps.Content, category = "城乡建设" };

        var ok = await deputy.PutAsJsonAsync($"/api/v1/suggestions/{id}", body);
        ok.StatusCode.ShouldBe(HttpStatusCode.NoContent, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await deputy.DetailAsync(id)).GetProperty("title").GetString().ShouldBe("关于修缮乡村公路的建议");

        var other = await app.ApiClientAsync("daibiao2");
        var foreign = await other.PutAsJsonAsync($"/api/v1/suggestions/{id}", body);
        foreign.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        foreign.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await (await deputy.PutAsJsonAsync($"/api/v1/suggestions/{id}", new { title = "", content = "", category = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title").ShouldNotBeEmpty();
        await (await deputy.PutAsJsonAsync("/api/v1/suggestions/-1", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await deputy.DetailAsync(id)).GetProperty("title").GetString().ShouldBe("关于修缮乡村公路的建议");
    }

    [Fact]
    public async Task A_password_change_with_missing_or_null_fields_is_400_naming_them()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var empty = await (await staff.PostAsJsonAsync("/api/v1/me/password", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        empty.FieldErrors("currentPassword").ShouldNotBeEmpty();
        empty.FieldErrors("newPassword").ShouldNotBeEmpty();
        var nulls = await (await staff.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = (string?)null, newPassword = (string?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        nulls.FieldErrors("newPassword").ShouldNotBeEmpty();
        // The password was not changed: the old one still signs in.
        (await app.ApiClientAsync("fagongwei")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_multipart_body_that_breaks_off_is_400_on_the_file_field_for_attachments_and_the_deputies_import()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        int attachments;
        await using (var scope = app.Db())
            attachments = await scope.Context.Attachments.CountAsync();
        foreach (var url in new[] { "/api/v1/attachments", "/api/v1/congresses/632800/deputies/import" })
        {
            const string boundary = "renda-broken";
            var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            var bytes = Encoding.ASCII.GetBytes(head).Concat(new byte[] { 0x50, 0x4B, 0x03, 0x04 }).ToArray();
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            var response = await staff.PostAsync(url, content);
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldNotBeEmpty();
        }
        await using (var scope = app.Db())
            (await scope.Context.Attachments.CountAsync()).ShouldBe(attachments);
    }

    [Fact]
    public async Task A_date_in_year_one_and_text_with_control_characters_are_refused_and_nothing_is_stored()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        int surveys;
        await using (var scope = app.Db())
            surveys = await scope.Context.Set<Survey>().CountAsync();
        var yearOne = await staff.PostAsJsonAsync("/api/v1/congresses/632800/supervision/surveys",
            new { kind = "Survey", topic = "牧区教育调研", startsOn = "0001-01-01", endsOn = "0001-01-02" });
        (await yearOne.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("startsOn")[0].ShouldContain("合理范围");
        var nul = await staff.PostAsJsonAsync("/api/v1/congresses/632800/supervision/surveys",
            new { kind = "Survey", topic = "牧区\u0000教育调研", startsOn = "2026-11-16", endsOn = "2026-11-17" });
        (await nul.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("topic")[0].ShouldContain("控制字符");
        // A field may narrow the range: local standing committees meet only since the 1979 organic law.
        var before1979 = await staff.PostAsJsonAsync("/api/v1/congresses/632800/meetings", new { startsOn = "1970-03-02", endsOn = "1970-03-03", place = "德令哈" });
        (await before1979.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("startsOn")[0].ShouldContain("1979-07-01");
        // Newlines and tabs are text.
        var fine = await staff.PostAsJsonAsync("/api/v1/congresses/632800/supervision/surveys",
            new { kind = "Survey", topic = "牧区教育调研", startsOn = "2026-11-16", endsOn = "2026-11-17", places = "格尔木市\n德令哈市\t乌兰县" });
        fine.StatusCode.ShouldBe(HttpStatusCode.Created, await fine.Content.ReadAsStringAsync());
        await using (var scope = app.Db())
            (await scope.Context.Set<Survey>().CountAsync()).ShouldBe(surveys + 1);

        var deputy = await app.ApiClientAsync("daibiao");
        int suggestions;
        await using (var scope = app.Db())
            suggestions = await scope.Context.Set<Suggestion>().CountAsync();
        foreach (var bad in new[] { "\u0000", "\u0007", "\u001b[31m", "\u0085" })
        {
            var response = await deputy.PostAsJsonAsync("/api/v1/congresses/632800/suggestions",
                new { title = $"关于{bad}的建议", content = SuggestionApiSteps.Content, category = "教育" });
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title").ShouldNotBeEmpty();
        }
        await using (var scope = app.Db())
            (await scope.Context.Set<Suggestion>().CountAsync()).ShouldBe(suggestions);
    }

    [Fact]
    public async Task A_page_form_with_a_control_character_is_400_and_stores_nothing()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        int suggestions;
        await using (var scope = app.Db())
            suggestions = await scope.Context.Set<Suggestion>().CountAsync();
        var fine = await deputy.PostFormAsync("/suggestions/new", new()
        {
            ["Title"] = "关于\t的建议", ["Content"] = SuggestionApiSteps.Content, ["Category"] = "教育",
        });
        fine.StatusCode.ShouldBe(HttpStatusCode.Redirect, await fine.Content.ReadAsStringAsync());
        var response = await deputy.PostFormAsync("/suggestions/new", new()
        {
            ["Title"] = "关于\u0007的建议", ["Content"] = SuggestionApiSteps.Content, ["Category"] = "教育",
        });
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("控制字符", customMessage: html);
        // NUL is refused by the framework's form reading already, also with 400.
        var nul = await deputy.PostFormAsync("/suggestions/new", new() { ["Title"] = "关于\u0000的建议", ["Content"] = SuggestionApiSteps.Content, ["Category"] = "教育" });
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using (var scope = app.Db())
            (await scope.Context.Set<Suggestion>().CountAsync()).ShouldBe(suggestions + 1);
    }

    [Fact]
    public async Task Whatever_path_a_value_takes_the_save_refuses_control_characters_dates_out_of_range_and_unset_enums()
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var unit = await db.HandlingUnits.FirstAsync();
        var name = unit.Name;
        unit.Name = name + "\u0000";
        (await Should.ThrowAsync<DomainException>(() => db.SaveChangesAsync())).Field.ShouldBe("name");
        unit.Name = name;
        unit.Kind = default;
        (await Should.ThrowAsync<DomainException>(() => db.SaveChangesAsync())).Field.ShouldBe("kind");
        db.ChangeTracker.Clear();
        var survey = await db.Set<Survey>().FirstAsync();
        survey.StartsOn = new DateOnly(1, 1, 1);
        (await Should.ThrowAsync<DomainException>(() => db.SaveChangesAsync())).Field.ShouldBe("startsOn");
        db.ChangeTracker.Clear();
        (await db.HandlingUnits.SingleAsync(u => u.Id == unit.Id)).Name.ShouldBe(name);
    }

    [Fact]
    public async Task Steps_that_need_something_refuse_an_empty_body()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        int reviewId, filingId, readingId, billId, interpellationId = 1;
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var haixi = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
            reviewId = await db.Set<Review>().Where(r => r.CongressId == haixi).Select(r => r.Id).FirstAsync();
            filingId = await db.Set<Filing>().Where(f => f.CongressId == haixi && f.FilerHandlingUnitId != null).Select(f => f.Id).FirstAsync();
            (readingId, billId) = await db.Set<BillReading>().Join(db.Set<Bill>().Where(b => b.CongressId == haixi), r => r.BillId, b => b.Id, (r, b) => new ValueTuple<int, int>(r.Id, b.Id)).FirstAsync();
        }
        var reviewer = await app.ApiClientAsync("fagongwei");
        (await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/findings", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("standard").ShouldNotBeEmpty();
        var filer = await app.ApiClientAsync("zhengfu");
        (await (await filer.PostAsJsonAsync($"/api/v1/filings/{filingId}/resubmit", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("text").ShouldNotBeEmpty();
        (await (await staff.PostAsJsonAsync($"/api/v1/supervision/interpellations/{interpellationId}/satisfaction", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("satisfied").ShouldNotBeEmpty();
        foreach (var path in new[] { "reports", "inspections", "inquiries", "surveys" })
            (await (await staff.PutAsJsonAsync($"/api/v1/supervision/{path}/1/topic", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
                .FieldErrors("topicId").ShouldNotBeEmpty();
        (await (await staff.PutAsJsonAsync($"/api/v1/bills/{billId}/readings/{readingId}/reports", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("explanation").ShouldNotBeEmpty();
    }
}

public sealed class RequestValidationTests_Sqlite(SqliteApp app) : RequestValidationTests(app), IClassFixture<SqliteApp>;
public sealed class RequestValidationTests_Postgres(PostgresApp app) : RequestValidationTests(app), IClassFixture<PostgresApp>;

/// <summary>What holds for the application's whole surface, read from its own endpoint list and model.</summary>
public sealed class RequestSurfaceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void No_endpoint_handler_answers_with_a_task_of_a_task()
    {
        // An async lambda that returns a task without awaiting it serialised the Task object and turned every refusal into 500.
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(200);
        var wrapped = endpoints
            .Select(e => (Route: e.RoutePattern.RawText, Method: e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            .Where(e => e.Method is not null && e.Method.Module.Assembly == typeof(RequestValidation).Assembly && IsTask(Awaited(e.Method.ReturnType)))
            .Select(e => e.Route).ToList();
        wrapped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Errors_the_framework_makes_before_an_endpoint_runs_are_problem_details_too()
    {
        var security = await app.ApiClientAsync("secadmin");
        var responses = new List<HttpResponseMessage>
        {
            // (A NUL in the path never reaches the application: the server refuses the request line itself; decision 0023.)
            await security.GetAsync("/api/v1/suggestions/abc"),
            await security.DeleteAsync("/api/v1/ping"),
            await security.PostAsync("/api/v1/accounts/1/roles", new StringContent("role=Deputy", Encoding.UTF8, "text/plain")),
            await security.PostAsync("/api/v1/accounts/1/roles", new StringContent("{\"role\":", Encoding.UTF8, "application/json")),
            await security.PostAsync("/api/v1/accounts/1/roles", new StringContent("{\"role\": true}", Encoding.UTF8, "application/json")),
            await app.Anonymous().GetAsync("/api/v1/me"),
        };
        foreach (var r in responses)
        {
            var body = await r.Content.ReadAsStringAsync();
            ((int)r.StatusCode).ShouldBeInRange(400, 499, body);
            r.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri} {(int)r.StatusCode}: {body}");
        }
    }

    [Fact]
    public async Task Refused_requests_log_no_error()
    {
        var errors = new ErrorLog();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(errors)));
        var security = await logged.ApiClientAsync("secadmin");
        var id = 1;
        for (var i = 0; i < 3; i++)
        {
            (await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await security.PostAsync($"/api/v1/accounts/{id}/roles", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await security.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "x\u0000", newPassword = "y" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = "Deputy", committeeId = 999_999 })).StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict);
        }
        errors.Entries.ShouldBeEmpty();
    }

    private sealed class ErrorLog : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string category) => new Logger(this, category);
        public void Dispose() { }

        private sealed class Logger(ErrorLog log, string category) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel level) => level >= Microsoft.Extensions.Logging.LogLevel.Error;
            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                if (IsEnabled(level)) log.Entries.Enqueue($"{category}: {format(state, e)} {e?.GetType().Name}");
            }
        }
    }

    private static Type Awaited(Type t) => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Task<>) || t.GetGenericTypeDefinition() == typeof(ValueTask<>))
        ? t.GetGenericArguments()[0] : t;

    private static bool IsTask(Type t) => typeof(Task).IsAssignableFrom(t) || t == typeof(ValueTask) || t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueTask<>);

    [Fact]
    public void No_enum_that_is_stored_or_sent_has_a_member_numbered_zero()
    {
        // A missing or unset value is 0; if 0 meant something, a form or body that left it out would mean that.
        var assembly = typeof(RequestValidation).Assembly;
        using var scope = app.Services.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>().Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum);
        var sent = assembly.GetTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Input", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).Where(t => t.IsEnum);
        var enums = stored.Concat(sent).Distinct().ToList();
        enums.Count.ShouldBeGreaterThan(40);
        enums.Where(e => Enum.GetValues(e).Cast<object>().Any(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) == 0))
            .Select(e => e.FullName).ShouldBeEmpty();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Platform.Security;

/// <summary>One endpoint and method of the application, read from its own endpoint list.</summary>
public sealed record Surface(string Method, string Route, bool IsPage, bool IsApi)
{
    public string Key => $"{Method} {Route}";
    public bool Changes => Method is not ("GET" or "HEAD");
}

/// <summary>
/// What the security tests share: the application's endpoint list (minimal APIs and Razor Pages, every method), a signed-in
/// client per caller of <see cref="AccessPolicy"/>, route values filled from real demo records, and the figures file that
/// tests/security.sh prints.
/// </summary>
public static partial class SecuritySurface
{
    /// <summary>The demo account that stands for each caller (anonymous has none).</summary>
    public static readonly IReadOnlyDictionary<Caller, string> Accounts = new Dictionary<Caller, string>
    {
        [Caller.SystemAdministrator] = "sysadmin", [Caller.SecurityAdministrator] = "secadmin", [Caller.AuditAdministrator] = "auditadmin",
        [Caller.Staff] = "daigongwei", [Caller.Chairperson] = "zhuren", [Caller.Member] = "weiyuan", [Caller.UnitOfficer] = "jiaoyuju",
        [Caller.FilingOrgan] = "zhengfu", [Caller.FinanceBureau] = "caizheng", [Caller.Deputy] = "daibiao", [Caller.OtherCongressStaff] = "qh-staff",
    };

    /// <summary>Every caller, the least powerful first: a step one of them takes changes the state the next one meets.</summary>
    public static readonly Caller[] Callers =
    [
        Caller.Anonymous, Caller.OtherCongressStaff, Caller.Deputy, Caller.UnitOfficer, Caller.FilingOrgan, Caller.FinanceBureau, Caller.Member,
        Caller.Chairperson, Caller.AuditAdministrator, Caller.SecurityAdministrator, Caller.SystemAdministrator, Caller.Staff,
    ];

    public static async Task<IReadOnlyList<Surface>> EndpointsAsync(RendaApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var list = new List<Surface>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var page = e.Metadata.OfType<PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, e.Metadata);
                var methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct();
                list.AddRange(methods.Select(m => new Surface(m, route, IsPage: true, IsApi: false)));
                continue;
            }
            var verbs = e.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (verbs.Count == 0) verbs = ["GET"]; // health checks answer any method; GET is the one that matters
            list.AddRange(verbs.Select(m => new Surface(m, route, IsPage: false, IsApi: route.StartsWith("/api/v1/", StringComparison.Ordinal))));
        }
        return list.DistinctBy(s => s.Key).OrderBy(s => s.Changes).ThenBy(s => s.Route, StringComparer.Ordinal).ThenBy(s => s.Method).ToList();
    }

    /// <summary>A client per caller: bearer for /api/v1, the login cookie for pages, as the real clients call them.</summary>
    public sealed class Clients(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        private readonly ConcurrentDictionary<(Caller, bool), Task<HttpClient>> _clients = new();

        public Task<HttpClient> ForAsync(Caller caller, bool api) => _clients.GetOrAdd((caller, api), key => key.Item1 == Caller.Anonymous
            ? Task.FromResult(app.Anonymous())
            : key.Item2 ? app.ApiClientAsync(Accounts[key.Item1]) : app.BrowserClientAsync(Accounts[key.Item1]));
    }

    /// <summary>Route values from real demo records of the prefecture (海西州, 632800), so an allowed caller meets a record that exists.</summary>
    public sealed partial class RouteValues(RendaApp app)
    {
        private readonly ConcurrentDictionary<string, Task<string>> _ids = new();

        // A path segment names the table its id belongs to where the plain name does not.
        private static readonly Dictionary<string, string> Tables = new()
        {
            ["appraisals"] = "Appraisals", ["articles"] = "NewsArticles", ["batches"] = "BudgetBatches", ["comments"] = "BillComments",
            ["corrections"] = "DutyCorrectionRequests", ["files"] = "Attachments", ["forums"] = "Forums", ["inquiries"] = "SpecialInquiries",
            ["inspections"] = "LawEnforcementInspections", ["livelihood-ballots"] = "LivelihoodProjectBallots", ["opinions"] = "ConstituentOpinions",
            ["receptions"] = "ReceptionDays", ["stations"] = "LiaisonStations", ["warnings"] = "BudgetWarnings", ["contact-points"] = "LegislativeContactPoints",
            ["duty-reports"] = "DutyReports", ["reports"] = "WorkReports", ["topics"] = "PlanTopics", ["answers"] = "SuggestionAnswers",
            ["agenda"] = "AgendaItems", ["readings"] = "BillReadings", ["joint-inspections"] = "JointInspections", ["trainings"] = "Trainings",
        };

        public async Task<string> FillAsync(string route)
        {
            var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var result = new List<string>();
            var filled = new Dictionary<string, string>();
            for (var i = 0; i < segments.Length; i++)
            {
                var s = segments[i];
                var m = Parameter().Match(s);
                if (!m.Success) { result.Add(s); continue; }
                var name = m.Groups[1].Value;
                var previous = i > 0 ? segments[i - 1] : "";
                var value = await ValueAsync(route, previous, name, filled);
                filled[previous + "/" + name] = value;
                result.Add(Parameter().Replace(s, value));
            }
            return "/" + string.Join('/', result);
        }

        private async Task<string> ValueAsync(string route, string previous, string name, Dictionary<string, string> filled)
        {
            if (route.StartsWith("/status/", StringComparison.Ordinal)) return "404";
            if (previous == "station-opinions") return await ScalarAsync("SELECT MIN(\"ReceiptCode\") FROM \"ConstituentOpinions\"") ?? "X";
            if (route.Contains("/filing-reports/{year", StringComparison.Ordinal) && name == "year") return "2025";
            if (name == "id" && previous == "bills")
                return await ScalarAsync($"SELECT MIN(v.\"BillId\") FROM \"BillVersions\" v JOIN \"Bills\" b ON b.\"Id\" = v.\"BillId\" WHERE b.\"CongressId\" = {await HaixiAsync()} AND (SELECT COUNT(*) FROM \"BillVersions\" w WHERE w.\"BillId\" = b.\"Id\") >= 1") ?? "1";
            if (name is "v" or "a" or "b" && filled.TryGetValue("bills/id", out var bill))
            {
                var versions = await ScalarAsync($"SELECT MIN(\"Id\") FROM \"BillVersions\" WHERE \"BillId\" = {bill}") ?? "1";
                return name == "b" ? await ScalarAsync($"SELECT MIN(\"Id\") FROM \"BillVersions\" WHERE \"BillId\" = {bill} AND \"Id\" > {versions}") ?? versions : versions;
            }
            if (name == "id" && previous == "suggestions") return await SuggestionAsync();
            if (name == "answerId") return await ScalarAsync($"SELECT MIN(\"Id\") FROM \"SuggestionAnswers\" WHERE \"SuggestionId\" = {await SuggestionAsync()}") ?? "1";
            switch (name)
            {
                case "code" or "congress": return "632800";
                case "year" or "paymentYear": return "2026";
                case "documentName": return "v1";
                case "section": return "news";
                case "v" or "a": return "1";
                case "b": return "2";
                case "n": return "1";
                case "view": return "units";
                case "kind": return "OverBudget";
                case "document": return "agenda";
                case "trackingCode": return await ScalarAsync("SELECT \"TrackingCode\" FROM \"ReviewSuggestions\" ORDER BY \"Id\" LIMIT 1") ?? "X";
                case "statusCode": return "404";
                case "nodeId": return "1";
                case "assignmentId": return await ScalarAsync("SELECT MIN(r.\"Id\") FROM \"RoleAssignments\" r JOIN \"Accounts\" a ON a.\"Id\" = r.\"AccountId\" WHERE a.\"UserName\" = 'fagongwei'") ?? "1";
                case "deputyId": return await ScalarAsync("SELECT MIN(\"Id\") FROM \"Deputies\" WHERE \"CongressId\" = " + await HaixiAsync()) ?? "1";
                case "topicId": return await IdAsync("PlanTopics");
                case "pointId": return await IdAsync("LegislativeContactPoints");
                case "itemId": return await IdAsync("AgendaItems");
                case "opinionId": return await IdAsync("ForumOpinions");
                case "workReportId": return await IdAsync("WorkReports");
                case "r": return await IdAsync("BillReadings");
                case "paymentId": return await ScalarAsync("SELECT MIN(\"Id\") FROM \"TreasuryPayments\"") ?? "1";
            }
            if (name == "id" && previous == "accounts")
                return await ScalarAsync("SELECT \"Id\" FROM \"Accounts\" WHERE \"UserName\" = 'fagongwei'") ?? "1";
            if (name == "id" && route.Contains("/payments/{") && previous is "2026")
                return await ScalarAsync("SELECT MIN(\"Id\") FROM \"TreasuryPayments\"") ?? "1";
            if (name == "id")
                return await IdAsync(Tables.GetValueOrDefault(previous) ?? Pascal(previous));
            return "1";
        }

        private Task<string>? _suggestion;

        /// <summary>A suggestion the demo's education bureau (jiaoyuju) handles and has answered: the unit's own, another unit's not.</summary>
        private Task<string> SuggestionAsync() => _suggestion ??= LoadSuggestionAsync();

        private async Task<string> LoadSuggestionAsync()
        {
            var unit = await ScalarAsync("SELECT MIN(r.\"HandlingUnitId\") FROM \"RoleAssignments\" r JOIN \"Accounts\" a ON a.\"Id\" = r.\"AccountId\" WHERE a.\"UserName\" = 'jiaoyuju'") ?? "0";
            return await ScalarAsync($"SELECT MIN(s.\"Id\") FROM \"Suggestions\" s JOIN \"SuggestionAssignments\" x ON x.\"SuggestionId\" = s.\"Id\" WHERE x.\"HandlingUnitId\" = {unit} AND EXISTS (SELECT 1 FROM \"SuggestionAnswers\" y WHERE y.\"SuggestionId\" = s.\"Id\")")
                ?? await IdAsync("Suggestions");
        }

        private static string Pascal(string segment) => string.Concat(segment.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

        private Task<string> IdAsync(string table) => _ids.GetOrAdd(table, LoadIdAsync);

        private async Task<string> LoadIdAsync(string table)
        {
            await using var scope = app.Db();
            var entity = scope.Context.Model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table);
            if (entity is null) return "1";
            var haixi = await HaixiAsync();
            var where = entity.FindProperty("CongressId") is not null ? $" WHERE \"CongressId\" = {haixi}" : "";
            return await ScalarAsync($"SELECT MIN(\"Id\") FROM \"{table}\"{where}") ?? await ScalarAsync($"SELECT MIN(\"Id\") FROM \"{table}\"") ?? "1";
        }

        private string? _haixi;

        private async Task<string> HaixiAsync() => _haixi ??= await ScalarAsync("SELECT \"Id\" FROM \"Congresses\" WHERE \"Code\" = '632800'") ?? "1";

        private async Task<string?> ScalarAsync(string sql)
        {
            await using var scope = app.Db();
            var connection = scope.Context.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var value = await command.ExecuteScalarAsync();
            return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}?]+(?:\([^)]*\))?)?\??\}")]
        private static partial Regex Parameter();
    }

    /// <summary>The class of an answer, as the matrix judges it.</summary>
    public static Outcome Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return Outcome.ServerError;
        if (status is 401 or 403) return Outcome.Refused;
        if (status == 404) return Outcome.Hidden;
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            if (location.Contains("/login", StringComparison.Ordinal) || location.Contains("/forbidden", StringComparison.Ordinal))
                return Outcome.Refused;
        }
        return Outcome.Reached;
    }

    /// <summary>Figures for docs/SECURITY.md: each test writes its counts; tests/security.sh prints them.</summary>
    public static void WriteFigures(string name, IEnumerable<(string Key, object Value)> figures)
    {
        var dir = Environment.GetEnvironmentVariable("RENDA_SECURITY_FIGURES") ?? Path.Combine(Path.GetTempPath(), "renda-security-figures");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, name + ".txt"), figures.Select(f => $"{f.Key}\t{f.Value}"));
    }
}

public enum Outcome { Reached, Refused, Hidden, ServerError }

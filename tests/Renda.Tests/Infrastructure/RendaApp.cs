using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renda.Web.Data;

namespace Renda.Tests.Infrastructure;

/// <summary>
/// The whole application in memory over a real database, with demo data loaded and a clock the
/// test controls. One instance per test class (IClassFixture); subclasses pick the provider.
/// </summary>
public abstract class RendaApp : WebApplicationFactory<Program>
{
    public const string Password = "Test#Demo2026x";
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero)); // Monday 10:00 in Beijing
    public string DataDir { get; } = Directory.CreateTempSubdirectory("renda-test-").FullName;
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }
    /// <summary>The connection string, for running the `renda` command against the same database.</summary>
    public string ConnectionStringForTools
    {
        get
        {
            _ = Services; // the database exists once the host has started
            return ConnectionString;
        }
    }

    /// <summary>
    /// False for the one instance per provider that builds the template (migrated, demo loaded) which every other
    /// instance's database is copied from: loading the demo story costs most of a fixture's start.
    /// </summary>
    internal bool FromTemplate { get; init; } = true;

    /// <summary>Fills this instance's database (and data folder) from the template before the host starts.</summary>
    protected abstract void CopyTemplate();

    private bool _copied;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Once: an instance made by WithSettings runs this again for the same database, which is in use by then.
        if (FromTemplate && !_copied)
        {
            CopyTemplate();
            _copied = true;
        }
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Renda", ConnectionString);
        builder.UseSetting("Renda:DataDir", DataDir);
        builder.UseSetting("Renda:Demo", "true");
        builder.UseSetting("Renda:DemoPassword", Password);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A fresh scope's DbContext, for arranging and asserting on what HTTP calls wrote.</summary>
    public AsyncServiceScopeDb Db() => new(Services.CreateAsyncScope());

    /// <summary>A client without cookies of its own handling redirects manually, as a browser would see them.</summary>
    public HttpClient Anonymous() => FactoryClients.Anonymous(this);

    /// <summary>A client authenticated with a bearer token issued by POST /api/v1/auth/token.</summary>
    public Task<HttpClient> ApiClientAsync(string userName, string password = Password) => FactoryClients.ApiClientAsync(this, userName, password);

    /// <summary>A client signed in through the login form, carrying the cookie, as a browser.</summary>
    public Task<HttpClient> BrowserClientAsync(string userName, string password = Password) => FactoryClients.BrowserClientAsync(this, userName, password);

    /// <summary>The same application over the same database and clock, with some configuration changed (dispose it after the test).</summary>
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings)
        => WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Also reached from the finalizer of a fixture whose constructor failed (no PostgreSQL): never throw here.
        if (DataDir is { Length: > 0 } && Directory.Exists(DataDir))
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SqliteApp : RendaApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "renda.db")}";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var app = new SqliteApp { FromTemplate = false };
        _ = app.Services; // starts the host: migrations and the demo story
        var dir = Directory.CreateTempSubdirectory("renda-template-").FullName;
        DemoFiles.Copy(app.DataDir, dir);
        Backup(app.ConnectionString, Path.Combine(dir, "renda.db"));
        // A plain rollback-journal file that nobody opens again: each test copies it as a file. Copying by SQLite's backup
        // from many fixtures at once failed now and then with "database is locked" (a WAL database's first readers race to
        // set up its shared memory, and a backup step does not wait).
        using (var plain = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "renda.db")};Pooling=False"))
        {
            plain.Open();
            using var journal = plain.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE";
            journal.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } };
        return dir;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    protected override void CopyTemplate()
    {
        DemoFiles.Copy(Template.Value, DataDir);
        File.Copy(Path.Combine(Template.Value, "renda.db"), Path.Combine(DataDir, "renda.db"), overwrite: true);
    }

    /// <summary>SQLite's online backup: a consistent copy whatever the journal holds.</summary>
    private static void Backup(string from, string toFile)
    {
        using var source = new Microsoft.Data.Sqlite.SqliteConnection(from);
        using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={toFile};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }
}

public sealed class PostgresApp : RendaApp
{
    private readonly string _connection = TestPostgres.DatabaseName("renda_test");
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override string ConnectionString => _connection;

    private static readonly Lazy<(string Database, string DataDir)> Template = new(() =>
    {
        var app = new PostgresApp { FromTemplate = false };
        TestPostgres.Create(app._connection);
        _ = app.Services;
        var dir = Directory.CreateTempSubdirectory("renda-template-").FullName;
        DemoFiles.Copy(app.DataDir, dir);
        var database = new Npgsql.NpgsqlConnectionStringBuilder(app._connection).Database!;
        // Dispose the host but keep its database: it is the template (dropped with the server at the end of the run).
        app.KeepDatabase = true;
        app.Dispose();
        // Its idle pooled connections would keep the template in use: CREATE DATABASE … TEMPLATE needs it unconnected.
        Npgsql.NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { TestPostgres.DropDatabase(app._connection); } catch (Npgsql.NpgsqlException) { }
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        };
        return (database, dir);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private bool KeepDatabase { get; set; }

    protected override void CopyTemplate()
    {
        DemoFiles.Copy(Template.Value.DataDir, DataDir);
        TestPostgres.Create(_connection, template: Template.Value.Database);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDatabase)
            TestPostgres.DropDatabase(_connection);
    }
}

/// <summary>The files the demo story leaves in the data folder (attachments); never its keys, which each instance makes for itself.</summary>
internal static class DemoFiles
{
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "keys" or "audit" || relative.StartsWith("renda.db", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

/// <summary>Clients of any instance of the application: a <see cref="RendaApp"/>, or one made by <see cref="RendaApp.WithSettings"/>.</summary>
public static class FactoryClients
{
    public static HttpClient Anonymous(this WebApplicationFactory<Program> app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> ApiClientAsync(this WebApplicationFactory<Program> app, string userName, string password = RendaApp.Password)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> BrowserClientAsync(this WebApplicationFactory<Program> app, string userName, string password = RendaApp.Password)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/login", new() { ["UserName"] = userName, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }
}

public sealed class AsyncServiceScopeDb(AsyncServiceScope scope) : IAsyncDisposable
{
    public RendaDbContext Context { get; } = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public static partial class HttpClientForms
{
    /// <summary>GETs the page, takes its antiforgery token, and POSTs the form to the same address, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        if (!match.Success)
            throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} (status {(int)page.StatusCode}).");
        fields["__RequestVerificationToken"] = match.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of a page, for API calls made with the login cookie.</summary>
    public static async Task<string> CsrfTokenAsync(this HttpClient client, string url = "/")
    {
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        return MetaToken().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}

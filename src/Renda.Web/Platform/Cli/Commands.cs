using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Platform.Cli;

/// <summary>
/// Subcommands of the one executable (renda migrate, renda verify-audit …). They build the same
/// host as the web server, with the same configuration, but never start listening.
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, (string Help, Func<IServiceProvider, IConfiguration, string[], Task<int>> Run)> Builtin = new()
    {
        ["migrate"] = ("apply pending database migrations", Migrate),
        ["verify-audit"] = ("verify the audit hash chain and compare it with its signed checkpoints, then write one; exit 1 and name the first bad record, a cut tail or a forged checkpoint", VerifyAudit),
        ["backup"] = ("write a consistent backup: backup [FILE]", Backup),
        ["demo-accounts"] = ("print the demo accounts: username<TAB>role<TAB>congress code", DemoAccounts),
        ["import-calendar"] = ("load a holiday year (holiday-cn JSON): import-calendar FILE", ImportCalendar),
        ["schema-script"] = ("print the CREATE script of the current model (to write a migration)", SchemaScript),
        ["help"] = ("this list", (_, _, _) => { PrintHelp(); return Task.FromResult(0); }),
    };

    /// <summary>The modules' commands (<see cref="ICommandLineCommand"/>), found in this assembly, listed before help.</summary>
    private static readonly Dictionary<string, (string Help, Func<IServiceProvider, IConfiguration, string[], Task<int>> Run)> All = WithModuleCommands();

    private static Dictionary<string, (string Help, Func<IServiceProvider, IConfiguration, string[], Task<int>> Run)> WithModuleCommands()
    {
        var all = new Dictionary<string, (string Help, Func<IServiceProvider, IConfiguration, string[], Task<int>> Run)>();
        foreach (var (name, entry) in Builtin.Where(c => c.Key != "schema-script" && c.Key != "help")) all[name] = entry;
        var modules = typeof(Commands).Assembly.GetTypes()
            .Where(t => typeof(ICommandLineCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICommandLineCommand)Activator.CreateInstance(t)!).OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var c in modules) all[c.Name] = (c.Usage, (sp, _, args) => c.RunAsync(sp, args));
        all["schema-script"] = Builtin["schema-script"];
        all["help"] = Builtin["help"];
        return all;
    }

    public static bool IsCommand(string arg) => All.ContainsKey(arg) || arg is "--help" or "-h";

    public static async Task<int> RunAsync(string[] args)
    {
        var name = args[0] is "--help" or "-h" ? "help" : args[0];
        var rest = args[1..];
        // Options (--Database:Provider=…) go to configuration; plain words are the command's arguments.
        var options = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var words = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        try
        {
            // Logs go to standard error so that a command's output (a script, a list) stays clean.
            var app = RendaHost.Build(options, b => b.Logging.AddJsonConsole(o => o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }).AddFilter(level => level >= LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            using var scope = app.Services.CreateScope();
            return await All[name].Run(scope.ServiceProvider, app.Configuration, words);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or DbUpdateException or SqliteException or NpgsqlException or Web.DomainException)
        {
            await Console.Error.WriteLineAsync($"renda {name}: {e.Message}");
            return 2;
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("renda — 人大履职综合平台. Without a command, starts the web host.");
        foreach (var (name, (help, _)) in All)
            Console.WriteLine($"  renda {name,-16} {help}");
    }

    private static RendaDbContext Db(IServiceProvider sp) => sp.GetRequiredService<RendaDbContext>();

    private static async Task<int> Migrate(IServiceProvider sp, IConfiguration config, string[] args)
    {
        var applied = await Database.MigrateAsync(Db(sp));
        Console.WriteLine(applied.Count == 0 ? "database is up to date" : $"applied: {string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<int> VerifyAudit(IServiceProvider sp, IConfiguration config, string[] args)
    {
        var db = Db(sp);
        await Database.MigrateAsync(db);
        var result = await AuditChain.VerifyAsync(db, sp.GetRequiredService<AuditCheckpoints>());
        if (result.Intact)
        {
            Console.WriteLine(result.Message);
            return 0;
        }
        await Console.Error.WriteLineAsync($"审计链已被破坏：{result.Message}" + (result.FirstBadId is { } id ? $"（记录 Id {id}）" : ""));
        return 1;
    }

    private static async Task<int> DemoAccounts(IServiceProvider sp, IConfiguration config, string[] args)
    {
        foreach (var a in DemoData.Accounts)
            Console.WriteLine($"{a.UserName}\t{a.Role}\t{a.CongressCode}");
        await Task.CompletedTask;
        return 0;
    }

    private static async Task<int> ImportCalendar(IServiceProvider sp, IConfiguration config, string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: renda import-calendar FILE");
            return 2;
        }
        var db = Db(sp);
        await Database.MigrateAsync(db);
        await using var file = File.OpenRead(args[0]);
        var summary = await WorkCalendar.ImportYearAsync(db, file, Path.GetFileName(args[0]));
        Console.WriteLine(summary);
        return 0;
    }

    private static Task<int> SchemaScript(IServiceProvider sp, IConfiguration config, string[] args)
    {
        Console.WriteLine(Database.CreateScript(Db(sp)));
        return Task.FromResult(0);
    }

    /// <summary>
    /// SQLite: the online backup API copies a consistent snapshot while the platform runs.
    /// PostgreSQL: pg_dump in custom format (restore with pg_restore).
    /// </summary>
    private static async Task<int> Backup(IServiceProvider sp, IConfiguration config, string[] args)
    {
        var db = Db(sp);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var dir = Path.Combine(Database.DataDir(config), "backups");
        Directory.CreateDirectory(dir);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var target = args.Length > 0 ? args[0] : Path.Combine(dir, $"renda-{stamp}.db");
            await using var source = new SqliteConnection(Database.ConnectionString(config));
            await source.OpenAsync();
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await destination.OpenAsync();
            source.BackupDatabase(destination);
            Console.WriteLine(target);
            return 0;
        }
        var file = args.Length > 0 ? args[0] : Path.Combine(dir, $"renda-{stamp}.dump");
        var cs = new NpgsqlConnectionStringBuilder(Database.ConnectionString(config));
        var psi = new ProcessStartInfo("pg_dump") { RedirectStandardError = true };
        foreach (var a in new[] { "--format=custom", "--no-owner", $"--file={file}", $"--host={cs.Host}", $"--port={cs.Port}", $"--username={cs.Username}", cs.Database! })
            psi.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("pg_dump could not be started; is postgresql-client installed?");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"pg_dump failed: {error}");
            return 1;
        }
        Console.WriteLine(file);
        return 0;
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Cli;

/// <summary>The executable's subcommands, run as a real process against real databases.</summary>
public class CommandLineTests
{
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "renda")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Demo_accounts_are_printed_one_per_line_tab_separated()
    {
        var (exit, stdout, stderr) = await RunAsync("demo-accounts", $"--Renda:DataDir={Directory.CreateTempSubdirectory().FullName}");
        exit.ShouldBe(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(Renda.Web.Platform.Demo.DemoData.Accounts.Count);
        lines.ShouldContain("auditadmin\tAuditAdministrator\t632800");
        lines.ShouldAllBe(l => l.Split('\t').Length == 3);
    }

    [Fact]
    public async Task Migrate_then_backup_a_SQLite_database_gives_a_readable_copy()
    {
        var dir = Directory.CreateTempSubdirectory("renda-cli-").FullName;
        var options = new[] { $"--Renda:DataDir={dir}" };
        var (exit, stdout, stderr) = await RunAsync(["migrate", .. options]);
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("applied: 0001_foundation");
        (await RunAsync(["migrate", .. options])).Stdout.ShouldContain("up to date");

        var target = Path.Combine(dir, "copy.db");
        var backup = await RunAsync(["backup", target, .. options]);
        backup.ExitCode.ShouldBe(0, backup.Stderr);
        await using var c = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM schema_migrations";
        ((long)(await cmd.ExecuteScalarAsync())!).ShouldBe(Renda.Web.Data.Database.Migrations(Renda.Web.Data.DatabaseProvider.Sqlite).Count());
    }

    [Fact]
    public async Task Backup_of_PostgreSQL_is_a_pg_dump_archive()
    {
        var connection = TestPostgres.CreateDatabase("renda_cli");
        try
        {
            var dir = Directory.CreateTempSubdirectory("renda-cli-").FullName;
            string[] options = ["--Database:Provider=Postgres", $"--ConnectionStrings:Renda={connection}", $"--Renda:DataDir={dir}"];
            (await RunAsync(["migrate", .. options])).ExitCode.ShouldBe(0);
            var file = Path.Combine(dir, "renda.dump");
            var (exit, _, stderr) = await RunAsync(["backup", file, .. options]);
            exit.ShouldBe(0, stderr);
            var header = new byte[5];
            await using (var f = File.OpenRead(file))
                await f.ReadExactlyAsync(header);
            System.Text.Encoding.ASCII.GetString(header).ShouldBe("PGDMP");
        }
        finally
        {
            TestPostgres.DropDatabase(connection);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_a_clear_error_not_a_crash()
    {
        var (exit, _, stderr) = await RunAsync("migrate", "--Database:Provider=Oracle", $"--Renda:DataDir={Directory.CreateTempSubdirectory().FullName}");
        exit.ShouldNotBe(0);
        stderr.ShouldContain("Database:Provider must be Sqlite or Postgres");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>
/// Nothing is ever half-imported: `renda import-budget` is killed (SIGKILL) in the middle of a large file, against the fixture's
/// own database; no row of the batch is left, and the same command run again imports the whole file.
/// </summary>
public abstract class BudgetImportKillTests(RendaApp app)
{
    private const int Rows = 150_000;

    [Fact]
    public async Task A_command_line_import_killed_midway_leaves_nothing_and_a_rerun_completes()
    {
        var units = new List<string>();
        int congressId;
        await using (var s = app.Db())
        {
            congressId = await s.Context.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
            units = await s.Context.Set<BudgetUnit>().Where(u => u.CongressId == congressId).OrderBy(u => u.Code).Select(u => u.Code).Take(20).ToListAsync();
        }
        var dir = Directory.CreateTempSubdirectory("renda-kill-").FullName;
        var file = Path.Combine(dir, "2025年支付明细.csv");
        await using (var w = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await w.WriteLineAsync(string.Join(",", BudgetImportSteps.PaymentHeader));
            for (var i = 0; i < Rows; i++)
            {
                var day = new DateOnly(2025, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await w.WriteLineAsync($"K{i:D8},{units[i % units.Count]},,2010301,30201,,西财预〔2025〕1号,一般公共预算,授权支付,{100 + i % 900}.50,,青海海西建设工程有限公司,单位,青海银行海西分行,办公用品,{day},{day}");
            }
        }
        string[] options = ["--kind=Payments", "--congress=632800", $"--Database:Provider={app.Provider}", $"--ConnectionStrings:Renda={app.ConnectionStringForTools}", $"--Renda:DataDir={app.DataDir}"];

        using (var killed = Start(["import-budget", file, .. options]))
        {
            var seen = new StringBuilder();
            var reading = Task.Run(async () =>
            {
                var buffer = new char[256];
                int n;
                while ((n = await killed.StandardError.ReadAsync(buffer)) > 0)
                    lock (seen) seen.Append(buffer, 0, n);
            });
            var waited = Stopwatch.StartNew();
            // The progress bar shows rows streamed into the open transaction: kill it there.
            while (!Progressed(seen) && !killed.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3))
                await Task.Delay(50);
            killed.HasExited.ShouldBeFalse($"the import ended before it could be killed: {seen}");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
            await reading;
        }
        await using (var s = app.Db())
        {
            (await s.Context.Set<TreasuryPayment>().CountAsync(p => p.CongressId == congressId && p.Year == 2025)).ShouldBe(0);
            (await s.Context.Set<BudgetBatch>().CountAsync(b => b.CongressId == congressId && b.Year == 2025)).ShouldBe(0);
        }

        using var rerun = Start(["import-budget", file, .. options]);
        var stdout = rerun.StandardOutput.ReadToEndAsync();
        var stderr = rerun.StandardError.ReadToEndAsync();
        await rerun.WaitForExitAsync();
        rerun.ExitCode.ShouldBe(0, await stderr);
        (await stdout).ShouldContain("已导入");
        (await stderr).ShouldContain($"{Rows:N0}/");
        await using (var s = app.Db())
        {
            (await s.Context.Set<TreasuryPayment>().CountAsync(p => p.CongressId == congressId && p.Year == 2025)).ShouldBe(Rows);
            (await s.Context.Set<BudgetBatch>().SingleAsync(b => b.CongressId == congressId && b.Year == 2025)).Channel.ShouldBe(BudgetChannel.CommandLine);
        }
        Directory.Delete(dir, recursive: true);
    }

    private static bool Progressed(StringBuilder seen)
    {
        lock (seen)
            return seen.ToString().Contains("行", StringComparison.Ordinal) && seen.ToString().Contains(" 10,000/", StringComparison.Ordinal) || seen.ToString().Contains("0,000/", StringComparison.Ordinal);
    }

    private static Process Start(string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "renda")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}

public sealed class BudgetImportKillTests_Sqlite(SqliteApp app) : BudgetImportKillTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetImportKillTests_Postgres(PostgresApp app) : BudgetImportKillTests(app), IClassFixture<PostgresApp>;

using System.Diagnostics;
using System.Globalization;
using Renda.Web.Platform.Cli;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// <c>renda budget-aggregates CODE YEAR…</c>: recomputes a congress's monthly execution sums of whole years from the raw
/// payments — after rows were written outside an import (the benchmark's generator) or to repair; an import refreshes what it
/// touched by itself.
/// </summary>
public sealed class BudgetAggregatesCommand : ICommandLineCommand
{
    public string Name => "budget-aggregates";

    public string Usage => "CODE YEAR... — recompute a congress's monthly budget execution sums of those years from the payments";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || !args[1..].All(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            Console.Error.WriteLine($"usage: renda {Name} {Usage}");
            return 2;
        }
        var db = services.GetRequiredService<RendaDbContext>();
        await Database.MigrateAsync(db);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var congress = await db.Congresses.Where(c => c.Code == args[0]).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (congress is not { } id)
        {
            Console.Error.WriteLine($"no congress with code {args[0]}");
            return 1;
        }
        foreach (var year in args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
        {
            var watch = Stopwatch.StartNew();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BudgetAggregates.RefreshYearAsync(db, id, year, CancellationToken.None);
            await tx.CommitAsync();
            var rows = await db.Set<BudgetExecutionMonthly>().CountAsync(x => x.CongressId == id && x.Year == year);
            Console.WriteLine($"{args[0]} {year}: {rows:N0} monthly sums in {watch.Elapsed.TotalSeconds:F1} s");
        }
        return 0;
    }
}

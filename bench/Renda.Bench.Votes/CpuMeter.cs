using System.Globalization;
using Npgsql;

namespace Renda.Bench.Votes;

/// <summary>
/// CPU time spent by the app's process and by the PostgreSQL backends of its database (utime + stime from
/// /proc/PID/stat, 10 ms ticks), so that a phase's cost per request can be read independently of what else runs on
/// the machine. The bench's own connections carry the application name "renda-bench" and are not counted.
/// </summary>
public sealed class CpuMeter(int? appPid, NpgsqlDataSource pg)
{
    public const string ApplicationName = "renda-bench";
    private const double MsPerTick = 10; // getconf CLK_TCK = 100

    public sealed record Snapshot(double AppMs, Dictionary<int, double> Backends, double BenchMs);

    /// <summary>CPU ms of the app, of its database backends, and of this load generator (the client side, on the same cores).</summary>
    public readonly record struct Usage(double AppMs, double DbMs, double BenchMs)
    {
        public static Usage operator +(Usage a, Usage b) => new(a.AppMs + b.AppMs, a.DbMs + b.DbMs, a.BenchMs + b.BenchMs);
    }

    public bool Enabled => appPid is not null && OperatingSystem.IsLinux();

    public async Task<Snapshot?> TakeAsync(CancellationToken ct)
    {
        if (!Enabled) return null;
        var backends = new Dictionary<int, double>();
        await using (var cmd = pg.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> $1"))
        {
            cmd.Parameters.Add(new() { Value = ApplicationName });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                if (Ticks(r.GetInt32(0)) is { } t) backends[r.GetInt32(0)] = t;
        }
        return new(Ticks(appPid!.Value) ?? 0, backends, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    public static Usage Between(Snapshot? a, Snapshot? b)
    {
        if (a is null || b is null) return default;
        var db = b.Backends.Sum(kv => kv.Value - a.Backends.GetValueOrDefault(kv.Key));
        return new(b.AppMs - a.AppMs, db, b.BenchMs - a.BenchMs);
    }

    private static double? Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state is field 3, utime 14, stime 15.
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) * MsPerTick;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

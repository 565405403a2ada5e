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

    public sealed record Snapshot(double AppMs, Dictionary<int, double> Backends);

    public readonly record struct Usage(double AppMs, double DbMs)
    {
        public static Usage operator +(Usage a, Usage b) => new(a.AppMs + b.AppMs, a.DbMs + b.DbMs);
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
        return new(Ticks(appPid!.Value) ?? 0, backends);
    }

    public static Usage Between(Snapshot? a, Snapshot? b)
    {
        if (a is null || b is null) return default;
        var db = b.Backends.Sum(kv => kv.Value - a.Backends.GetValueOrDefault(kv.Key));
        return new(b.AppMs - a.AppMs, db);
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

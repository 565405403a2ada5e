using System.Globalization;
using Renda.Bench.Load;

// renda-bench-load <command> [--name value …]. bench/run-load.sh drives the whole run; each command
// is also usable on its own. Traffic goes to the --url given (127.0.0.1 only) and every run is
// bounded by a duration or a count, so it always stops by itself.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        commands:
          seed     --pg CONN --code 632800 --suggestions 200000 --others 630000:40000,632801:20000
                   --deputies 3000 --deputy-prefix benchdep --password PW [--first-year 2019 --last-year 2026]
          list     --url URL --user daigongwei --password PW --code 632800 [--concurrency 64 --warmup 5 --duration 20]
                   [--year 2025 --current-year 2026 --text 草原 --out results.md]
          burst    --url URL --pg CONN --code 632800 --deputy-prefix benchdep --password PW
                   [--count 3000 --concurrency 100 --token-concurrency 4 --out results.md]
          portal-seed   --provider sqlite|postgres --conn CONN [--times 100]
          portal-load   --url URL --article /p/632800/news/3 [--concurrency 64 --duration 30 --slices 3 --out results.md]
          portal-search --url URL [--code 632800 --runs 40 --queries 冷湖天文,人大,… --out results.md]
          explain  --pg CONN --code 632800 --user daigongwei [--year 2025 --current-year 2026 --text 草原]
        """);
    return 0;
}
var options = Options.Parse(args[1..]);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.Int("timeout-minutes", 30)));
return args[0] switch
{
    "seed" => await Seeder.RunAsync(options, stop.Token),
    "list" => await ListScenario.RunAsync(options, stop.Token),
    "burst" => await BurstScenario.RunAsync(options, stop.Token),
    "explain" => await Explain.RunAsync(options, stop.Token),
    "portal-seed" => await PortalScenario.SeedAsync(options, stop.Token),
    "portal-load" => await PortalScenario.LoadAsync(options, stop.Token),
    "portal-search" => await PortalScenario.SearchAsync(options, stop.Token),
    _ => Fail($"unknown command {args[0]}"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

namespace Renda.Bench.Load
{
    /// <summary>--name value pairs; a flag without a value is "true".</summary>
    public sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(string[] args)
        {
            var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {args[i]}");
                var name = args[i][2..];
                d[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
            return new(d);
        }

        public string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        public string? Maybe(string name) => values.GetValueOrDefault(name);
        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        public bool Flag(string name) => values.TryGetValue(name, out var v) && v != "false";
    }
}

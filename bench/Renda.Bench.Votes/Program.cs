using System.Globalization;
using Renda.Bench.Load;
using Renda.Bench.Votes;

// renda-bench-votes <command> [--name value …]. bench/run-votes.sh drives the whole run; each command is also
// usable on its own against a running app (127.0.0.1 only). Every run is bounded by a count and a timeout.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// 70 members' requests leave at one moment: the client must not wait for the thread pool to grow.
ThreadPool.SetMinThreads(256, 256);
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        commands:
          seed        --pg CONN --tokens FILE --password PW [--members-code 630000 --members 70
                      --deputies-code 632800 --deputies 10000 --non-deputies 20]
          ballots     --url URL --pg CONN --tokens FILE --code 630000 --user qh-staff --password PW
                      [--rounds 20 --secret-every 5 --warmup-rounds 1 --out results.md]
          livelihood  --url URL --pg CONN --tokens FILE --code 632800 --user daigongwei --password PW
                      [--concurrency 64 --duplicates 0.05 --candidates 12 --places 6 --ping-seconds 10 --out results.md]
        """);
    return 0;
}
var options = Options.Parse(args[1..]);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.Int("timeout-minutes", 30)));
return args[0] switch
{
    "seed" => await VoteSeeder.RunAsync(options, stop.Token),
    "ballots" => await BallotScenario.RunAsync(options, stop.Token),
    "livelihood" => await LivelihoodScenario.RunAsync(options, stop.Token),
    _ => Fail($"unknown command {args[0]}"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

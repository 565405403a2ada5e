using Renda.Bench.Search;

// One console for all benchmarks; each is a subcommand with its own options.
return args is ["search", .. var rest] ? await SimilarityBenchmark.RunAsync(rest)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("""
        usage: renda-bench search [--connection CS] [--documents N] [--queries N] [--skip-load]
          Fills a fresh PostgreSQL database with N generated suggestions (default 1,000,000) and
          measures SearchIndex.SimilarAsync against a baseline round trip.
        """);
    return 2;
}

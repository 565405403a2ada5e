using Renda.Bench.Search;

// One console for all benchmarks; each is a subcommand with its own options.
return args is ["search", .. var rest] ? await SimilarityBenchmark.RunAsync(rest)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("""
        usage: renda-bench search [--connection CS] [--documents N] [--queries N] [--skip-load] [--exact N] [--stock-phrases]
          Fills a fresh PostgreSQL database with N generated suggestions (default 1,000,000) and
          measures SearchIndex.SimilarAsync against a baseline round trip; --exact N also compares
          the first N queries' results with an exact full scan (slow: seconds per query);
          --stock-phrases generates texts without names (the worst case; use another database).
        """);
    return 2;
}

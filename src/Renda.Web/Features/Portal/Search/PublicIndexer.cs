namespace Renda.Web.Features.Portal.Search;

/// <summary>
/// Keeps the public search index equal to the public content. Told by <see cref="PublicChanges"/> which sources a committed
/// save touched, it re-reads those sources, compares each item's stamp with the index and writes the difference in one
/// transaction; every <c>Renda:Portal:IndexMinutes</c> (5) it compares all sources anyway (a draft becomes public on the first
/// day of its comment period without any save). "Caught up" is stored only after a run that began after the last change it
/// was told of, so a failing indexer shows an old time and its error on the health page and in /health/ready.
/// </summary>
public sealed class PublicIndexer(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<PublicIndexer> logger) : BackgroundService
{
    private readonly object _gate = new();
    private readonly HashSet<string> _dirty = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _running = new(1, 1);
    // 1: the comparison at start is owed, so a search right after start waits for it like for any change.
    private long _requested = 1;
    private long _done;
    private DateTime? _oldestPending;
    private int _rebuilding;

    public bool Rebuilding => Volatile.Read(ref _rebuilding) == 1;

    /// <summary>Changes told but not yet in the index (sources waiting), and since when.</summary>
    public (int Pending, DateTime? Since) Backlog
    {
        get { lock (_gate) return (Interlocked.Read(ref _requested) > Interlocked.Read(ref _done) ? Math.Max(1, _dirty.Count) : 0, _oldestPending); }
    }

    /// <summary>A committed save touched these sources: re-read them soon.</summary>
    public void Changed(IEnumerable<string> sources)
    {
        lock (_gate)
        {
            foreach (var s in sources) _dirty.Add(s);
            _oldestPending ??= clock.GetUtcNow().UtcDateTime;
            Interlocked.Increment(ref _requested);
        }
        _wake.Release();
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until every change told so far is in the index: a search right after a
    /// publication finds it, and a withdrawn article is gone from the results at once.
    /// </summary>
    public async Task CaughtUpAsync(TimeSpan timeout, CancellationToken ct)
    {
        var target = Interlocked.Read(ref _requested);
        var until = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _done) < target && DateTime.UtcNow < until)
            await Task.Delay(10, ct);
    }

    /// <summary>Starts a rebuild (every item re-read and rewritten); false when one is running already.</summary>
    public bool TryStartRebuild()
    {
        if (Interlocked.CompareExchange(ref _rebuilding, 1, 0) != 0) return false;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(PublicSources.All.Select(s => s.Name).ToHashSet(), rebuild: true, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Rebuilding the public search index failed.");
            }
            finally
            {
                Volatile.Write(ref _rebuilding, 0);
            }
        });
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Renda:Portal:IndexMinutes", 5)));
        var all = PublicSources.All.Select(s => s.Name).ToHashSet();
        var next = DateTime.UtcNow; // a full comparison at start: the index may be new, or another version wrote the content
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var full = DateTime.UtcNow >= next;
                if (full) next = DateTime.UtcNow + every;
                await RunAsync(full ? all : null, rebuild: false, stoppingToken);
                var wait = next - DateTime.UtcNow;
                if (wait > TimeSpan.Zero) await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The public search indexer failed; it tries again.");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One run: the told sources (and <paramref name="also"/>), compared and written.</summary>
    private async Task RunAsync(HashSet<string>? also, bool rebuild, CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            HashSet<string> sources;
            long target;
            lock (_gate)
            {
                sources = [.. _dirty, .. also ?? []];
                _dirty.Clear();
                target = Interlocked.Read(ref _requested);
            }
            if (sources.Count == 0)
            {
                Interlocked.Exchange(ref _done, Math.Max(Interlocked.Read(ref _done), target));
                return;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            try
            {
                var changed = await SyncAsync(db, PublicSources.All.Where(s => sources.Contains(s.Name)).ToList(), rebuild, ct);
                lock (_gate)
                {
                    Interlocked.Exchange(ref _done, target);
                    if (Interlocked.Read(ref _requested) == target) _oldestPending = null;
                }
                await PublicIndex.RecordAsync(db, clock.GetUtcNow().UtcDateTime, caughtUp: true, null, rebuild, ct);
                // Cached search pages may hold what was just changed (the pages were evicted at the commit, before this run).
                if (changed > 0) scope.ServiceProvider.GetRequiredService<PublicChanges>().EvictPages();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (_gate) foreach (var s in sources) _dirty.Add(s); // tried again at the next run
                await PublicIndex.RecordAsync(db, clock.GetUtcNow().UtcDateTime, caughtUp: false, e is InvalidOperationException { InnerException: not null } ? e.Message : e.GetType().Name + ": " + e.Message, false, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Compares the sources with the index and writes the difference; a rebuild rewrites every item. Returns how many items changed.</summary>
    public static async Task<int> SyncAsync(RendaDbContext db, IReadOnlyList<PublicSource> sources, bool rebuild, CancellationToken ct)
    {
        var changed = 0;
        Exception? failed = null;
        foreach (var source in sources)
        {
            try
            {
                changed += await SyncSourceAsync(db, source, rebuild, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One source failing must not keep the others stale: they are written, and the run reports the failure.
                failed ??= new InvalidOperationException($"{source.Name}: {e.GetType().Name}: {e.Message}", e);
            }
        }
        if (changed > 0) await PublicIndex.TidyAsync(db, ct);
        if (failed is not null) throw failed;
        return changed;
    }

    private static async Task<int> SyncSourceAsync(RendaDbContext db, PublicSource source, bool rebuild, CancellationToken ct)
    {
        var docs = await source.List(db, ct);
        var indexed = (await PublicIndex.StampsAsync(db, SectionsOf(source).ToList(), ct)).ToDictionary(i => (i.Section, i.Key), i => i.Stamp);
        var wanted = docs.ToDictionary(d => (d.Section, d.Key));
        var upserts = docs.Where(d => rebuild || indexed.GetValueOrDefault((d.Section, d.Key)) != PublicIndex.StampOf(d)).ToList();
        // A source with a stamp of its own reads the text of the changed items only.
        if (source.Fill is not null && upserts.Count > 0) upserts = await source.Fill(db, upserts, ct);
        var removals = indexed.Keys.Where(k => !wanted.ContainsKey(k)).ToList();
        foreach (var chunk in upserts.Chunk(500))
            await PublicIndex.ApplyAsync(db, chunk, [], ct);
        await PublicIndex.ApplyAsync(db, [], removals, ct);
        return upserts.Count + removals.Count;
    }

    /// <summary>The sections a source writes (so that its last item's removal is seen).</summary>
    private static IEnumerable<string> SectionsOf(PublicSource s) => s.Name switch
    {
        "articles" => ["news", "announcements"],
        _ => [s.Name],
    };
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// Pages of the suggestion list (<see cref="SuggestionQueries.ListAsync"/>) kept in this process until a write could
/// change them. A list is read far more often than suggestions change (people reopen it, page back and forth, a
/// unit's queue is polled), and a page costs ~2 ms of CPU while two cores serve 64 connections. See
/// docs/decisions/0020-suggestion-list-cache.md.
/// <list type="bullet">
/// <item>A page is valid while no save that touches suggestions, their signers, assignments, answers, ratings, or the
/// deputies, people and units whose names a page shows (<see cref="Affects"/>) has committed in this process since it
/// was read: <see cref="CommittedWrites"/> moves a counter <em>after</em> the commit, and a page is stored under the
/// counter read before its query began, so a page read while a write was still open is never kept as current.</item>
/// <item>Writes this process does not see — another instance of the application, a tool writing to the database —
/// show after at most <see cref="SuggestionListOptions.ListCacheSeconds"/> (default 5 s; 0 turns the cache off).</item>
/// <item>Pages are shared by everyone who sees the same rows: staff and the council of a congress share one entry per
/// filter and page; a deputy's or unit's entries are keyed by the deputy and the units.</item>
/// <item>Concurrent requests for the same page wait for one query instead of each running it.</item>
/// </list>
/// </summary>
public sealed class SuggestionListCache
{
    /// <summary>More entries than this and the cache starts again empty (a page is a few kilobytes).</summary>
    private const int Capacity = 4_096;

    private sealed record Entry(long Version, DateTimeOffset ReadAt, Task<Page<SuggestionListItem>> Page);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly IOptions<SuggestionListOptions> _options;
    private long _version;

    public SuggestionListCache(TimeProvider clock, IOptions<SuggestionListOptions> options)
    {
        _clock = clock;
        _options = options;
        Watcher = new CommitWatcher("suggestion list pages", Affects, Invalidate);
    }

    /// <summary>Moves after every committed save that <see cref="Affects"/> the lists.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Registered as a service: <see cref="CommittedWrites"/> moves the counter once a save that <see cref="Affects"/> the lists has committed.</summary>
    public CommitWatcher Watcher { get; }

    /// <summary>A page of the list, from the cache while it is valid, else from the database.</summary>
    public async Task<Page<SuggestionListItem>> ListAsync(RendaDbContext db, SuggestionActor actor, SuggestionFilter f, int? page, int? pageSize, CancellationToken ct)
    {
        var limit = _options.Value.ExactCountLimit;
        var lifetime = TimeSpan.FromSeconds(_options.Value.ListCacheSeconds);
        if (lifetime <= TimeSpan.Zero)
            return await SuggestionQueries.ListAsync(db, actor, f, page, pageSize, ct, limit);

        var (p, size) = Paging.Normalise(page, pageSize);
        var key = Key(actor, f, p, size);
        var version = Version;
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.Version == version && now >= cached.ReadAt && now - cached.ReadAt < lifetime)
        {
            if (cached.Page.IsCompletedSuccessfully)
                return cached.Page.Result;
            try
            {
                return await cached.Page.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested && !cached.Page.IsCompletedSuccessfully)
            {
                // Whoever started that query was refused (a 400 is refused again below, for this request) or went away:
                // this request reads for itself.
            }
        }

        var read = SuggestionQueries.ListAsync(db, actor, f, p, size, ct, limit);
        var entry = new Entry(version, now, read);
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = entry;
        try
        {
            return await read;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    /// <summary>Everything the page's rows depend on besides the database: who sees which rows, the filter and the page.</summary>
    private static string Key(SuggestionActor actor, SuggestionFilter f, int page, int size)
    {
        // SuggestionQueries.Visible: staff and the council see every submitted suggestion of the congress; anyone else
        // what they signed as a deputy or what is assigned to their units.
        var viewer = actor.IsStaff || actor.IsCouncil ? "all" : $"d{actor.DeputyId}u{string.Join(',', actor.UnitIds.Order())}";
        var statuses = f.Statuses is null ? "" : string.Join(',', f.Statuses.Order());
        return string.Create(CultureInfo.InvariantCulture,
            $"{actor.CongressId}|{viewer}|{f.Year}|{f.Status}|{statuses}|{f.Unit}|{f.Category?.Length}:{f.Category}|{f.Deputy}|{f.Key}|{f.Sort?.Length}:{f.Sort}|{page}|{size}|{f.Text}");
    }

    /// <summary>Whether writing this entity may change a page of the list: any entity of this module, or the names it shows.</summary>
    public static bool Affects(object entity)
        => entity.GetType().Namespace == typeof(Suggestion).Namespace || entity is Deputy or Person or HandlingUnit;

    private void Invalidate() => Interlocked.Increment(ref _version);
}

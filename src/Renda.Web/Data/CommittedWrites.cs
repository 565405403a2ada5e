using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Renda.Web.Data;

/// <summary>
/// A cache of this process that must forget what it read once certain writes commit: the entities whose addition, change
/// or deletion concerns it, and what to do when such a save has committed. Register it as a service;
/// <see cref="CommittedWrites"/> calls it.
/// </summary>
public sealed record CommitWatcher(string Name, Func<object, bool> Concerns, Action Committed);

/// <summary>
/// Tells the registered <see cref="CommitWatcher"/>s of the saves that concern them, once committed: at once for a save
/// in its own transaction, at the commit of a transaction opened around the save (a workflow step), never for one rolled
/// back. Never before the commit: a reader that starts after the watcher was told must find the new rows, or it would
/// keep old rows as new (the bearer-token cache, decision 0019; the suggestion list, decision 0020). Added to every
/// RendaDbContext of the application (<see cref="Database.AddRendaDatabase"/>). Writes of other processes are not
/// seen; each cache bounds those by its own lifetime.
/// </summary>
public sealed class CommittedWrites(IEnumerable<CommitWatcher> watchers) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly CommitWatcher[] _watchers = [.. watchers];
    /// <summary>Between SavingChanges and SavedChanges: the watchers concerned by the save under way.</summary>
    private readonly ConditionalWeakTable<DbContext, CommitWatcher[]> _saving = new();
    /// <summary>Saves done inside a transaction still open: the watchers to tell at its commit.</summary>
    private readonly ConditionalWeakTable<DbTransaction, HashSet<CommitWatcher>> _uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _saving.Remove(context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!_uncommitted.TryGetValue(transaction, out var concerned)) return;
        _uncommitted.Remove(transaction);
        Tell(concerned);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _uncommitted.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is null) return;
        var written = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
        var concerned = _watchers.Where(w => written.Any(w.Concerns)).ToArray();
        if (concerned.Length > 0) _saving.AddOrUpdate(context, concerned);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var concerned)) return;
        _saving.Remove(context);
        // Without a transaction around it, the save's own transaction has committed by now.
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } open)
            _uncommitted.GetOrCreateValue(open).UnionWith(concerned);
        else
            Tell(concerned);
    }

    private static void Tell(IEnumerable<CommitWatcher> concerned)
    {
        foreach (var watcher in concerned) watcher.Committed();
    }
}

namespace Renda.Web.Features.Meetings;

/// <summary>
/// A module whose records go on agendas (resolutions, appointments, later bills and reviews) receives
/// the outcome of the vote on its item here, inside the transaction that closes the vote.
/// </summary>
public interface IAgendaSubject
{
    string SubjectType { get; }
    Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct);

    /// <summary>Why the record cannot be put to a whole vote on this item now (e.g. a bill at a reading that is not its last), or null.</summary>
    Task<string?> RefuseWholeVoteAsync(RendaDbContext db, AgendaItem item, CancellationToken ct) => Task.FromResult<string?>(null);
}

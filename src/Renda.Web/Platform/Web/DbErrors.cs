namespace Renda.Web.Platform.Web;

public static class DbErrors
{
    /// <summary>A unique index refused the row (PostgreSQL 23505, SQLite constraint 19).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => IsUniqueViolation((Exception)e);

    /// <summary>The same for a command's own exception (EF's command log has it without the DbUpdateException around it).</summary>
    public static bool IsUniqueViolation(Exception e)
        => (e is DbUpdateException ? e.InnerException : e) is Npgsql.PostgresException { SqlState: "23505" }
            or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    /// <summary>
    /// Saves where a unique index is the real guard against a second of something (a ballot, an oath, an
    /// evaluation): two requests at once both pass the application's check, one of them is refused here, with
    /// <paramref name="conflict"/> as the 409's reason.
    /// </summary>
    public static async Task SaveUniqueAsync(this RendaDbContext db, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw DomainException.Conflict(conflict);
        }
    }
}

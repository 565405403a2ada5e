using Microsoft.EntityFrameworkCore;

namespace Renda.Web.Platform.Web;

public static class DbErrors
{
    /// <summary>A unique index refused the row (PostgreSQL 23505, SQLite constraint 19).</summary>
    public static bool IsUniqueViolation(DbUpdateException e)
        => e.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}

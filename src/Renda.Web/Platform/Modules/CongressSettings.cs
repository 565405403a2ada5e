namespace Renda.Web.Platform.Modules;

/// <summary>
/// The configurable rules of one module for one congress (DOMAIN.md: "configurable" means the default ships and an administrator
/// changes it). A module's settings class derives from this, states each default in its property initialiser with its legal
/// source in a comment, carries its ranges as DataAnnotations, and checks what spans fields in <see cref="Check"/>. A congress
/// without a row has the defaults.
/// </summary>
public abstract class CongressSettings
{
    public int Id { get; set; }
    public int CongressId { get; set; }

    /// <summary>Rules across fields (a maximum not below its period, lists well formed); throw DomainException.Invalid naming the field.</summary>
    public virtual void Check()
    {
    }

    /// <summary>
    /// A clock's legal basis is a setting too (issue #20): the national law by default, the congress's own regulation where its
    /// administrator names one. It is shown beside every clock started from now on, so it may be neither empty nor longer than
    /// the clock's own column (Deadline.Source, 200).
    /// </summary>
    protected static void CheckBasis(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw DomainException.Invalid(field, BasisRequired);
        if (value.Trim().Length > BasisMaxLength)
            throw DomainException.Invalid(field, BasisTooLong);
    }

    public const int BasisMaxLength = 200;
    // The form's messages for a basis field (the framework's defaults are English).
    public const string BasisRequired = "请填写法律依据（法律法规名称和条款）。";
    public const string BasisTooLong = "法律依据不能超过 200 字。";
}

/// <summary>Reads and saves a module's <see cref="CongressSettings"/>: one mechanism for every module.</summary>
public static class Settings
{
    public static async Task<T> ForAsync<T>(RendaDbContext db, int congressId, CancellationToken ct = default) where T : CongressSettings, new()
        => await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(s => s.CongressId == congressId, ct) ?? new T { CongressId = congressId };

    /// <summary>Checks the values (the ranges are checked by the form or endpoint that bound them) and stores the congress's row.</summary>
    public static async Task SaveAsync<T>(RendaDbContext db, int congressId, T values, CancellationToken ct = default) where T : CongressSettings, new()
    {
        values.Check();
        var row = await db.Set<T>().FirstOrDefaultAsync(s => s.CongressId == congressId, ct);
        if (row is null)
        {
            row = new T { CongressId = congressId };
            db.Add(row);
        }
        values.Id = row.Id;
        values.CongressId = congressId;
        db.Entry(row).CurrentValues.SetValues(values);
        await db.SaveChangesAsync(ct);
    }
}

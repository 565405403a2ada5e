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

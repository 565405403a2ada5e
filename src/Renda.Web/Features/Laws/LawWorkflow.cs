namespace Renda.Web.Features.Laws;

/// <summary>Staff record that a regulation was amended or repealed (已修改 / 已废止), with the act and its date; audited by the save pipeline.</summary>
public static class LawWorkflow
{
    public static async Task MarkAmendedAsync(RendaDbContext db, LawActor actor, int id, string? act, DateOnly? on, CancellationToken ct)
    {
        var law = await LoadAsync(db, actor, id, ct);
        law.MarkAmended(act ?? "", on ?? throw DomainException.Invalid("on", "请填写修改的日期。"), WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    public static async Task MarkRepealedAsync(RendaDbContext db, LawActor actor, int id, string? act, DateOnly? on, CancellationToken ct)
    {
        var law = await LoadAsync(db, actor, id, ct);
        law.MarkRepealed(act ?? "", on ?? throw DomainException.Invalid("on", "请填写废止的日期。"), WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Law> LoadAsync(RendaDbContext db, LawActor actor, int id, CancellationToken ct)
    {
        var law = await db.Set<Law>().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw DomainException.NotFound("没有这部法律法规。");
        actor.RequireKeeper(law);
        return law;
    }
}

using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Filings;

public sealed record CampaignInput(CampaignKind Kind, string? Theme, string? Scope, DateOnly? StartedOn);
public sealed record CampaignDocumentInput(string? Title, string? DocumentNumber, string? IssuingOrgan, int? FilingId);
public sealed record CampaignResultInput(CampaignResult Result, string? Note);

/// <summary>Special reviews and cleanup campaigns (专项审查, 专项清理): theme, scope, the list, a result per document.</summary>
public static class CampaignWorkflow
{
    public static async Task<ReviewCampaign> LoadAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var c = await db.Set<ReviewCampaign>().Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !actor.MayRead(c.CongressId)) throw DomainException.NotFound("没有找到该专项工作。");
        return c;
    }

    public static async Task<ReviewCampaign> CreateAsync(RendaDbContext db, FilingActor actor, CampaignInput input, CancellationToken ct)
    {
        actor.RequireStaff(actor.CongressId);
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "类型应为专项审查或专项清理。");
        var today = WorkCalendar.Today(db.Clock);
        var on = input.StartedOn ?? today;
        if (on > today || on.Year < 1979) throw DomainException.Invalid("startedOn", "开始日期无效。");
        var c = new ReviewCampaign
        {
            CongressId = actor.CongressId, Kind = input.Kind, Theme = Text.Required("theme", input.Theme, "主题", 200), Scope = Text.Required("scope", input.Scope, "范围", 500),
            Year = on.Year, StartedOn = on,
        };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public static async Task<CampaignDocument> AddDocumentAsync(RendaDbContext db, FilingActor actor, int id, CampaignDocumentInput input, CancellationToken ct)
    {
        var c = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(c.CongressId);
        string? title = input.Title, organ = input.IssuingOrgan, number = input.DocumentNumber;
        if (input.FilingId is { } fid)
        {
            var f = await db.Set<Filing>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == fid && x.CongressId == c.CongressId, ct) ?? throw DomainException.Invalid("filingId", "请选择本级的备案记录。");
            title ??= f.Title;
            organ ??= f.IssuingOrgan;
            number ??= f.DocumentNumber;
        }
        var d = c.AddDocument(new CampaignDocument
        {
            Title = Text.Required("title", title, "文件名称", 200), IssuingOrgan = Text.Required("issuingOrgan", organ, "制定机关", 100),
            DocumentNumber = Text.Optional("documentNumber", number, "文号", 100), FilingId = input.FilingId,
        });
        await db.SaveChangesAsync(ct);
        return d;
    }

    public static async Task SetResultAsync(RendaDbContext db, FilingActor actor, int documentId, CampaignResultInput input, CancellationToken ct)
    {
        var campaignId = await db.Set<CampaignDocument>().Where(d => d.Id == documentId).Select(d => (int?)d.CampaignId).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("没有找到该文件。");
        var c = await LoadAsync(db, actor, campaignId, ct);
        actor.RequireStaff(c.CongressId);
        c.Decide(c.Documents.First(x => x.Id == documentId), input.Result, Text.Optional("note", input.Note, "说明", 1000));
        await db.SaveChangesAsync(ct);
    }

    public static async Task CloseAsync(RendaDbContext db, FilingActor actor, int id, string? summary, CancellationToken ct)
    {
        var c = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(c.CongressId);
        c.Close(WorkCalendar.Today(db.Clock), Text.Optional("summary", summary, "工作小结", 2000));
        await db.SaveChangesAsync(ct);
    }
}

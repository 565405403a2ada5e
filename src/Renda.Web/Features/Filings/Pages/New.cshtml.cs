using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/new — a filing organ files a normative document with the standing committee above it or of its level.</summary>
public class NewModel(RendaDbContext db, WorkCalendar calendar, AttachmentStore store) : FilingPageModel(db)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? IssuingOrgan { get; set; }
    [BindProperty] public DocumentKind Kind { get; set; } = DocumentKind.Other;
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "公布日期")] public DateOnly? PublishedOn { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? CongressCode { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }
    public List<(Congress Congress, Filer Filer)> Targets { get; private set; } = [];

    protected override bool Allowed => Actor.UnitIds.Count > 0 || Actor.IsStaff;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        // Where this account may file: its own congress (一府一委两院) and, for staff of a congress, the one above.
        var own = await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == Actor.CongressId, ct);
        foreach (var c in new[] { own }.Concat(own.ParentId is { } p ? await Db.Congresses.AsNoTracking().Where(x => x.Id == p).ToListAsync(ct) : []))
            if (await Actor.FilerForAsync(Db, c.Id, ct) is { } filer)
                Targets.Add((c, filer));
        if (Targets.Count == 0) throw DomainException.Forbidden("本账号所属机关不是报备机关。");
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => StepAsync(async a =>
    {
        var congress = await Db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == CongressCode, ct) ?? throw DomainException.Invalid("congressCode", "请选择接受备案的人大常委会。");
        // One transaction: a refused scan (wrong type, too large) leaves no filing behind.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var f = await FilingWorkflow.SubmitAsync(Db, calendar, a, congress, new FilingInput(Title, DocumentNumber, IssuingOrgan, Kind, PublishedOn, Text, Explanation, Basis), ct);
        if (Scan is { Length: > 0 })
        {
            await using var content = Scan.OpenReadStream();
            // Stored with the receiving congress, whose staff review it.
            var attachment = await store.SaveAsync(content, Scan.FileName, congress.Id, FilingWorkflow.Subject, FilingClocks.Key(f.Id), a.AccountId, ct);
            f.AttachmentId = attachment.Id;
            await Db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }, "已报送，等待形式审查（10 日内登记回执或退回补正）。", () => "/filings/mine", ct);
}

using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

public sealed record FilingInput(string? Title, string? DocumentNumber, string? IssuingOrgan, DocumentKind? Kind, DateOnly? PublishedOn,
    string? Text, string? Explanation, string? Basis);

/// <summary>Filing (备案): submission by the filer, formal check within 10 days — receipt, return for resubmission, referral.</summary>
public static class FilingWorkflow
{
    public const string Subject = "Filing";

    public static async Task<Filing> LoadAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var f = await db.Set<Filing>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || !actor.MaySee(f)) throw DomainException.NotFound("没有找到该备案。");
        return f;
    }

    /// <summary>A filer files a document with the congress: the document itself (its text) is required; its clock of formal check starts.</summary>
    public static async Task<Filing> SubmitAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, Congress congress, FilingInput input, CancellationToken ct)
    {
        var filer = await actor.RequireFilerAsync(db, congress, ct);
        var today = WorkCalendar.Today(db.Clock);
        var f = NewFiling(congress.Id, filer, input, today);
        f.SubmittedByAccountId = actor.AccountId;
        if (f.DocumentNumber is { } number && await db.Set<Filing>().Where(Filing.Kept).AnyAsync(x => x.CongressId == congress.Id && x.FilerName == filer.Name && x.DocumentNumber == number, ct))
            throw DomainException.Conflict($"文号为“{number}”的文件已经报备，不能重复报备。");
        await AddAsync(db, calendar, f, ct);
        await NotifyStaffAsync(db, f, ct);
        return f;
    }

    /// <summary>The receiving congress's filing staff learn of a new filing (the clock of formal check has started).</summary>
    internal static async Task NotifyStaffAsync(RendaDbContext db, Filing f, CancellationToken ct)
    {
        var legal = await db.Committees.Where(c => c.CongressId == f.CongressId && (c.Name == "法制工作委员会" || c.Name == "法制委员会")).Select(c => c.Id).ToListAsync(ct);
        var staff = await db.RoleAssignments.Where(r => r.Role == Platform.Identity.Role.CommitteeStaff && r.CommitteeId != null && legal.Contains(r.CommitteeId.Value))
            .Select(r => r.AccountId).Distinct().ToListAsync(ct);
        if (staff.Count == 0) return;
        var days = (await Settings.ForAsync<FilingSettings>(db, f.CongressId, ct)).FormalCheckDays;
        Notifier.Notify(db, staff, FilingClocks.Short($"收到报备文件：{f.Title}"), $"{f.FilerName}报送{(f.Late ? "（逾期报备）" : "")}，请于{days}日内完成形式审查。", $"/filings/{f.Id}");
        await db.SaveChangesAsync(ct);
    }

    internal static Filing NewFiling(int congressId, Filer filer, FilingInput input, DateOnly today)
    {
        if (input.PublishedOn is not { } published) throw DomainException.Invalid("publishedOn", "请填写公布日期。");
        if (published > today) throw DomainException.Invalid("publishedOn", "公布日期不能晚于今天。");
        if (published.Year < 1979) throw DomainException.Invalid("publishedOn", "公布日期无效。");
        var kind = input.Kind ?? DocumentKind.Other;
        if (!Enum.IsDefined(kind)) throw DomainException.Invalid("kind", "文件类型无效。");
        if (!Filing.KindsFor(filer.Type).Contains(kind))
            throw DomainException.Invalid("kind", $"{FilingLabels.Of(filer.Type)}不能报送“{FilingLabels.Of(kind)}”，可报送：{string.Join("、", Filing.KindsFor(filer.Type).Select(FilingLabels.Of))}。");
        var text = Text.Optional("text", input.Text, "文件正文", Filing.MaxText)
            ?? throw DomainException.Invalid("text", "请提供报备的规范性文件本身（正文）；没有文件的备案不予接收。");
        return new Filing
        {
            CongressId = congressId, FilerType = filer.Type, FilerHandlingUnitId = filer.HandlingUnitId, FilerCongressId = filer.CongressId, FilerName = filer.Name,
            Kind = kind, Title = Text.Required("title", input.Title, "文件名称", 200), DocumentNumber = Text.Optional("documentNumber", input.DocumentNumber, "文号", 100),
            IssuingOrgan = Text.Optional("issuingOrgan", input.IssuingOrgan, "制定机关", 100) ?? filer.Name, PublishedOn = published, FiledOn = today,
            Late = Filing.IsLate(published, today), Text = text,
            Explanation = Text.Optional("explanation", input.Explanation, "起草说明", 10_000), Basis = Text.Optional("basis", input.Basis, "制定依据", 2000),
        };
    }

    /// <summary>Saves a new filing and starts its formal-check clock (10 days).</summary>
    internal static async Task AddAsync(RendaDbContext db, WorkCalendar calendar, Filing f, CancellationToken ct)
    {
        var settings = await Settings.ForAsync<FilingSettings>(db, f.CongressId, ct);
        f.CreatedAt = db.Clock.GetUtcNow().UtcDateTime;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Add(f);
            await db.SaveChangesAsync(ct);
            FilingClocks.Start(db, calendar, f.CongressId, FilingClocks.Of(f), FilingClocks.Check(settings, f.Title), f.FiledOn);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Formal check passed: the receipt with the next registration number of the year; the active review (有备必审) opens.</summary>
    public static async Task ReceiveAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, CancellationToken ct)
    {
        var f = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(f.CongressId);
        var today = WorkCalendar.Today(db.Clock);
        await using var tx = await AuditChain.BeginLockedAsync(db, ct);
        // Numbered under the audit lock so two receipts never take the same number.
        var serial = (await db.Set<Filing>().Where(x => x.CongressId == f.CongressId && x.Year == today.Year).MaxAsync(x => x.Serial, ct) ?? 0) + 1;
        f.Receive(today, serial);
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(f), FilingClocks.Purposes.Check, ct);
        await db.SaveChangesAsync(ct);
        await ReviewWorkflow.OpenAsync(db, calendar, f.CongressId, f, f.Title, ReviewMode.Active, null, ct);
        if (f.SubmittedByAccountId is { } by)
            Notifier.Notify(db, by, FilingClocks.Short($"备案回执：{f.Title}"), $"已登记，备案登记号 {f.RegistrationNumber}。", "/filings/mine");
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Formal check failed: returned with the reason; the filer resubmits within 10 days.</summary>
    public static async Task ReturnAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, string? reason, CancellationToken ct)
    {
        var f = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(f.CongressId);
        var settings = await Settings.ForAsync<FilingSettings>(db, f.CongressId, ct);
        var today = WorkCalendar.Today(db.Clock);
        f.ReturnForResubmission(today, Text.Required("reason", reason, "退回理由", 1000));
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(f), FilingClocks.Purposes.Check, ct);
        FilingClocks.Start(db, calendar, f.CongressId, FilingClocks.Of(f), FilingClocks.Resubmit(settings, f.Title), today, new ClockOwner(HandlingUnitId: f.FilerHandlingUnitId));
        if (f.SubmittedByAccountId is { } by)
            Notifier.Notify(db, by, FilingClocks.Short($"备案退回补正：{f.Title}"), f.ReturnReason, "/filings/mine");
        await db.SaveChangesAsync(ct);
    }

    public static async Task ResubmitAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, FilingInput input, CancellationToken ct)
    {
        var f = await LoadAsync(db, actor, id, ct);
        if (!actor.IsFiler(f.FilerHandlingUnitId, f.FilerCongressId))
            throw DomainException.Forbidden("只有报备机关可以重新报送。");
        if (string.IsNullOrWhiteSpace(input.Text) && string.IsNullOrWhiteSpace(input.Explanation) && string.IsNullOrWhiteSpace(input.Basis))
            throw DomainException.Invalid("text", "重新报送须补充文件正文、起草说明或制定依据中的至少一项。");
        f.Resubmit(Text.Optional("text", input.Text, "文件正文", Filing.MaxText), Text.Optional("explanation", input.Explanation, "起草说明", 10_000),
            Text.Optional("basis", input.Basis, "制定依据", 2000));
        var today = WorkCalendar.Today(db.Clock);
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(f), FilingClocks.Purposes.Resubmit, ct);
        FilingClocks.Start(db, calendar, f.CongressId, FilingClocks.Of(f), FilingClocks.Check(await Settings.ForAsync<FilingSettings>(db, f.CongressId, ct), f.Title), today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Not within this congress's remit: referred to the competent organ (within the 10 days of the formal check).</summary>
    public static async Task ReferAsync(RendaDbContext db, FilingActor actor, int id, string? to, CancellationToken ct)
    {
        var f = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(f.CongressId);
        f.Refer(WorkCalendar.Today(db.Clock), Text.Required("referredTo", to, "移交机关", 200));
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(f), FilingClocks.Purposes.Check, ct);
        if (f.SubmittedByAccountId is { } by)
            Notifier.Notify(db, by, FilingClocks.Short($"备案已移交：{f.Title}"), $"不属于本机关备案范围，已移交{f.ReferredTo}。", "/filings/mine");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Regulations promulgated by a congress below arrive here (立法法 第一百零九条): a filing of the upper congress like any
/// other, filed by the lower congress's standing committee, with the formal-check clock running.
/// </summary>
public sealed class UpwardFilingReceiver(WorkCalendar calendar) : IUpwardFilingReceiver
{
    public async Task<int> ReceiveAsync(RendaDbContext db, UpwardFiling filing, CancellationToken ct)
    {
        var from = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == filing.FromCongressId, ct)
            ?? throw DomainException.NotFound("报备的人大不存在。");
        if (from.ParentId != filing.ToCongressId)
            throw DomainException.Invalid("toCongressId", $"{from.StandingCommitteeName}应向上一级人大常委会报备。");
        var filer = new Filer(FilerType.LowerCongress, null, from.Id, from.StandingCommitteeName);
        var f = FilingWorkflow.NewFiling(filing.ToCongressId, filer, new FilingInput(filing.Title, filing.DocumentNumber, filing.IssuingOrgan,
            DocumentKind.Regulation, filing.PublishedOn, filing.Text, null, null), WorkCalendar.Today(db.Clock));
        f.SourceType = filing.SourceType;
        f.SourceId = filing.SourceId;
        f.AttachmentId = filing.AttachmentId;
        await FilingWorkflow.AddAsync(db, calendar, f, ct);
        await FilingWorkflow.NotifyStaffAsync(db, f, ct);
        return f.Id;
    }
}

using System.Globalization;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;
using MeetingText = Renda.Web.Features.Meetings.Text;

namespace Renda.Web.Features.Legislation;

public sealed record BillInput(string? Title, BillKind Kind, string? Sponsor, int? CommitteeId, int? PlanProjectId);
public sealed record ReadingInput(int MeetingId, int VersionId, bool Final, string? FewerReadingsReason);
public sealed record ReadingReports(string? Explanation, string? ResultReport, string? RevisionReport);

/// <summary>Bills: their versions, structural edits, readings on meetings, the final vote, promulgation and filing upward.</summary>
public static class BillWorkflow
{
    public const string Subject = "Bill";

    public static async Task<Bill> LoadAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        var b = await db.Set<Bill>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || b.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该法规草案。");
        return b;
    }

    public static async Task<BillVersion> LoadVersionAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, CancellationToken ct)
    {
        await LoadAsync(db, actor, billId, ct);
        return await db.Set<BillVersion>().FirstOrDefaultAsync(x => x.Id == versionId && x.BillId == billId, ct)
            ?? throw DomainException.NotFound("没有找到该版本。");
    }

    public static async Task<Bill> CreateAsync(RendaDbContext db, LegislationActor actor, BillInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "类型应为制定、修改或废止。");
        if (input.CommitteeId is { } c && !await db.Committees.AnyAsync(x => x.Id == c && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("committeeId", "承办委员会须是本级常委会的委员会。");
        PlanProject? project = null;
        if (input.PlanProjectId is { } p)
        {
            project = await db.Set<PlanProject>().FirstOrDefaultAsync(x => x.Id == p && x.CongressId == actor.CongressId, ct)
                ?? throw DomainException.Invalid("planProjectId", "没有找到该立法计划项目。");
            if (project.BillId is not null) throw DomainException.Conflict("该立法计划项目已有法规草案。");
        }
        var bill = new Bill
        {
            CongressId = actor.CongressId, Kind = input.Kind, Title = MeetingText.Required("title", input.Title, "法规草案名称", 200),
            Sponsor = MeetingText.Required("sponsor", input.Sponsor, "提请机关", 100), CommitteeId = input.CommitteeId ?? project?.CommitteeId,
            PlanProjectId = project?.Id, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(bill);
        await db.SaveChangesAsync(ct);
        if (project is not null)
        {
            project.BillCreated(bill.Id);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return bill;
    }

    // ---- versions and their structure ----

    /// <summary>A new version from pasted text: parsed by the legal-text core; refused whole, with the places of the faults, if it is not a legal text.</summary>
    public static async Task<BillVersion> AddVersionFromTextAsync(RendaDbContext db, LegislationActor actor, int billId, string? label, string? text, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        bill.RequireEditable();
        var doc = BillText.Parse(MeetingText.Required("text", text, "法规文本", 500_000));
        return await AddDocumentAsync(db, bill, label, doc, null, ct);
    }

    /// <summary>A new version from the paragraphs of an uploaded Word file (a file that is not DOCX is refused).</summary>
    /// <summary>Owner type of the Word document a version was read from: kept with the version, as received.</summary>
    public const string VersionSource = "BillVersion";

    /// <summary>A version read from an uploaded DOCX; the file itself is kept as the version's attachment, in the same transaction.</summary>
    public static async Task<BillVersion> AddVersionFromDocxAsync(RendaDbContext db, AttachmentStore store, LegislationActor actor, int billId, string? label, Stream docx, string fileName,
        CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        bill.RequireEditable();
        using var copy = new MemoryStream();
        await docx.CopyToAsync(copy, ct);
        copy.Position = 0;
        var doc = BillText.ParseLines(BillText.DocxLines(copy));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await AddDocumentAsync(db, bill, label, doc, null, ct);
        copy.Position = 0;
        await store.SaveAsync(copy, fileName, bill.CongressId, VersionSource, version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor.AccountId, ct);
        await tx.CommitAsync(ct);
        return version;
    }

    private static async Task<BillVersion> AddDocumentAsync(RendaDbContext db, Bill bill, string? label, Platform.LegalText.LegalDocument doc, int? from, CancellationToken ct)
    {
        if (doc.Title.Length == 0) doc.Title = bill.Title;
        var number = (await db.Set<BillVersion>().Where(v => v.BillId == bill.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new BillVersion
        {
            BillId = bill.Id, Number = number, DerivedFromId = from, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Label = MeetingText.Optional("label", label, "版本名称", 100) ?? (number == 1 ? "草案" : $"第{ChineseNumerals.Of(number)}稿"),
            Document = BillText.ToJson(doc), ArticleCount = doc.Articles().Count(),
        };
        if (version.Document.Length > BillVersion.MaxDocument) throw DomainException.Invalid("text", "法规文本过长。");
        db.Add(version);
        await db.SaveUniqueAsync("另一版本刚刚保存，请重试。", ct);
        return version;
    }

    /// <summary>A new version copied from an earlier one with the same stable node ids, to be edited for the next reading.</summary>
    public static async Task<BillVersion> DeriveVersionAsync(RendaDbContext db, LegislationActor actor, int billId, int fromVersionId, string? label, CancellationToken ct)
    {
        actor.RequireStaff();
        var from = await LoadVersionAsync(db, actor, billId, fromVersionId, ct);
        var bill = await LoadAsync(db, actor, billId, ct);
        bill.RequireEditable();
        return await AddDocumentAsync(db, bill, label, BillText.FromJson(from.Document), from.Id, ct);
    }

    /// <summary>One structural edit of an editable version: load the document, let the core edit and renumber it, store it.</summary>
    private static async Task<T> EditAsync<T>(RendaDbContext db, LegislationActor actor, int billId, int versionId, Func<Platform.LegalText.LegalDocument, T> edit, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        bill.RequireEditable();
        var v = await LoadVersionAsync(db, actor, billId, versionId, ct);
        v.RequireEditable();
        var doc = BillText.FromJson(v.Document);
        var result = edit(doc);
        if (!doc.HasArticles) throw DomainException.Conflict("法规至少应有一条，不能删除最后一条。");
        v.Document = BillText.ToJson(doc);
        v.ArticleCount = doc.Articles().Count();
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Inserts an article after a node (article, chapter or section), or first inside a division with <paramref name="first"/>, or at the start.</summary>
    public static Task<string> InsertArticleAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, string? afterNodeId, string? text, bool first, CancellationToken ct)
    {
        var body = MeetingText.Required("text", text, "条文", 20_000);
        return EditAsync(db, actor, billId, versionId, doc =>
        {
            var article = BillText.NewArticle(body);
            return BillText.Edit(() => afterNodeId is null || first
                ? Platform.LegalText.LegalTextEdits.InsertFirst(doc, afterNodeId, article)
                : Platform.LegalText.LegalTextEdits.InsertAfter(doc, afterNodeId, article), "afterNodeId").Id;
        }, ct);
    }

    public static Task DeleteNodeAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, string? nodeId, CancellationToken ct)
        => EditAsync(db, actor, billId, versionId, doc => BillText.Edit(() => Platform.LegalText.LegalTextEdits.Delete(doc, nodeId ?? ""), "nodeId"), ct);

    /// <summary>Moves a node after another one (or first inside a division with <paramref name="first"/>, or to the start); numbers follow, the node id stays.</summary>
    public static Task MoveNodeAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, string? nodeId, string? afterNodeId, bool first, CancellationToken ct)
        => EditAsync(db, actor, billId, versionId, doc =>
        {
            if (afterNodeId == nodeId) throw DomainException.Invalid("afterNodeId", "不能移到它自己之后。");
            return BillText.Edit(() => afterNodeId is null || first
                ? Platform.LegalText.LegalTextEdits.MoveFirst(doc, nodeId ?? "", afterNodeId)
                : Platform.LegalText.LegalTextEdits.MoveAfter(doc, nodeId ?? "", afterNodeId), "nodeId");
        }, ct);

    /// <summary>Rewrites an article's wording (its paragraphs and items are parsed again; the article keeps its id).</summary>
    public static Task UpdateArticleAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, string? nodeId, string? text, CancellationToken ct)
    {
        var body = MeetingText.Required("text", text, "条文", 20_000);
        return EditAsync(db, actor, billId, versionId, doc =>
        {
            var node = doc.Find(nodeId ?? "") ?? throw DomainException.Invalid("nodeId", "该版本中没有这一条。");
            if (node.Kind != Platform.LegalText.LegalUnitKind.Article)
            {
                if (!node.IsDivision) throw DomainException.Invalid("nodeId", "只能修改条或章、节的标题。");
                node.Heading = body;
                return node.Id;
            }
            var fresh = BillText.NewArticle(body);
            node.Children.Clear();
            node.Children.AddRange(fresh.Children);
            return node.Id;
        }, ct);
    }

    // ---- readings and the vote ----

    /// <summary>
    /// Puts a reading of the bill on a meeting (agenda item kind BillReading), on a version that is frozen from then on. The
    /// previous reading must have been held (deliberated). A final reading before the third needs the recorded reason why
    /// fewer readings suffice (立法法 第三十二、三十三条).
    /// </summary>
    public static async Task<BillReading> ScheduleReadingAsync(RendaDbContext db, LegislationActor actor, int billId, ReadingInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        Bill.Machine.Require(bill.Status, BillAction.ScheduleReading);
        var version = await LoadVersionAsync(db, actor, billId, input.VersionId, ct);
        var readings = await db.Set<BillReading>().Where(r => r.BillId == billId).OrderBy(r => r.Ordinal).ToListAsync(ct);
        if (readings.LastOrDefault() is { } last)
        {
            if (last.Final) throw DomainException.Conflict("该法规草案已安排表决稿的审议。");
            var held = await db.Set<AgendaItem>().Where(a => a.Id == last.AgendaItemId).Select(a => a.Outcome).FirstAsync(ct);
            if (held is not (AgendaOutcome.Deliberated or AgendaOutcome.Adopted or AgendaOutcome.Rejected))
                throw DomainException.Conflict($"第{ChineseNumerals.Of(last.Ordinal)}次审议尚未完成（会议尚未记录“已审议”），不能安排下一次审议。");
        }
        var ordinal = readings.Count + 1;
        var reason = MeetingText.Optional("fewerReadingsReason", input.FewerReadingsReason, "少于三次审议即交付表决的理由", 500);
        if (input.Final && ordinal < 3 && reason is null)
            throw DomainException.Invalid("fewerReadingsReason",
                $"法规案一般经三次常委会会议审议后再交付表决；本次为第{ChineseNumerals.Of(ordinal)}次审议，须记录各方面意见比较一致或属部分修改的理由（立法法 第三十二、三十三条）。");
        var meetingActor = actor.ForMeetings();
        var meeting = await MeetingWorkflow.LoadAsync(db, meetingActor, input.MeetingId, ct);
        if (readings.LastOrDefault() is { } previous && meeting.StartsOn < previous.MeetingOn)
            throw DomainException.Invalid("meetingId", "下一次审议的会议不能早于上一次审议。");
        var stage = ordinal switch { 1 => ReadingStage.First, 2 => ReadingStage.Second, _ => ReadingStage.Third };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await MeetingWorkflow.AddAgendaItemAsync(db, meetingActor, meeting.Id, AgendaItemKind.BillReading,
            $"{(input.Final ? "表决" : "审议")}《{bill.Title}》（{LegislationLabels.Of(stage)}）", Subject, bill.Id, ct);
        var reading = new BillReading
        {
            BillId = bill.Id, Ordinal = ordinal, Stage = stage, MeetingId = meeting.Id, AgendaItemId = item.Id, VersionId = version.Id,
            MeetingOn = meeting.StartsOn, Final = input.Final,
        };
        db.Add(reading);
        version.Frozen = true;
        bill.StartReview(meeting.StartsOn);
        if (input.Final) bill.FewerReadingsReason = ordinal < 3 ? reason : null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return reading;
    }

    public static async Task RecordReportsAsync(RendaDbContext db, LegislationActor actor, int billId, int readingId, ReadingReports input, CancellationToken ct)
    {
        actor.RequireStaff();
        await LoadAsync(db, actor, billId, ct);
        var r = await db.Set<BillReading>().FirstOrDefaultAsync(x => x.Id == readingId && x.BillId == billId, ct) ?? throw DomainException.NotFound("没有找到该次审议。");
        if (string.IsNullOrWhiteSpace(input.Explanation) && string.IsNullOrWhiteSpace(input.ResultReport) && string.IsNullOrWhiteSpace(input.RevisionReport))
            throw DomainException.Invalid("explanation", "请至少填写一份报告：关于草案的说明、审议结果的报告或修改情况的报告。");
        r.Explanation = MeetingText.Optional("explanation", input.Explanation, "关于草案的说明", 20_000) ?? r.Explanation;
        r.ResultReport = MeetingText.Optional("resultReport", input.ResultReport, "审议结果的报告", 20_000) ?? r.ResultReport;
        r.RevisionReport = MeetingText.Optional("revisionReport", input.RevisionReport, "修改情况的报告", 20_000) ?? r.RevisionReport;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reading at which the bill is voted on (the bill says which: <see cref="Bill.RequireVoteAt"/>).</summary>
    private static async Task<BillReading> FinalReadingAsync(RendaDbContext db, Bill bill, CancellationToken ct)
    {
        var last = await db.Set<BillReading>().Where(r => r.BillId == bill.Id).OrderByDescending(r => r.Ordinal).FirstOrDefaultAsync(ct);
        bill.RequireVoteAt(last);
        return last!;
    }

    /// <summary>Prepares the vote on the whole bill at its final reading, through the meetings module.</summary>
    public static async Task<Vote> PrepareFinalVoteAsync(RendaDbContext db, LegislationActor actor, int billId, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        var reading = await FinalReadingAsync(db, bill, ct);
        return await VoteWorkflow.PrepareAsync(db, actor.ForMeetings(), reading.MeetingId, reading.AgendaItemId, VoteKind.Whole, $"表决：《{bill.Title}》", null, ct);
    }

    /// <summary>A contested clause voted on separately before the whole (单独表决), at the final reading.</summary>
    public static async Task<Vote> PrepareClauseVoteAsync(RendaDbContext db, LegislationActor actor, int billId, string? nodeId, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        var reading = await FinalReadingAsync(db, bill, ct);
        var version = await LoadVersionAsync(db, actor, billId, reading.VersionId, ct);
        var article = BillText.FromJson(version.Document).Articles().FirstOrDefault(a => a.Id == nodeId)
            ?? throw DomainException.Invalid("nodeId", "表决稿中没有这一条。");
        return await VoteWorkflow.PrepareAsync(db, actor.ForMeetings(), reading.MeetingId, reading.AgendaItemId, VoteKind.Clause,
            $"《{bill.Title}》{article.Label}（单独表决）", null, ct);
    }

    public static async Task TerminateAsync(RendaDbContext db, LegislationActor actor, int billId, string? reason, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        var r = MeetingText.Optional("reason", reason, "终止审议的理由", 500);
        var today = WorkCalendar.Today(db.Clock);
        bill.Terminate(r ?? $"搁置审议满两年，依{Bill.TwoYearsSource}终止审议", today, shelvedRule: r is null);
        await db.SaveChangesAsync(ct);
    }

    // ---- promulgation and filing ----

    /// <summary>
    /// Publishes the adopted (for a prefecture: approved) regulation by announcement, starts the 30-day filing clock and
    /// hands the filing over to the congress above; the clock is met when a receiver accepts it.
    /// </summary>
    public static async Task PromulgateAsync(RendaDbContext db, WorkCalendar calendar, IEnumerable<IUpwardFilingReceiver> receivers, LegislationActor actor, int billId, int number, DateOnly on, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        var congress = await db.Congresses.FirstAsync(c => c.Id == bill.CongressId, ct);
        if (on > WorkCalendar.Today(db.Clock)) throw DomainException.Invalid("promulgatedOn", "公布日期不能晚于今天。");
        if (await db.Set<Bill>().AnyAsync(b => b.CongressId == bill.CongressId && b.Id != bill.Id && b.AnnouncementNumber == number && b.PromulgatedOn!.Value.Year == on.Year, ct))
            throw DomainException.Conflict($"本年度已有公告第{number}号。");
        bill.Promulgate(number, on, NeedsApproval(congress));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The regulation enters the regulations database with its promulgation, not later.
        await Laws.RegulationRecords.EnterAsync(db, bill.Id, ct);
        if (congress.ParentId is { } parent)
        {
            var settings = await Settings.ForAsync<LegislationSettings>(db, bill.CongressId, ct);
            var deadline = LegislationClocks.StartFiling(db, calendar, settings, bill, on, actor.AccountId);
            await db.SaveChangesAsync(ct);
            await HandOverAsync(db, receivers, bill, congress, parent, deadline, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Hands the filing over again (after a receiver was registered, or if the first hand-over found none).</summary>
    public static async Task FileUpwardAsync(RendaDbContext db, IEnumerable<IUpwardFilingReceiver> receivers, LegislationActor actor, int billId, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await LoadAsync(db, actor, billId, ct);
        bill.RequireFileUpward();
        if (await db.Set<FilingHandover>().AnyAsync(h => h.BillId == bill.Id && h.ReceiverFilingId != null, ct))
            throw DomainException.Conflict("该法规已报送备案并已被接收。");
        var congress = await db.Congresses.FirstAsync(c => c.Id == bill.CongressId, ct);
        var parent = congress.ParentId ?? throw DomainException.Conflict("本级人大没有上一级人大常委会。");
        var deadline = await LegislationClocks.RunningFilingAsync(db, bill, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await HandOverAsync(db, receivers, bill, congress, parent, deadline, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task HandOverAsync(RendaDbContext db, IEnumerable<IUpwardFilingReceiver> receivers, Bill bill, Congress congress, int parentId, Deadline? deadline, CancellationToken ct)
    {
        var version = await db.Set<BillVersion>().Where(v => v.BillId == bill.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var text = version is null ? bill.Title : BillText.PlainText(BillText.FromJson(version.Document));
        var handover = new FilingHandover { BillId = bill.Id, ToCongressId = parentId, HandedOverAt = db.Clock.GetUtcNow().UtcDateTime };
        var receiver = receivers.FirstOrDefault();
        if (receiver is null)
            handover.Note = "上一级人大的备案审查模块尚未接入，已登记移交，待接收。";
        else
        {
            handover.ReceiverFilingId = await receiver.ReceiveAsync(db, new UpwardFiling(bill.CongressId, parentId, bill.Title, bill.AnnouncementLabel,
                congress.StandingCommitteeName, bill.PromulgatedOn!.Value, text, Subject, bill.Id, null), ct);
            handover.Note = "上一级人大常委会已接收备案。";
            if (deadline is not null) Deadlines.Complete(db, deadline);
        }
        db.Add(handover);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Regulations of a prefecture (设区的市、自治州) take effect only with the province's approval (立法法 第八十一条).</summary>
    public static bool NeedsApproval(Congress congress) => congress.Level == RegionLevel.Prefecture;
}

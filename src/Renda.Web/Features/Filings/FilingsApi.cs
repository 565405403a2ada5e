using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Filings;

public sealed record ReasonRequest(string? Reason);
public sealed record ReferRequest(string? ReferredTo);
public sealed record PassRequest(int? CommitteeId);
public sealed record AgendaRequest(int MeetingId);
public sealed record ReplyRequest(string? Reply);
public sealed record TakeUpRequest(int? FilingId);
public sealed record SummaryRequest(string? Summary);
public sealed record NoteRequest(string? Note);
public sealed record PublishedReport(string Congress, int Year, DateOnly PublishedOn, string Text);

/// <summary>/api/v1 for filing and review (备案审查).</summary>
public static class FilingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags("备案审查");
        congress.MapPost("/filings", async (string code, FilingInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var c = await CongressAsync(db, code, ct);
            var f = await FilingWorkflow.SubmitAsync(db, calendar, actor, c, r, ct);
            return Results.Created($"/api/v1/filings/{f.Id}", await FilingQueries.DetailAsync(db, actor, f.Id, ct));
        });
        congress.MapGet("/filings", async (string code, int? year, FilingStatus? status, FilerType? filerType, bool? late, string? q, int? page, int? pageSize,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            return Results.Ok(FilingQueries.Labelled(await FilingQueries.ListAsync(db, c.Id, new FilingFilter(year, status, filerType, late, q, page, pageSize), ct)));
        });
        congress.MapGet("/filings/statistics", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return Results.Ok(await FilingStatistics.ForYearAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        });
        congress.MapGet("/filings/report.docx", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            var s = await FilingStatistics.ForYearAsync(db, c.Id, year, ct);
            return Results.File(FilingStatistics.Word(c.StandingCommitteeName, s), WordDocumentType, $"{c.ShortName}{year}年度备案审查工作情况报告.docx");
        });
        congress.MapPost("/filings/reports/{year:int}/publish", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            return Results.Ok(await FilingReports.PublishAsync(db, Actor(user), c, year, ct));
        });
        congress.MapPost("/filing-catalogues", async (string code, CatalogueInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var cat = await Catalogues.SubmitAsync(db, actor, await CongressAsync(db, code, ct), r, ct);
            return Results.Created($"/api/v1/filing-catalogues/{cat.Id}/comparison", await Catalogues.CompareAsync(db, actor, cat.Id, ct));
        });
        congress.MapGet("/filing-catalogues", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await FilingQueries.CataloguesAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct)));
        congress.MapGet("/filing-catalogues/missing", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await Catalogues.MissingAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct)));
        congress.MapGet("/review-suggestions", async (string code, ReviewSuggestionStatus? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await FilingQueries.SuggestionsAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, status, ct)));
        congress.MapGet("/review-campaigns", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await FilingQueries.CampaignsAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct)));
        congress.MapPost("/review-campaigns", async (string code, CampaignInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await StaffCongressAsync(db, user, code, ct);
            var c = await Campaigns.CreateAsync(db, Actor(user), r, ct);
            return Results.Created($"/api/v1/review-campaigns/{c.Id}", FilingQueries.Campaign(c));
        });

        var filings = api.MapGroup("/filings").RequireAuthorization().WithTags("备案审查");
        filings.MapGet("/mine", async (int? page, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(FilingQueries.Labelled(await FilingQueries.MineAsync(db, Actor(user), page, ct))));
        filings.MapGet("/{id:int}", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await FilingQueries.DetailAsync(db, Actor(user), id, ct)));
        filings.MapPost("/{id:int}/receive", (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(FilingWorkflow.ReceiveAsync(db, calendar, Actor(user), id, ct)));
        filings.MapPost("/{id:int}/return", (int id, ReasonRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(FilingWorkflow.ReturnAsync(db, calendar, Actor(user), id, r.Reason, ct)));
        filings.MapPost("/{id:int}/resubmit", (int id, FilingInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(FilingWorkflow.ResubmitAsync(db, calendar, Actor(user), id, r, ct)));
        filings.MapPost("/{id:int}/refer", (int id, ReferRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(FilingWorkflow.ReferAsync(db, Actor(user), id, r.ReferredTo, ct)));
        filings.MapPost("/{id:int}/reviews", async (int id, ReviewInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var review = await ReviewWorkflow.StartAsync(db, calendar, actor, id, r, ct);
            return Results.Created($"/api/v1/reviews/{review.Id}", await FilingQueries.ReviewAsync(db, actor, review.Id, ct));
        });

        var reviews = api.MapGroup("/reviews/{id:int}").RequireAuthorization().WithTags("备案审查");
        reviews.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await FilingQueries.ReviewAsync(db, Actor(user), id, ct)));
        reviews.MapPost("/pass", (int id, PassRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.PassAsync(db, calendar, Actor(user), id, r.CommitteeId, ct)));
        reviews.MapPost("/extend", (int id, ReasonRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.ExtendAsync(db, calendar, Actor(user), id, r.Reason, ct)));
        reviews.MapPost("/findings", (int id, FindingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.RecordFindingAsync(db, Actor(user), id, r, ct)));
        reviews.MapPost("/communications", (int id, CommunicationInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.CommunicateAsync(db, calendar, Actor(user), id, r, ct)));
        reviews.MapPost("/close", (int id, CloseInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.CloseAsync(db, Actor(user), id, r, ct)));
        reviews.MapPost("/refer", (int id, ReferRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.ReferAsync(db, Actor(user), id, r.ReferredTo, ct)));
        reviews.MapPost("/agenda", (int id, AgendaRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewWorkflow.PutOnAgendaAsync(db, Actor(user), user.User, id, r.MeetingId, ct)));

        var suggestion = api.MapGroup("/review-suggestions/{id:int}").RequireAuthorization().WithTags("备案审查");
        suggestion.MapPost("/incomplete", (int id, ReplyRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewSuggestions.MarkIncompleteAsync(db, Actor(user), id, r.Reply, ct)));
        suggestion.MapPost("/decline", (int id, ReplyRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(ReviewSuggestions.DeclineAsync(db, Actor(user), id, r.Reply, ct)));
        suggestion.MapPost("/take-up", async (int id, TakeUpRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(new { reviewId = await ReviewSuggestions.TakeUpAsync(db, calendar, Actor(user), id, r.FilingId, ct) }));

        var campaign = api.MapGroup("/review-campaigns/{id:int}").RequireAuthorization().WithTags("备案审查");
        campaign.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(FilingQueries.Campaign(await Campaigns.LoadAsync(db, Actor(user), id, ct))));
        campaign.MapPost("/documents", async (int id, CampaignDocumentInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var d = await Campaigns.AddDocumentAsync(db, Actor(user), id, r, ct);
            return Results.Created($"/api/v1/review-campaigns/{id}", new { d.Id });
        });
        campaign.MapPost("/close", (int id, SummaryRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Campaigns.CloseAsync(db, Actor(user), id, r.Summary, ct)));
        api.MapPost("/campaign-documents/{id:int}/result", (int id, CampaignResultInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Campaigns.SetResultAsync(db, Actor(user), id, r, ct))).RequireAuthorization().WithTags("备案审查");

        api.MapGet("/filing-catalogues/{id:int}/comparison", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await Catalogues.CompareAsync(db, Actor(user), id, ct))).RequireAuthorization().WithTags("备案审查");
        api.MapPost("/catalogue-entries/{id:int}/follow-up", (int id, NoteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Catalogues.FollowUpAsync(db, Actor(user), id, r.Note, ct))).RequireAuthorization().WithTags("备案审查");

        var pub = api.MapGroup("/public").AllowAnonymous().WithTags("公开");
        pub.MapPost("/congresses/{code}/review-suggestions", async (string code, ReviewSuggestionInput r, RendaDbContext db, WorkCalendar calendar, ClientAddress addresses, HttpContext http, CancellationToken ct) =>
        {
            var s = await ReviewSuggestions.SubmitAsync(db, calendar, code, r, addresses.Of(http), ct);
            return Results.Created($"/api/v1/public/review-suggestions/{s.TrackingCode}", new { s.TrackingCode, s.ReceivedOn });
        }).DisableAntiforgery();
        pub.MapGet("/review-suggestions/{trackingCode}", async (string trackingCode, RendaDbContext db, CancellationToken ct)
            => await ReviewSuggestions.StatusAsync(db, trackingCode, ct) is { } v ? Results.Ok(v) : Results.Problem("没有找到该查询码对应的审查建议。", statusCode: 404, title: "未找到"));
        pub.MapGet("/congresses/{code}/filing-reports/{year:int}", async (string code, int year, RendaDbContext db, CancellationToken ct)
            => await FilingReports.PublishedAsync(db, code, year, ct) is { } p ? Results.Ok(p) : Results.Problem("该年度备案审查工作报告尚未公开。", statusCode: 404, title: "未找到"));
    }

    public const string WordDocumentType = Platform.Documents.WordDocument.ContentType;

    internal static FilingActor Actor(CurrentUserAccessor user) => FilingActor.For(user.User);

    internal static async Task<Congress> CongressAsync(RendaDbContext db, string code, CancellationToken ct)
        => await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");

    private static async Task<Congress> StaffCongressAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        var c = await CongressScope.OwnAsync(db, user.User, code, ct);
        if (!Actor(user).MayRead(c.Id)) throw DomainException.Forbidden("只有常委会工作人员可以查看备案审查工作。");
        return c;
    }

    private static async Task<IResult> Done(Task step)
    {
        await step;
        return Results.NoContent();
    }
}

/// <summary>Publication of the annual report (北京 第四十条: public): the text as computed on the day it is published.</summary>
public static class FilingReports
{
    public static async Task<PublishedReport> PublishAsync(RendaDbContext db, FilingActor actor, Congress c, int year, CancellationToken ct)
    {
        actor.RequireStaff(c.Id);
        var today = WorkCalendar.Today(db.Clock);
        if (year >= today.Year) throw DomainException.Conflict("年度结束后才能公开该年度的备案审查工作报告。");
        var text = FilingStatistics.Sentences(await FilingStatistics.ForYearAsync(db, c.Id, year, ct));
        var row = await db.Set<FilingReport>().FirstOrDefaultAsync(r => r.CongressId == c.Id && r.Year == year, ct);
        if (row is null) db.Add(row = new FilingReport { CongressId = c.Id, Year = year, PublishedOn = today, Text = text });
        else { row.Text = text; row.PublishedOn = today; }
        // Copied to the congress above (北京 第四十条: 报送上一级人大常委会), whose staff find it in their inbox.
        if (c.ParentId is { } parent)
        {
            var upper = await db.Accounts.Where(a => a.CongressId == parent && a.Enabled && a.Roles.Any(r => r.Role == Platform.Identity.Role.CommitteeStaff)).Select(a => a.Id).ToListAsync(ct);
            Platform.Notifications.Notifier.Notify(db, upper, $"{c.StandingCommitteeName}{year}年度备案审查工作报告（抄送）", text.Length > 1000 ? text[..1000] + "…" : text,
                $"/api/v1/public/congresses/{c.Code}/filing-reports/{year}");
        }
        await db.SaveUniqueAsync("该年度报告正在公开，请稍后再试。", ct);
        return new PublishedReport(c.StandingCommitteeName, year, today, text);
    }

    public static async Task<PublishedReport?> PublishedAsync(RendaDbContext db, string code, int year, CancellationToken ct)
        => await db.Set<FilingReport>().AsNoTracking().Where(r => r.Year == year)
            .Join(db.Congresses.Where(c => c.Code == code), r => r.CongressId, c => c.Id, (r, c) => new { r, c.ShortName })
            .Select(x => new PublishedReport(x.ShortName + "人大常委会", x.r.Year, x.r.PublishedOn, x.r.Text)).FirstOrDefaultAsync(ct);
}

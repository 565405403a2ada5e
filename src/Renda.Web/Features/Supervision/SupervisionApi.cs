using Renda.Web.Data;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Supervision;

public sealed record ScheduleReportRequest(int MeetingId, string? LateReason);
public sealed record TextRequest(string? Text);
public sealed record OpinionsRequest(string? Opinions);
public sealed record JudgeRequest(HandlingJudgement Judgement, string? Note, DateOnly? FollowUpDueOn);
public sealed record ResolutionRequest(int MeetingId, string? Title, DateOnly DueOn);
public sealed record FindingsRequest(string? Findings);
public sealed record InspectionReportRequest(string? Report, int OrganId, int? MeetingId, string? LateReason);
public sealed record SurveyReportRequest(string? Findings, string? Report);
public sealed record AnswerRequest(string? AnsweredBy, string? Answer);
public sealed record SatisfactionRequest(int? PersonId, bool Satisfied);
public sealed record AppraisalRequest(string? Choice);
/// <summary>topicId null unlinks; it must be sent all the same, so that an empty body is not read as "unlink".</summary>
public sealed record TopicLinkRequest([property: System.Text.Json.Serialization.JsonRequired] int? TopicId);

/// <summary>/api/v1 for supervision: plan, reports and their loop, inspections, inquiries, surveys, interpellations, appraisals, statistics.</summary>
public static class SupervisionApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}/supervision").RequireAuthorization().WithTags("监督工作");
        congress.MapGet("/statistics", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            // An upper congress sees the figures of those below it (counts only).
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return Results.Ok(await SupervisionStatistics.ForAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        });
        congress.MapGet("/plan", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            return await SupervisionQueries.PlanAsync(db, a.CongressId, year ?? WorkCalendar.Today(db.Clock).Year, ct) is { } p ? Results.Ok(p) : Results.NotFound();
        });
        congress.MapPost("/plan/topics", async (string code, int year, TopicInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var t = await SupervisionWorkflow.AddTopicAsync(db, await ActorAsync(db, user, code, ct), year, r, ct);
            return Results.Created($"/api/v1/congresses/{code}/supervision/plan?year={year}", new { t.Id });
        });
        congress.MapPut("/plan/topics/{topicId:int}", async (string code, int topicId, TopicInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await SupervisionWorkflow.UpdateTopicAsync(db, await ActorAsync(db, user, code, ct), topicId, r, ct);
            return Results.NoContent();
        });
        congress.MapDelete("/plan/topics/{topicId:int}", async (string code, int topicId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await SupervisionWorkflow.DeleteTopicAsync(db, await ActorAsync(db, user, code, ct), topicId, ct);
            return Results.NoContent();
        });
        congress.MapPost("/plan/publish", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await SupervisionWorkflow.PublishPlanAsync(db, await ActorAsync(db, user, code, ct), year, ct);
            return Results.NoContent();
        });
        congress.MapGet("/plan.docx", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await SupervisionDocuments.PlanAsync(db, await ActorAsync(db, user, code, ct), year, ct);
            return Results.File(bytes, SupervisionDocuments.ContentType, name);
        });
        congress.MapGet("/reports", async (string code, int? year, string? group, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.ReportsAsync(db, await ActorAsync(db, user, code, ct), year, group, ct)));
        congress.MapPost("/reports", async (string code, WorkReportInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var report = await WorkReports.RegisterAsync(db, calendar, a, r, ct);
            return Results.Created($"/api/v1/supervision/reports/{report.Id}", await SupervisionQueries.ReportAsync(db, a, report.Id, ct));
        });
        congress.MapGet("/inspections", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.InspectionsAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapPost("/inspections", async (string code, InspectionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var i = await SupervisionWorkflow.CreateInspectionAsync(db, a, r, ct);
            return Results.Created($"/api/v1/supervision/inspections/{i.Id}", await SupervisionQueries.InspectionAsync(db, a, i.Id, ct));
        });
        congress.MapGet("/inquiries", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.InquiriesAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapPost("/inquiries", async (string code, InquiryInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var q = await SupervisionWorkflow.CreateInquiryAsync(db, a, r, ct);
            return Results.Created($"/api/v1/supervision/inquiries/{q.Id}", await SupervisionQueries.InquiryAsync(db, a, q.Id, ct));
        });
        congress.MapGet("/surveys", async (string code, int? year, SurveyKind? kind, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.SurveysAsync(db, await ActorAsync(db, user, code, ct), year, kind, ct)));
        congress.MapPost("/surveys", async (string code, SurveyInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var s = await SupervisionWorkflow.CreateSurveyAsync(db, a, r, ct);
            return Results.Created($"/api/v1/supervision/surveys/{s.Id}", await SupervisionQueries.SurveyAsync(db, a, s.Id, ct));
        });
        congress.MapGet("/interpellations", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.InterpellationsAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapPost("/interpellations", async (string code, InterpellationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var i = await SupervisionWorkflow.FileInterpellationAsync(db, a, r, ct);
            return Results.Created($"/api/v1/supervision/interpellations/{i.Id}", await SupervisionQueries.InterpellationAsync(db, a, i.Id, ct));
        });
        congress.MapGet("/appraisals", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await SupervisionQueries.ReviewsAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapPost("/appraisals", async (string code, ReviewInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var v = await Appraisals.CreateAsync(db, a, r, ct);
            return Results.Created($"/api/v1/supervision/appraisals/{v.Id}", await SupervisionQueries.ReviewAsync(db, a, v.Id, ct));
        });

        var report = api.MapGroup("/supervision/reports/{id:int}").RequireAuthorization().WithTags("监督工作");
        report.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.ReportAsync(db, Actor(user), id, ct)));
        report.MapPost("/schedule", (int id, ScheduleReportRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Done(WorkReports.ScheduleAsync(db, calendar, Actor(user), id, r.MeetingId, r.LateReason, ct)));
        report.MapPost("/submit", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.SubmitAsync(db, Actor(user), id, r.Text, ct)));
        report.MapPost("/distribute", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.DistributeAsync(db, Actor(user), id, ct)));
        report.MapPost("/heard", (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.HearAsync(db, calendar, Actor(user), id, ct)));
        report.MapPost("/opinions", (int id, OpinionsRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Done(WorkReports.SendOpinionsAsync(db, calendar, Actor(user), id, r.Opinions, ct)));
        report.MapPost("/handling", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.ReportHandlingAsync(db, Actor(user), id, r.Text, ct)));
        report.MapPost("/judgement", (int id, JudgeRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Done(WorkReports.JudgeAsync(db, calendar, Actor(user), id, r.Judgement, r.Note, r.FollowUpDueOn, ct)));
        report.MapPost("/follow-up", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.ReportFollowUpAsync(db, Actor(user), id, r.Text, ct)));
        report.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(WorkReports.CloseFollowUpAsync(db, Actor(user), id, ct)));
        report.MapPost("/resolution", (int id, ResolutionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(WorkReports.RequestResolutionAsync(db, Actor(user), id, r.MeetingId, r.Title, r.DueOn, ct)));
        report.MapGet("/opinions.docx", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await SupervisionDocuments.OpinionsAsync(db, Actor(user), id, ct);
            return Results.File(bytes, SupervisionDocuments.ContentType, name);
        });

        var inspection = api.MapGroup("/supervision/inspections/{id:int}").RequireAuthorization().WithTags("监督工作");
        inspection.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.InspectionAsync(db, Actor(user), id, ct)));
        inspection.MapPost("/findings", (int id, FindingsRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(SupervisionWorkflow.RecordFindingsAsync(db, Actor(user), id, r.Findings, ct)));
        inspection.MapPost("/report", async (int id, InspectionReportRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Actor(user);
            var w = await SupervisionWorkflow.ReportInspectionAsync(db, calendar, a, id, r.Report, r.OrganId, r.MeetingId, r.LateReason, ct);
            return Results.Created($"/api/v1/supervision/reports/{w.Id}", await SupervisionQueries.ReportAsync(db, a, w.Id, ct));
        });

        var inquiry = api.MapGroup("/supervision/inquiries/{id:int}").RequireAuthorization().WithTags("监督工作");
        inquiry.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.InquiryAsync(db, Actor(user), id, ct)));
        inquiry.MapPost("/questions", async (int id, QuestionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var q = await SupervisionWorkflow.AddQuestionAsync(db, Actor(user), id, r, ct);
            return Results.Created($"/api/v1/supervision/inquiries/{id}", new { q.Id });
        });
        api.MapPost("/supervision/inquiry-questions/{id:int}/done", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(SupervisionWorkflow.CompleteCommitmentAsync(db, Actor(user), id, ct))).RequireAuthorization().WithTags("监督工作");

        var survey = api.MapGroup("/supervision/surveys/{id:int}").RequireAuthorization().WithTags("监督工作");
        survey.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.SurveyAsync(db, Actor(user), id, ct)));
        survey.MapPost("/report", (int id, SurveyReportRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(SupervisionWorkflow.ReportSurveyAsync(db, Actor(user), id, r.Findings, r.Report, ct)));

        // A record is linked to the plan topic it carries out, or unlinked (topicId null), after it was made.
        foreach (var (path, record) in new[] { ("reports", SupervisionRecord.Report), ("inspections", SupervisionRecord.Inspection), ("inquiries", SupervisionRecord.Inquiry), ("surveys", SupervisionRecord.Survey) })
            api.MapPut($"/supervision/{path}/{{id:int}}/topic", (int id, TopicLinkRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Done(SupervisionWorkflow.LinkTopicAsync(db, Actor(user), record, id, r.TopicId, ct))).RequireAuthorization().WithTags("监督工作");

        var interpellation = api.MapGroup("/supervision/interpellations/{id:int}").RequireAuthorization().WithTags("监督工作");
        interpellation.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.InterpellationAsync(db, Actor(user), id, ct)));
        interpellation.MapPost("/answer", (int id, AnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(SupervisionWorkflow.AnswerInterpellationAsync(db, Actor(user), id, r.AnsweredBy, r.Answer, ct)));
        interpellation.MapPost("/satisfaction", (int id, SatisfactionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Actor(user);
            return Done(SupervisionWorkflow.RateInterpellationAsync(db, a, id, r.PersonId ?? a.PersonId ?? 0, r.Satisfied, ct));
        });

        var review = api.MapGroup("/supervision/appraisals/{id:int}").RequireAuthorization().WithTags("监督工作");
        review.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await SupervisionQueries.ReviewAsync(db, Actor(user), id, ct)));
        review.MapPost("/report", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Appraisals.ReportAsync(db, Actor(user), id, r.Text, ct)));
        review.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Appraisals.OpenAsync(db, Actor(user), id, ct)));
        review.MapPost("/ballots", async (int id, AppraisalRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await Appraisals.CastAsync(db, Actor(user), id, r.Choice, ct);
            return Results.Created($"/api/v1/supervision/appraisals/{id}", null);
        });
        review.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Appraisals.CloseAsync(db, Actor(user), id, ct)));
    }

    private static SupervisionActor Actor(CurrentUserAccessor user) => SupervisionActor.For(user.User);

    private static async Task<SupervisionActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return SupervisionQueries.Require(Actor(user));
    }

    private static async Task<IResult> Done(Task step)
    {
        await step;
        return Results.NoContent();
    }
}

/// <summary>
/// Attachments of a work report (owner id = report id): the organ's report document, the handling report as signed.
/// Whoever may read the report sees them; the organ's officers and the committee's staff attach while the loop is open.
/// </summary>
public static class WorkReportAttachments
{
    public static void Register() => Platform.Attachments.AttachmentAccess.Register(WorkReport.Subject,
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is not null,
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is { } x && x.Report.Status != WorkReportStatus.Closed && (x.Actor.IsStaff || x.Actor.UnitIds.Contains(x.Report.OrganId)));

    private static async Task<(SupervisionActor Actor, WorkReport Report)?> LoadAsync(RendaDbContext db, CurrentUser user, string ownerId)
    {
        // Only the canonical form ("12", not "012"), so one report has exactly one owner id.
        if (user.CongressId is null || !int.TryParse(ownerId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || id.ToString(System.Globalization.CultureInfo.InvariantCulture) != ownerId)
            return null;
        var actor = SupervisionActor.For(user);
        try
        {
            return (actor, await WorkReports.LoadAsync(db, actor, id, default));
        }
        catch (Platform.Web.DomainException)
        {
            return null;
        }
    }
}

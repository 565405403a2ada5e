using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Web;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings;

/// <summary>Local standing committees exist since the 1979 organic law; a meeting before it is a typing error.</summary>
public sealed record ScheduleRequest([property: PlausibleDates("1979-07-01", "2100-12-31")] DateOnly StartsOn, [property: PlausibleDates("1979-07-01", "2100-12-31")] DateOnly EndsOn, string? Place);
public sealed record NoticeRequest(string? ShortNoticeReason);
public sealed record AgendaItemRequest(AgendaItemKind Kind, string? Title, string? SubjectType, int? SubjectId);
public sealed record OutcomeRequest(AgendaOutcome Outcome, string? Note);
public sealed record AttendanceRequest(AttendanceEntry[]? Entries);
public sealed record AttendeeRequest(AttendeeKind Kind, string? Name, string? Organisation, int? DeputyId);
public sealed record MinutesRequest(string? Minutes);
public sealed record PrepareVoteRequest(int AgendaItemId, VoteKind Kind, string? Title, int[]? AppointmentIds);
public sealed record BallotRequest(BallotChoice Choice);
public sealed record TaskRequest(string? Description, int? UnitId, string? Responsible, DateOnly DueOn);
public sealed record TaskDoneRequest(string? Report);
public sealed record LawExamRequest(string? Result);
public sealed record CertificateRequest(string? Number, DateOnly IssuedOn);
public sealed record LivelihoodCastRequest(int[]? ProjectIds);
public sealed record ProgressReportRequest(int PercentDone, string? Text);
public sealed record EvaluationRequest(Evaluation Result);

/// <summary>/api/v1 for meetings, votes, resolutions, appointments, oaths and the livelihood-projects ballot.</summary>
public static class MeetingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags("会议与表决");
        congress.MapGet("/meetings", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await MeetingQueries.ListAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, ct)));
        congress.MapPost("/meetings", async (string code, ScheduleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var m = await MeetingWorkflow.ScheduleAsync(db, actor, r.StartsOn, r.EndsOn, r.Place ?? "", ct);
            return Results.Created($"/api/v1/meetings/{m.Id}", await MeetingQueries.DetailAsync(db, actor, m.Id, ct));
        });
        congress.MapGet("/resolutions", async (string code, int? year, string? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await MeetingQueries.ResolutionsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, status == "all", ct)));
        congress.MapPost("/resolutions", async (string code, ResolutionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var res = await Resolutions.DraftAsync(db, actor, r, ct);
            return Results.Created($"/api/v1/resolutions/{res.Id}", await MeetingQueries.ResolutionAsync(db, actor, res.Id, ct));
        });
        congress.MapGet("/appointments", async (string code, int? year, int? meeting, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await MeetingQueries.AppointmentsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, meeting, ct)));
        congress.MapPost("/appointments", async (string code, NominationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var a = await Appointments.NominateAsync(db, actor, r, ct);
            return Results.Created($"/api/v1/appointments/{a.Id}", (await MeetingQueries.AppointmentsAsync(db, actor.CongressId, null, a.MeetingId, ct)).First(x => x.Id == a.Id));
        });
        congress.MapGet("/appointments/statistics", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return Results.Ok(await Appointments.StatisticsAsync(db, c.Id, c.Code, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        });
        congress.MapGet("/oaths", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await MeetingQueries.OathsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, ct)));
        congress.MapPost("/oaths", async (string code, OathInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var o = await Appointments.RecordOathAsync(db, actor, r, ct);
            return Results.Created($"/api/v1/congresses/{code}/oaths", (await MeetingQueries.OathsAsync(db, actor.CongressId, null, ct)).First(x => x.Id == o.Id));
        });
        congress.MapGet("/livelihood-ballots", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var list = await MeetingQueries.LivelihoodBallotsAsync(db, actor.CongressId, year, ct);
            var views = new List<LivelihoodBallotView>();
            foreach (var b in list) views.Add(await MeetingQueries.LivelihoodAsync(db, actor, b.Id, ct));
            return Results.Ok(views);
        });
        congress.MapPost("/livelihood-ballots", async (string code, LivelihoodBallotInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var b = await Livelihood.CreateAsync(db, actor, r, ct);
            return Results.Created($"/api/v1/livelihood-ballots/{b.Id}", await MeetingQueries.LivelihoodAsync(db, actor, b.Id, ct));
        });

        var meeting = api.MapGroup("/meetings/{id:int}").RequireAuthorization().WithTags("会议与表决");
        meeting.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await MeetingQueries.DetailAsync(db, Actor(user), id, ct)));
        meeting.MapPut("/", (int id, ScheduleRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.RescheduleAsync(db, calendar, Actor(user), id, r.StartsOn, r.EndsOn, r.Place ?? "", ct)));
        meeting.MapPost("/notice", (int id, NoticeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.SendNoticeAsync(db, Actor(user), id, r.ShortNoticeReason, ct)));
        meeting.MapPost("/agenda", async (int id, AgendaItemRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var item = await MeetingWorkflow.AddAgendaItemAsync(db, Actor(user), id, r.Kind, r.Title ?? "", r.SubjectType, r.SubjectId, ct);
            return Results.Created($"/api/v1/meetings/{id}", new { item.Id, item.Order });
        });
        meeting.MapPost("/agenda/{itemId:int}/outcome", (int id, int itemId, OutcomeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(MeetingWorkflow.RecordOutcomeAsync(db, Actor(user), id, itemId, r.Outcome, r.Note, ct)));
        meeting.MapPost("/attendance", (int id, AttendanceRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(MeetingWorkflow.RecordAttendanceAsync(db, Actor(user), id, r.Entries ?? [], ct)));
        meeting.MapPost("/attendees", async (int id, AttendeeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await MeetingWorkflow.AddAttendeeAsync(db, Actor(user), id, r.Kind, r.Name, r.Organisation, r.DeputyId, ct);
            return Results.Created($"/api/v1/meetings/{id}", new { a.Id });
        });
        meeting.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.OpenAsync(db, Actor(user), id, ct)));
        meeting.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.CloseAsync(db, Actor(user), id, ct)));
        meeting.MapPost("/cancel", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.CancelAsync(db, Actor(user), id, ct)));
        meeting.MapPost("/minutes", (int id, MinutesRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(MeetingWorkflow.RecordMinutesAsync(db, Actor(user), id, r.Minutes, ct)));
        meeting.MapPost("/votes", async (int id, PrepareVoteRequest r, RendaDbContext db, IEnumerable<IAgendaSubject> subjects, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var v = await Voting.PrepareAsync(db, actor, id, r.AgendaItemId, r.Kind, r.Title, r.AppointmentIds, ct, subjects);
            return Results.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, actor, v.Id, ct));
        });
        meeting.MapGet("/documents/{document}.docx", async (int id, string document, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await MeetingDocuments.MeetingAsync(db, Actor(user), id, document, ct);
            return Results.File(bytes, MeetingDocuments.ContentType, name);
        });

        var vote = api.MapGroup("/votes/{id:int}").RequireAuthorization().WithTags("会议与表决");
        vote.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await MeetingQueries.VoteAsync(db, Actor(user), id, ct)));
        vote.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Voting.OpenAsync(db, Actor(user), id, ct)));
        vote.MapPost("/ballots", async (int id, BallotRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await Voting.CastAsync(db, Actor(user), id, r.Choice, ct);
            return Results.Created($"/api/v1/votes/{id}", null);
        });
        vote.MapPost("/close", async (int id, RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await Voting.CloseAsync(db, calendar, subjects, actor, id, ct);
            return Results.Ok(await MeetingQueries.VoteAsync(db, actor, id, ct));
        });
        vote.MapPost("/cancel", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Voting.CancelAsync(db, Actor(user), id, ct)));
        vote.MapGet("/result.docx", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await MeetingDocuments.VoteResultAsync(db, Actor(user), id, ct);
            return Results.File(bytes, MeetingDocuments.ContentType, name);
        });

        var resolution = api.MapGroup("/resolutions/{id:int}").RequireAuthorization().WithTags("决议决定");
        resolution.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await MeetingQueries.ResolutionAsync(db, Actor(user), id, ct)));
        resolution.MapPost("/withdraw", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Resolutions.WithdrawAsync(db, Actor(user), id, ct)));
        resolution.MapPost("/tasks", async (int id, TaskRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var t = await Resolutions.AddTaskAsync(db, calendar, Actor(user), id, r.Description, r.UnitId, r.Responsible, r.DueOn, ct);
            return Results.Created($"/api/v1/resolutions/{id}", new { t.Id });
        });
        api.MapPost("/resolution-tasks/{id:int}/done", (int id, TaskDoneRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Resolutions.CompleteTaskAsync(db, Actor(user), id, r.Report, ct))).RequireAuthorization().WithTags("决议决定");

        var appointment = api.MapGroup("/appointments/{id:int}").RequireAuthorization().WithTags("人事任免");
        appointment.MapPost("/law-exam", (int id, LawExamRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Appointments.RecordLawExamAsync(db, Actor(user), id, r.Result, ct)));
        appointment.MapPost("/withdraw", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Appointments.WithdrawAsync(db, Actor(user), id, ct)));
        appointment.MapPost("/certificate", (int id, CertificateRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Appointments.IssueCertificateAsync(db, Actor(user), id, r.Number, r.IssuedOn, ct)));

        var ballot = api.MapGroup("/livelihood-ballots/{id:int}").RequireAuthorization().WithTags("民生实事项目票决");
        ballot.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await MeetingQueries.LivelihoodAsync(db, Actor(user), id, ct)));
        ballot.MapPost("/projects", async (int id, LivelihoodProjectInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await Livelihood.AddProjectAsync(db, Actor(user), id, r, ct);
            return Results.Created($"/api/v1/livelihood-ballots/{id}", new { p.Id, p.Order });
        });
        ballot.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Livelihood.OpenAsync(db, Actor(user), id, ct)));
        ballot.MapPost("/ballots", async (int id, LivelihoodCastRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await Livelihood.CastAsync(db, Actor(user), id, r.ProjectIds, ct);
            return Results.Created($"/api/v1/livelihood-ballots/{id}", null);
        });
        ballot.MapPost("/close", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await Livelihood.CloseAsync(db, actor, id, ct);
            return Results.Ok(await MeetingQueries.LivelihoodAsync(db, actor, id, ct));
        });
        ballot.MapPost("/evaluation", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Livelihood.OpenEvaluationAsync(db, Actor(user), id, ct)));
        var project = api.MapGroup("/livelihood-projects/{id:int}").RequireAuthorization().WithTags("民生实事项目票决");
        project.MapPost("/progress", (int id, ProgressReportRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Livelihood.ReportProgressAsync(db, Actor(user), id, r.PercentDone, r.Text, ct)));
        project.MapPost("/evaluations", (int id, EvaluationRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(Livelihood.EvaluateAsync(db, Actor(user), id, r.Result, ct)));

        api.MapGet("/deputies/{id:int}/duty-records", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await DutyRecords.ForDeputyAsync(db, user.User, id, ct))).RequireAuthorization().WithTags("代表");
    }

    private static MeetingActor Actor(CurrentUserAccessor user) => MeetingActor.For(user.User);

    private static async Task<Congress> OwnAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        var c = await CongressScope.OwnAsync(db, user.User, code, ct);
        if (!Actor(user).MayRead) throw Platform.Web.DomainException.Forbidden("没有查看会议记录的权限。");
        return c;
    }

    private static async Task<MeetingActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return Actor(user);
    }

    private static async Task<IResult> Done(Task step)
    {
        await step;
        return Results.NoContent();
    }
}

using Microsoft.AspNetCore.Mvc;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Suggestions;

public sealed record CreateSuggestionRequest(string? Title, string? Content, string? Category, SubmissionPeriod Period = SubmissionPeriod.BetweenSessions, int[]? CoSignerDeputyIds = null, bool Submit = false);
public sealed record InviteRequest(int DeputyId);
public sealed record SimilarRequest(string? Title, string? Content, int? ExcludeId, int? Limit);
public sealed record CoSignatureRequest(bool Confirm);
public sealed record ReturnRequest(InadmissibleReason Reason, string? Note);
public sealed record MergeRequest(int TargetId);
public sealed record UnitChoiceRequest(int UnitId, AssignmentRole Role);
public sealed record AssignRequest(HandlingMode Mode, UnitChoiceRequest[]? Units);
public sealed record ReassignRequest(UnitChoiceRequest[]? Units);
public sealed record UnitReturnRequest(int? UnitId, string? Reason);
public sealed record ContactRequest(int? UnitId, ContactKind Kind, bool FaceToFace, DateOnly On, string? Notes);
public sealed record CoViewsRequest(int? UnitId, string? Views);
public sealed record AnswerRequest(int? UnitId, string? Category, string? Text, string? SignedBy, int? DocumentAttachmentId);
public sealed record ExtensionRequest(int Months, string? Reason);
public sealed record RatingRequest(Satisfaction Result, string? Reason);
public sealed record KeyRequest(string? Leader);
public sealed record PublishRequest(string? Title, string? Content, string? Answer);
public sealed record CommitmentRequest(int? UnitId, string? Promise, DateOnly DueOn);
public sealed record ProgressRequest(string? Text, bool Done);

/// <summary>/api/v1 for deputies' suggestions. Every step is one POST that either happens completely or is refused with a reason.</summary>
public static class SuggestionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        Pages.SuggestionPages.Map(api);
        var congress = api.MapGroup("/congresses/{code}/suggestions").RequireAuthorization().WithTags("代表建议");
        congress.MapPost("/", Create);
        congress.MapGet("/", List);
        congress.MapPost("/similar", async (string code, SimilarRequest r, Ctx c, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var congressRow = await CongressScope.OwnAsync(c.Db, user.User, code, ct);
            var year = WorkCalendar.Today(c.Db.Clock).Year;
            return Results.Ok(await SimilarSuggestions.FindAsync(c.Db, congressRow.Id, $"{r.Title}\n{r.Content}".Trim(), r.ExcludeId, year, r.Limit ?? 10, ct));
        });

        var one = api.MapGroup("/suggestions/{id:int}").RequireAuthorization().WithTags("代表建议");
        one.MapGet("/", async (int id, Ctx c, CancellationToken ct) => Results.Ok(await SuggestionQueries.DetailAsync(c.Db, await c.ActorAsync(ct), id, ct)));
        one.MapPut("/", (int id, CreateSuggestionRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.UpdateDraftAsync(c.Db, c.Actor, id, Draft(r), ct), c, ct));
        one.MapPost("/co-signers", (int id, InviteRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.InviteAsync(c.Db, c.Actor, id, r.DeputyId, ct), c, ct));
        one.MapPost("/co-signature", (int id, CoSignatureRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.RespondAsync(c.Db, c.Actor, id, r.Confirm, ct), c, ct));
        one.MapGet("/unit-recommendations", async (int id, Ctx c, CancellationToken ct) =>
        {
            var actor = await c.ActorAsync(ct);
            actor.RequireStaff();
            return Results.Ok(await SimilarSuggestions.RecommendUnitsAsync(c.Db, await SuggestionWorkflow.LoadAsync(c.Db, actor, id, ct), ct));
        });
        one.MapPost("/submit", (int id, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.SubmitAsync(c.Db, c.Calendar, c.Actor, id, ct), c, ct));
        one.MapPost("/accept", (int id, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.AcceptAsync(c.Db, c.Actor, id, ct), c, ct));
        one.MapPost("/return", (int id, ReturnRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.ReturnToDeputyAsync(c.Db, c.Actor, id, r.Reason, r.Note, ct), c, ct));
        one.MapPost("/merge", (int id, MergeRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.MergeAsync(c.Db, c.Actor, id, r.TargetId, ct), c, ct));
        one.MapPost("/assign", (int id, AssignRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.AssignAsync(c.Db, c.Calendar, c.Actor, id, r.Mode, Units(r.Units), ct), c, ct));
        one.MapPost("/unit-return", (int id, UnitReturnRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.UnitReturnAsync(c.Db, c.Calendar, c.Actor, id, r.UnitId, r.Reason ?? "", ct), c, ct));
        one.MapPost("/reassign", (int id, ReassignRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.ReassignAsync(c.Db, c.Calendar, c.Actor, id, Units(r.Units), ct), c, ct));
        one.MapPost("/contacts", (int id, ContactRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.RecordContactAsync(c.Db, c.Actor, id, r.UnitId, r.Kind, r.FaceToFace, r.On, r.Notes, ct), c, ct));
        one.MapPost("/co-views", (int id, CoViewsRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.SubmitCoViewsAsync(c.Db, c.Actor, id, r.UnitId, r.Views ?? "", ct), c, ct));
        one.MapPost("/answers", (int id, AnswerRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.AnswerAsync(c.Db, c.Calendar, c.Actor, id, r.UnitId,
            new SuggestionWorkflow.AnswerInput(r.Category ?? "", r.Text ?? "", r.SignedBy ?? "", r.DocumentAttachmentId), ct), c, ct));
        one.MapPost("/extension", (int id, ExtensionRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.ExtendAnswerAsync(c.Db, c.Calendar, c.Actor, id, r.Months, r.Reason ?? "", ct), c, ct));
        one.MapPost("/ratings", (int id, RatingRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.RateAsync(c.Db, c.Calendar, c.Actor, id, r.Result, r.Reason, ct), c, ct));
        one.MapPost("/key", (int id, KeyRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.DesignateKeyAsync(c.Db, c.Actor, id, r.Leader ?? "", ct), c, ct));
        one.MapPost("/publish", (int id, PublishRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.PublishAsync(c.Db, c.Actor, id, new(r.Title ?? "", r.Content ?? "", r.Answer), ct), c, ct));
        one.MapPost("/unpublish", (int id, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.UnpublishAsync(c.Db, c.Actor, id, ct), c, ct));
        one.MapPost("/commitments", (int id, CommitmentRequest r, Ctx c, CancellationToken ct) => Done(() => SuggestionWorkflow.AddCommitmentAsync(c.Db, c.Actor, id, r.UnitId, r.Promise ?? "", r.DueOn, ct), c, ct));
        api.MapPost("/commitments/{id:int}/progress", async (int id, ProgressRequest r, Ctx c, CancellationToken ct) =>
        {
            await SuggestionWorkflow.ReportCommitmentAsync(c.Db, await c.ActorAsync(ct), id, r.Text ?? "", r.Done, ct);
            return Results.NoContent();
        }).RequireAuthorization().WithTags("代表建议");
    }

    /// <summary>The request's services and actor, resolved once.</summary>
    public sealed class Ctx(RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user)
    {
        public RendaDbContext Db { get; } = db;
        public WorkCalendar Calendar { get; } = calendar;
        public SuggestionActor Actor { get; private set; } = null!;
        public async Task<SuggestionActor> ActorAsync(CancellationToken ct) => Actor = await SuggestionActor.ForAsync(Db, user.User, ct);
        public async Task<SuggestionActor> ReaderAsync(CancellationToken ct) => Actor = await SuggestionActor.ForReadingAsync(Db, user.User, ct);
    }

    /// <summary>Runs a step as the current actor; 204 when it happened (a refusal is a ProblemDetails from the DomainException).</summary>
    private static async Task<IResult> Done(Func<Task> step, Ctx c, CancellationToken ct)
    {
        await c.ActorAsync(ct);
        await step();
        return Results.NoContent();
    }

    private static SuggestionWorkflow.Draft Draft(CreateSuggestionRequest r)
        => new(r.Title ?? "", r.Content ?? "", r.Category ?? "", r.Period, r.CoSignerDeputyIds, r.Submit);

    private static List<SuggestionWorkflow.UnitChoice> Units(UnitChoiceRequest[]? units)
        => (units ?? []).Select(u => new SuggestionWorkflow.UnitChoice(u.UnitId, u.Role)).ToList();

    /// <summary>201 with the new suggestion; a repeated Idempotency-Key answers 200 with the one it created first.</summary>
    private static async Task<IResult> Create(string code, CreateSuggestionRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Ctx c, CurrentUserAccessor user, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(c.Db, user.User, code, ct);
        var actor = await c.ActorAsync(ct);
        var (s, created) = await SuggestionWorkflow.CreateAsync(c.Db, c.Calendar, actor, Draft(request), idempotencyKey, ct);
        var detail = await SuggestionQueries.DetailAsync(c.Db, actor, s.Id, ct);
        return created ? Results.Created($"/api/v1/suggestions/{s.Id}", detail) : Results.Ok(detail);
    }

    private static async Task<IResult> List(string code, int? year, SuggestionStatus? status, int? unit, string? category, int? deputy, string? text, bool? key, string? sort,
        int? page, int? pageSize, Ctx c, CurrentUserAccessor user, SuggestionListCache lists, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(c.Db, user.User, code, ct);
        var actor = await c.ReaderAsync(ct);
        return Results.Ok(await lists.ListAsync(c.Db, actor, new SuggestionFilter(year, status, unit, category, deputy, text, key, sort), page, pageSize, ct));
    }
}

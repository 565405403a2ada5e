using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Platform.Modules;

/// <summary>
/// The shape of a module's API (docs/MODULES.md): handlers return TypedResults, so the OpenAPI document carries the schema of
/// every success; refusals are DomainExceptions turned into ProblemDetails by one filter, and the error statuses each
/// operation can answer are declared here once for all of /api/v1 instead of by hand on 250 routes.
/// </summary>
public static class Endpoints
{
    /// <summary>A workflow step with nothing to return: 204 when it is done; its refusals become ProblemDetails.</summary>
    public static async Task<NoContent> Done(Task step)
    {
        await step;
        return TypedResults.NoContent();
    }

    /// <summary>A step that answers with what it made or changed.</summary>
    public static async Task<Ok<T>> Done<T>(Task<T> step) => TypedResults.Ok(await step);

    /// <summary>
    /// Declares the ProblemDetails every operation of the group can answer, after the endpoint's own metadata is known:
    /// 400 (a request that does not validate — DomainException.Invalid, RequestValidation), 404 (a record or congress not
    /// found), 401 unless the operation is anonymous, 403 (a DomainException.Forbidden may come from any rule), 409 (a state that does not allow the step) on what changes
    /// something. An operation that answers more (429 at login, 413 on an upload) declares it with ProducesProblem itself.
    /// </summary>
    public static RouteGroupBuilder DescribeProblems(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(b =>
        {
            var methods = b.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var changes = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
            var anonymous = b.Metadata.OfType<IAllowAnonymous>().Any();
            var declared = b.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            void Add(int status, Type type)
            {
                if (declared.Add(status))
                    b.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
            }
            Add(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            if (!anonymous)
                Add(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            Add(StatusCodes.Status404NotFound, typeof(ProblemDetails));
            if (changes)
                Add(StatusCodes.Status409Conflict, typeof(ProblemDetails));
        });
        return api;
    }

    /// <summary>A download (Word, Excel, XML): 200 with the file's media type and a binary schema.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder b, params string[] contentTypes)
        => b.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), contentTypes));

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

using Microsoft.AspNetCore.Http.Features;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Platform.Web;

/// <summary>
/// Every API error is an RFC 7807 ProblemDetails: DomainException by its kind, a malformed body
/// as 400, a concurrent edit as 409. Validation of request records uses DataAnnotations via Validate.
/// </summary>
public static partial class Problems
{
    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (.+)$")]
    private static partial System.Text.RegularExpressions.Regex MissingFields();

    [System.Text.RegularExpressions.GeneratedRegex("'([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    public static IResult From(DomainException e) => e.Kind switch
    {
        DomainErrorKind.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field ?? ""] = [e.Message] }, detail: e.Message, title: "请求数据有误"),
        DomainErrorKind.Conflict => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "当前状态不允许此操作"),
        DomainErrorKind.Forbidden => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "无权执行此操作"),
        DomainErrorKind.NotFound => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "未找到"),
    };

    /// <summary>Validates a request object by its DataAnnotations; returns the field errors, empty if valid.</summary>
    public static Dictionary<string, string[]> Validate(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Member: JsonName(m), r.ErrorMessage)))
            .GroupBy(x => x.Member).ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "无效").ToArray());
    }

    /// <summary>A body that cannot be read: name the JSON field when the parser knows it.</summary>
    private static IResult BadRequest(BadHttpRequestException b)
    {
        // The reader names the fields a request must send and did not (RequestValidation.RequireValueFields) only in its message.
        if (b.InnerException is System.Text.Json.JsonException json && MissingFields().Match(json.Message) is { Success: true } missing)
        {
            var fields = QuotedName().Matches(missing.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
            return TypedResults.ValidationProblem(fields.ToDictionary(f => f, _ => new[] { "此项必填。" }),
                detail: $"缺少必填字段：{string.Join("、", fields)}。", title: "请求数据有误");
        }
        if (b.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path })
        {
            var field = path.TrimStart('$', '.');
            // Results, not TypedResults: the status is the reader's (400, or 413 for a body over the limit).
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"字段“{field}”的值无效或类型不符。"] }, title: "请求格式错误", statusCode: b.StatusCode);
        }
        var detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求内容超过大小上限。" : "请求体不是有效的 JSON，或缺少必需的参数。";
        return TypedResults.Problem(detail, statusCode: b.StatusCode, title: "请求格式错误");
    }

    /// <summary>People get a plain Chinese page, never a stack trace.</summary>
    private static Task ErrorPage(HttpContext ctx, Exception? e)
    {
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(ErrorPageHtml(e is DomainException d ? d.Message : "服务器内部错误，已记录。请返回重试或联系系统管理员。"));
    }

    /// <summary>A plain page for a refusal that has no page of its own to show it on; Back keeps what the user typed.</summary>
    public static string ErrorPageHtml(string message)
        => "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           + "<title>出错了</title><link rel=\"stylesheet\" href=\"/lib/bootstrap/bootstrap.min.css\"><body class=\"p-4\"><h1 class=\"h4\">出错了</h1>"
           + $"<p data-testid=\"status-message\">{System.Net.WebUtility.HtmlEncode(message)}</p>"
           + "<p>请用浏览器的“返回”回到上一页修改。<a href=\"/\">返回首页</a></p></body></html>";

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    /// <summary>Maps exceptions escaping an endpoint to ProblemDetails (API) so no stack trace or HTML reaches a client.</summary>
    public static void UseRendaExceptionHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A refusal of the caller's request is expected, not a fault: logged as an error it would bury the real ones.
            SuppressDiagnosticsCallback = c => c.Exception is DomainException or BadHttpRequestException or DbUpdateConcurrencyException,
            StatusCodeSelector = e => e switch
            {
                DomainException d => d.Kind switch
                {
                    DomainErrorKind.Invalid => 400,
                    DomainErrorKind.Conflict => 409,
                    DomainErrorKind.Forbidden => 403,
                    DomainErrorKind.NotFound => 404,
                },
                BadHttpRequestException b => b.StatusCode,
                DbUpdateConcurrencyException => 409,
                _ => 500,
            },
            ExceptionHandler = async ctx =>
            {
                var e = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = e switch
                {
                    DomainException d => From(d),
                    BadHttpRequestException b => BadRequest(b),
                    DbUpdateConcurrencyException => TypedResults.Problem("记录已被他人修改，请刷新后重试。", statusCode: 409, title: "并发冲突"),
                    _ => TypedResults.Problem("服务器内部错误，已记录。", statusCode: 500, title: "服务器错误"),
                };
                if (ctx.Request.Path.StartsWithSegments("/api"))
                    await result.ExecuteAsync(ctx);
                else
                    await ErrorPage(ctx, e);
            },
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted && http.Response.ContentLength is null)
            {
                var status = http.Response.StatusCode;
                var (title, detail) = status switch
                {
                    401 => ("未登录", "请先登录或提供有效的访问令牌。"),
                    403 => ("无权访问", "当前账号的角色无权执行此操作。"),
                    404 => ("未找到", "请求的资源不存在。"),
                    405 => ("方法不允许", "该地址不支持此请求方法。"),
                    415 => ("媒体类型不支持", "请以 application/json 提交。"),
                    _ => ("请求失败", null),
                };
                await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
            }
            else if (!http.Response.HasStarted && http.Response.ContentLength is null && http.Request.Method is "GET" or "POST")
            {
                // The status page inside the layout (menu, a way back), as UseStatusCodePagesWithReExecute does it.
                var (path, query, method) = (http.Request.Path, http.Request.QueryString, http.Request.Method);
                var routeValues = http.Features.Get<IRouteValuesFeature>();
                http.SetEndpoint(null);
                routeValues?.RouteValues.Clear();
                http.Request.Path = $"/status/{http.Response.StatusCode}";
                http.Request.QueryString = QueryString.Empty;
                http.Request.Method = HttpMethods.Get;
                try
                {
                    await ctx.Next(http);
                }
                finally
                {
                    (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method);
                }
            }
        });
    }
}

/// <summary>Runs endpoint handlers so that DomainException becomes the matching ProblemDetails.</summary>
public sealed class DomainExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException e)
        {
            return Problems.From(e);
        }
    }
}

public static class ProblemDetailsDefaults
{
    public static ProblemDetails WithField(this ProblemDetails p, string field) { p.Extensions["field"] = field; return p; }
}

using Microsoft.AspNetCore.Antiforgery;

namespace Renda.Web.Platform.Web;

public static class SecurityHeaders
{
    /// <summary>CSP allows only our own scripts and styles (front-end packages are served from wwwroot/lib), forbids framing and sniffing.</summary>
    public static void UseRendaSecurityHeaders(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            // The API reference page (Scalar) configures itself with an inline script and inline styles; it shows no user data.
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/reference")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
                : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XFrameOptions = "DENY";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
    }

    /// <summary>
    /// Forms are protected by Razor's antiforgery token. The JSON API is protected too when it is
    /// called with the login cookie (from our own pages): such unsafe calls must carry the token in
    /// the X-CSRF-TOKEN header. Bearer-token clients are not exposed to CSRF and need none.
    /// </summary>
    public static void UseApiCsrfProtection(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var unsafeMethod = !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method));
            if (unsafeMethod && ctx.Request.Path.StartsWithSegments("/api")
                && ctx.Request.Cookies.ContainsKey("renda.auth")
                && !ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(ctx))
                {
                    await TypedResults.Problem("缺少或无效的防跨站请求令牌（X-CSRF-TOKEN）。", statusCode: 400, title: "CSRF 校验失败").ExecuteAsync(ctx);
                    return;
                }
            }
            await next();
        });
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Features.Deputies;
using Renda.Web.Features.Filings;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Portal;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web;

/// <summary>Composition of the web host: what each platform part and module registers and maps.</summary>
public static class RendaHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Operators read these logs: Chinese is written as UTF-8, not as \u6CD5 escapes (the default encoder escapes all non-ASCII).
        builder.Logging.AddJsonConsole(o =>
        {
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            };
            // The scopes carry the request's trace and span ids (below), so a log line is found from a trace and back.
            o.IncludeScopes = true;
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        configure?.Invoke(builder);
        // Serve wwwroot from the project when run from a build (dotnet run), from the publish folder otherwise.
        builder.WebHost.UseStaticWebAssets();
        // Keys that protect the login cookie live with the data, so sessions survive a restart.
        builder.Services.AddDataProtection().SetApplicationName("Renda")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Database.DataDir(builder.Configuration), "keys")));
        builder.Services.AddSingleton(ClientAddress.FromKeyFile(Path.Combine(Database.DataDir(builder.Configuration), "keys", "client-address.key")));
        builder.Services.AddSingleton<PublicRateLimits>();
        builder.Services.AddHostedService<Preparation>();
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpAuditActor>();
        services.AddScoped<CurrentUserAccessor>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? new SystemActor() : sp.GetRequiredService<HttpAuditActor>());
        services.AddRendaDatabase(config);
        services.AddRendaAuthentication();
        services.AddAntiforgery(o => { o.HeaderName = "X-CSRF-TOKEN"; o.Cookie.Name = "renda.csrf"; o.Cookie.SameSite = SameSiteMode.Strict; });
        services.AddRazorPages(o =>
        {
            // Pages live in their module's folder with absolute routes (@page "/deputies").
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Platform/Identity/Login");
            o.Conventions.AllowAnonymousToFolder("/Platform/Public");
            o.Conventions.AllowAnonymousToFolder("/Features/Suggestions/Pages/Public");
            o.Conventions.AllowAnonymousToFolder("/Features/Filings/Pages/Public");
            o.Conventions.AllowAnonymousToFolder("/Features/Legislation/Pages/Public");
            o.Conventions.AllowAnonymousToFolder("/Features/Deputies/Pages/Public");
            o.Conventions.AllowAnonymousToFolder("/Features/Laws/Pages");
            o.Conventions.AllowAnonymousToFolder("/Features/Portal/Pages/Public");
            // An anonymous visitor of / lands on the public site (HomeModel redirects); a signed-in user keeps the staff home.
            o.Conventions.AllowAnonymousToPage("/Platform/Web/Pages/Home");
            // An error status (a page that does not exist) is shown to anyone, signed in or not.
            o.Conventions.AllowAnonymousToPage("/Platform/Web/Pages/Status");
        }).AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
          .AddMvcOptions(o =>
          {
              ChineseModelBinding.Apply(o.ModelBindingMessageProvider);
              o.Filters.Add(new RequestValidation.PageFilter());
          });
        // Razor would otherwise write every Chinese character of model text as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // An unreadable body (a JSON value of the wrong type, an unknown enum name) throws, so Problems names the field;
        // by default only Development does, and Production answered a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "人大履职综合平台 API";
            doc.Info.Description = "常委会履职各模块的接口：错误一律为 RFC 7807 ProblemDetails；机器客户端以 /api/v1/auth/token 取得的令牌调用。";
            return Task.CompletedTask;
        }));
        // A module adds its own check here (the search index's lag, for one) with services.AddHealthChecks().AddCheck<…>(name).
        services.AddHealthChecks().AddDbContextCheck<RendaDbContext>("database").AddCheck<DeadlineMonitorHealth>("deadline-monitor");
        services.AddRendaTelemetry(config);
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            // Enum values by name only: an integer would bind to a value that is no member ("role": 0 or 99).
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
            {
                Modifiers = { RequestValidation.RequireValueFields },
            };
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddRendaAudit(config);
        services.AddRendaCalendar();
        services.AddRendaDeadlines();
        services.AddRendaNotifications(config);
        services.AddRendaAttachments(config);
        // The modules (docs/MODULES.md): each has AddX, MapX and SeedX.
        services.AddSuggestions(config);
        services.AddMeetings(config);
        services.AddFilings(config);
        services.AddLegislation(config);
        services.AddSupervision(config);
        services.AddLaws(config);
        services.AddDeputies(config);
        services.AddBudgetMonitoring(config);
        services.AddPortal(config);
        // Upload limit (50 MB attachments) plus form overhead.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = AttachmentStore.MaxBytes + 1024 * 1024);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = AttachmentStore.MaxBytes + 1024 * 1024);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseRendaOperationsGuard();
        app.UseRendaExceptionHandling();
        app.UseRendaSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMustChangePassword();
        app.UseAuthorization();
        // After authentication: the public page cache must know whether the visitor is signed in (PublicCachePolicy).
        app.UseOutputCache();
        app.UseAntiforgery();
        app.UseApiCsrfProtection();

        app.MapOpenApi("/openapi/{documentName}.json");
        // The reference page for integrators (finance bureau, portal) over the same document; its script is served from the package.
        // Scalar writes the document's address relative to the page (/api/reference/), hence the two steps up.
        // Nothing leaves the building: no telemetry, no fonts from a CDN, no AI chat; the page is for reading and trying the API.
        app.MapScalarApiReference("/api/reference", o =>
        {
            o.WithTitle("人大履职综合平台 API").WithOpenApiRoutePattern("../../openapi/{documentName}.json");
            o.Telemetry = false;
            o.DefaultFonts = false;
            o.Agent = new ScalarAgentOptions { Disabled = true };
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.ShowOperationId = true;
            o.WithLocalization(new ScalarLocalizationOptions { Locale = "zh" });
        }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        app.MapRendaOperations();
        var api = app.MapGroup("/api/v1").AddEndpointFilter<DomainExceptionFilter>().AddEndpointFilter<RequestValidation.EndpointFilter>().DescribeProblems();
        IdentityApi.Map(api);
        OrganisationsApi.Map(api);
        PeopleApi.Map(api);
        AuditApi.Map(api);
        CalendarApi.Map(api);
        DeadlinesApi.Map(api);
        Platform.Web.Pages.WorkbenchApi.Map(api);
        NotificationsApi.Map(api);
        AttachmentsApi.Map(api);
        api.MapSuggestions().MapMeetings().MapFilings().MapLegislation().MapSupervision().MapLaws().MapDeputies().MapBudgetMonitoring().MapPortal();
        app.MapPortalSite();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Migrates the database and, in demo mode, loads the demo story — in StartingAsync, before any
    /// other service starts and before the server listens (also under WebApplicationFactory).
    /// </summary>
    private sealed class Preparation(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime, Microsoft.AspNetCore.Hosting.Server.IServer server) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken ct)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            // A first start takes minutes (the demo story is replayed step by step): run.sh's user is told what is happening.
            var progress = config.GetValue<bool>("Renda:StartupProgress");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            void Say(string what)
            {
                if (progress) Console.WriteLine($"  [{clock.Elapsed:mm\\:ss}] {what}");
            }
            Say("迁移数据库结构…");
            await Database.MigrateAsync(db, ct);
            Say("载入节假日安排…");
            await WorkCalendar.EnsureShippedCalendarAsync(db);
            if (config.GetValue<bool>("Renda:Demo"))
            {
                Say("载入演示数据（首次启动约需数分钟，之后几秒钟）：机构、代表和账号…");
                await DemoData.EnsureAsync(db, DemoData.Password(config), ct);
                var seed = new DemoSeed(db, scope.ServiceProvider.GetRequiredService<WorkCalendar>(), DemoData.Password(config));
                (string Name, Func<CancellationToken, Task> Load)[] parts =
                [
                    ("代表建议", seed.SeedSuggestionsAsync), ("常委会会议", seed.SeedMeetingsAsync), ("备案审查", seed.SeedFilingsAsync),
                    ("立法", seed.SeedLegislationAsync), ("监督", seed.SeedSupervisionAsync), ("代表工作", seed.SeedDeputiesAsync),
                    ("预算联网监督（数据量最大）", seed.SeedBudgetMonitoringAsync), ("门户网站", seed.SeedPortalAsync),
                ];
                for (var i = 0; i < parts.Length; i++)
                {
                    Say($"演示数据 {i + 1}/{parts.Length}：{parts[i].Name}…");
                    await parts[i].Load(ct);
                }
                lifetime.ApplicationStarted.Register(() => DemoData.PrintBanner(config, server));
            }
            Say("建立检索索引…");
            await SimilarSuggestions.IndexMissingAsync(db, ct);
            // Regulations promulgated before the regulations database took them in (and the demo's): entered once, idempotently.
            await RegulationRecords.EnterMissingAsync(db, ct);
        }

        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
    }
}

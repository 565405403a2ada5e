using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Renda.BrowserTests.Infrastructure;

/// <summary>
/// The whole application on a real Kestrel loopback port (a browser cannot reach the in-memory
/// TestServer), over SQLite in a temporary data folder, with the demo data loaded and a clock the
/// tests move by hand.
/// </summary>
public sealed class RendaServer : WebApplicationFactory<Program>
{
    public const string Password = "Browser#Demo2026x";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero)); // Monday 10:00 in Beijing
    public string DataDir { get; } = Directory.CreateTempSubdirectory("renda-browser-").FullName;

    /// <summary>http://127.0.0.1:PORT, known once <see cref="Start"/> has run.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public RendaServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no listening address.");
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Renda", $"Data Source={Path.Combine(DataDir, "renda.db")}");
        builder.UseSetting("Renda:DataDir", DataDir);
        builder.UseSetting("Renda:Demo", "true");
        builder.UseSetting("Renda:DemoPassword", Password);
        // The JSON request log would drown the test output; warnings and errors still show.
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

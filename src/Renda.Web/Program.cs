using Renda.Web;
using Renda.Web.Platform.Cli;

// One executable: a known subcommand runs and exits; anything else starts the web host.
if (args.Length > 0 && Commands.IsCommand(args[0]))
    return await Commands.RunAsync(args);

var app = RendaHost.Build(args);
await app.RunAsync();
return 0;

public partial class Program;

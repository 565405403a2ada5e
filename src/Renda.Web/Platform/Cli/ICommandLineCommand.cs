namespace Renda.Web.Platform.Cli;

/// <summary>
/// A subcommand a module adds to the one executable (renda import-laws …): the platform finds the implementations in the
/// assembly by reflection, so it never names a module's type. Each runs in a scope of the same host as the web server.
/// </summary>
public interface ICommandLineCommand
{
    /// <summary>The word after <c>renda</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>renda help</c>: what it does and its arguments.</summary>
    string Usage { get; }

    /// <summary>Runs with the command's plain arguments; returns the exit status.</summary>
    Task<int> RunAsync(IServiceProvider services, string[] args);
}

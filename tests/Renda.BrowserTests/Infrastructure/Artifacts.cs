namespace Renda.BrowserTests.Infrastructure;

/// <summary>Where the browser tests leave what a person should look at: artifacts/ under the repository root (git-ignored).</summary>
public static class Artifacts
{
    private static readonly Lazy<string> Screenshots = new(() =>
        Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots")).FullName);

    public static string ScreenshotDir => Screenshots.Value;

    /// <summary>The nearest folder above the test binaries that holds Renda.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Renda.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Renda.slnx above {AppContext.BaseDirectory}; cannot place artifacts/screenshots.");
    }
}

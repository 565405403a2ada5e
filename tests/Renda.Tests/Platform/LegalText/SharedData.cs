namespace Renda.Tests.Platform.LegalText;

/// <summary>The project's shared data sets (../shared/data next to the repository), found from the test binaries upwards.</summary>
public static class SharedData
{
    public static string Dir { get; } = Locate();

    public static string Laws => Path.Combine(Dir, "laws");
    public static string Schemas => Path.Combine(Dir, "schemas");

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("RENDA_SHARED_DATA");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Renda.slnx")))
                return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException("找不到仓库根目录（Renda.slnx），无法定位 ../shared/data");
    }
}
